"""Writing a plan's critique as a W3C Web Annotation collection (see the package's docstring)."""

from collections import Counter, defaultdict
from datetime import UTC
from urllib.parse import quote

from django.urls import reverse

from coding.publication import codes_by_comment
from opendata.web_annotation import CONTEXT, CREATOR_TYPES, MOTIVATIONS
from responses.models import Response
from responses.selectors import with_links
from revisions.models import RevisedQuote


def collection_for_plan(plan, comments, build_url, *, viewer) -> dict:
    """The Web Annotation collection of `comments` (a queryset of those `viewer` may read) on
    `plan`, respondents named as `viewer` (AnonymousUser: the public) may know them.

    `build_url` makes a path absolute (`request.build_absolute_uri`).
    """
    collection_id = build_url(reverse("api:plan_web_annotations", kwargs={"slug": plan.slug}))
    comments = with_links(
        comments.filter(response__plan=plan).exclude(response__status=Response.Status.DRAFT)
    )
    plan_page = build_url(plan.get_absolute_url())
    followed = _followed_quotes(plan, build_url)
    comments = list(comments)
    codes = codes_by_comment(viewer, plan, [comment.pk for comment in comments])
    items = []
    for comment in comments:
        annotation = _comment_annotation(comment, viewer, codes.get(comment.pk, ()))
        reference = quote(comment.response.reference, safe="")
        comment_id = f"{collection_id}#{reference}/{comment.position}"
        links = comment.section_links.all()
        if not links:
            items.append({"id": comment_id, **annotation, "target": {"source": plan_page}})
        links_to = Counter()
        for link in links:
            number = link.section.number
            links_to[number] += 1
            # A comment quoting two passages of one section links to it twice.
            repeat = f"/{links_to[number]}" if links_to[number] > 1 else ""
            target = {"source": build_url(link.section.get_absolute_url())}
            if link.selector:
                target["selector"] = link.selector
            # The quote where it is in each revision, after the section as consulted on.
            target = [target, *followed[link.pk]] if followed.get(link.pk) else target
            items.append({"id": f"{comment_id}/{number}{repeat}", **annotation, "target": target})
    return {
        "@context": CONTEXT,
        "id": collection_id,
        "type": "AnnotationCollection",
        "label": plan.title,
        "total": len(items),
        "marginalia:plan": _plan_description(plan),
        "first": {
            "id": f"{collection_id}#page-1",
            "type": "AnnotationPage",
            "partOf": collection_id,
            "startIndex": 0,
            "items": items,
        },
    }


def _followed_quotes(plan, build_url):
    """link id -> a target per revision of `plan` where the link's quote is still found: the
    revised section's page with the quote's selector over its wording. One query."""
    targets = defaultdict(list)
    found = (
        RevisedQuote.objects.filter(
            version__plan=plan,
            status__in=[RevisedQuote.Status.UNCHANGED, RevisedQuote.Status.CHANGED],
        )
        .order_by("link", "version__number")
        .values_list(
            "link", "version__number", "section__number", "status", "exact", "prefix", "suffix"
        )
    )
    pages = {}  # (version, section number) -> its page's address: one a section, not a quote
    for link, version, number, status, exact, prefix, suffix in found:
        if (version, number) not in pages:
            pages[version, number] = build_url(
                reverse(
                    "revisions:revised_section",
                    kwargs={"slug": plan.slug, "number": version, "section": number},
                )
            )
        targets[link].append(
            {
                "source": pages[version, number],
                "selector": {
                    "type": "TextQuoteSelector",
                    "exact": exact,
                    "prefix": prefix,
                    "suffix": suffix,
                },
                "marginalia:version": version,
                "marginalia:quote": status,
            }
        )
    return targets


def _comment_annotation(comment, viewer, codes=()) -> dict:
    """What every annotation of `comment` says, whichever part of the plan it targets; its
    `codes` (the coding frame's, as the viewer may read them) classify it after its stance."""
    response = comment.response
    bodies = [_text_body(comment.text_shown_to(viewer), "commenting")]
    bodies.append({"type": "TextualBody", "value": comment.stance, "purpose": "classifying"})
    if comment.proposed_wording:
        bodies.append(_text_body(comment.proposed_wording, "editing"))
    bodies += [
        {"type": "TextualBody", "value": theme.name, "purpose": "tagging"}
        for theme in comment.linked_themes
    ]
    bodies += [
        {"type": "TextualBody", "value": code, "purpose": "classifying", "marginalia:code": origin}
        for code, origin in codes
    ]
    return {
        "type": "Annotation",
        "motivation": MOTIVATIONS[comment.stance],
        "created": response.submitted_at.astimezone(UTC).isoformat().replace("+00:00", "Z"),
        "creator": {
            "type": CREATOR_TYPES[response.respondent.kind],
            "name": response.name_shown_to(viewer),
        },
        "body": bodies,
        "marginalia:response": {
            "reference": response.reference,
            "status": response.status,
            "hidesRespondentName": response.hide_respondent_name,
        },
        "marginalia:position": comment.position,
    }


def _text_body(text, purpose):
    return {
        "type": "TextualBody",
        "value": text,
        "format": "text/plain",
        "language": "en",
        "purpose": purpose,
    }


def _plan_description(plan) -> dict:
    sections = plan.sections.in_natural_order().select_related("theme", "parent")
    return {
        "slug": plan.slug,
        "title": plan.title,
        "publisher": plan.publisher,
        "summary": plan.summary,
        "referencePrefix": plan.reference_prefix,
        "opensOn": plan.opens_on and plan.opens_on.isoformat(),
        "closesOn": plan.closes_on and plan.closes_on.isoformat(),
        "hasFullText": plan.has_full_text,
        "themes": [
            {"name": theme.name, "description": theme.description} for theme in plan.themes.all()
        ],
        "sections": [
            {
                "number": section.number,
                "heading": section.heading,
                "text": section.text,
                "theme": section.theme and section.theme.name,
                "parent": section.parent and section.parent.number,
            }
            for section in sections
        ],
    }
