"""Services that write responses and their links, each rule checked before anything is saved."""

from django.db import transaction
from simple_history.utils import bulk_create_with_history

from plans.models import Plan
from responses.linking import ParagraphLinks, detect_links
from responses.models import Comment, SectionLink, ThemeLink


def suggest_links(*, plan: Plan, text: str) -> list[ParagraphLinks]:
    """Run the link detector over `text` against `plan`'s sections and themes (two queries)."""
    sections = dict(plan.sections.values_list("number", "text"))
    themes = list(plan.themes.values_list("name", flat=True))
    return detect_links(text, sections=sections, themes=themes)


def _evidence_for(links: ParagraphLinks, kinds, target) -> str:
    """The words that suggested linking to `target`, e.g. "Point 1.11; ‘considered’"."""
    words = [item.words for item in links.evidence if item.kind in kinds and item.target == target]
    return "; ".join(dict.fromkeys(words))[:300]


@transaction.atomic
def link_comment(*, comment: Comment, links: ParagraphLinks) -> None:
    """Make `comment`'s section and theme links exactly those the detector found, and no others,
    each keeping the words that suggested it.

    Each link is validated with `full_clean`, so a link to another plan's section is refused
    and, the whole call being one transaction, nothing is half-saved.
    """
    plan = comment.response.plan
    sections = {
        section.number: section for section in plan.sections.filter(number__in=links.sections)
    }
    themes = {theme.name: theme for theme in plan.themes.filter(name__in=links.themes)}

    def section_link(number, **quote):
        evidence = _evidence_for(links, ("section", "quote"), number)
        return SectionLink(comment=comment, section=sections[number], evidence=evidence, **quote)

    wanted_section_links = [
        section_link(quote.section, exact=quote.exact, prefix=quote.prefix, suffix=quote.suffix)
        for quote in links.quotes
    ]
    quoted_sections = {quote.section for quote in links.quotes}
    wanted_section_links += [
        section_link(number) for number in links.sections if number not in quoted_sections
    ]
    wanted_theme_links = [
        ThemeLink(
            comment=comment, theme=themes[name], evidence=_evidence_for(links, ("theme",), name)
        )
        for name in links.themes
    ]

    replace_links(comment.section_links, wanted_section_links, key=SECTION_LINK_KEY)
    replace_links(comment.theme_links, wanted_theme_links, key=THEME_LINK_KEY)


def create_linked_comments(*, response, paragraphs: list[ParagraphLinks]) -> list[Comment]:
    """New comments of `response`, one per paragraph in order, each linked as its paragraph
    says: in five queries however many there are (an import of a thousand letters makes these
    by the tens of thousands), with history as if each were saved on its own.

    The links need no checks beyond the detector's: every section and theme is read from the
    response's own plan, and every quote is wording the detector found in its section.
    """
    plan = response.plan
    numbers = {number for links in paragraphs for number in links.sections}
    numbers |= {quote.section for links in paragraphs for quote in links.quotes}
    sections = {section.number: section for section in plan.sections.filter(number__in=numbers)}
    names = {name for links in paragraphs for name in links.themes}
    themes = {theme.name: theme for theme in plan.themes.filter(name__in=names)}
    comments = bulk_create_with_history(
        [
            Comment(response=response, position=position, text=links.text)
            for position, links in enumerate(paragraphs, start=1)
        ],
        Comment,
    )
    section_links, theme_links = {}, {}
    for comment, links in zip(comments, paragraphs, strict=True):
        for quote in links.quotes:
            section_links.setdefault(
                (comment.pk, quote.section, quote.exact),
                SectionLink(
                    comment=comment,
                    section=sections[quote.section],
                    exact=quote.exact,
                    prefix=quote.prefix,
                    suffix=quote.suffix,
                    evidence=_evidence_for(links, ("section", "quote"), quote.section),
                ),
            )
        quoted = {quote.section for quote in links.quotes}
        for number in links.sections:
            if number not in quoted:
                section_links.setdefault(
                    (comment.pk, number, ""),
                    SectionLink(
                        comment=comment,
                        section=sections[number],
                        evidence=_evidence_for(links, ("section", "quote"), number),
                    ),
                )
        for name in links.themes:
            theme_links.setdefault(
                (comment.pk, name),
                ThemeLink(
                    comment=comment,
                    theme=themes[name],
                    evidence=_evidence_for(links, ("theme",), name),
                ),
            )
    bulk_create_with_history(list(section_links.values()), SectionLink)
    bulk_create_with_history(list(theme_links.values()), ThemeLink)
    return comments


# What makes two links of one comment the same link.
SECTION_LINK_KEY = ("section_id", "exact")
THEME_LINK_KEY = ("theme_id",)


def replace_links(stored, wanted, *, key):
    """Make `stored` (one comment's links of one kind: its section links, theme links or tags)
    exactly `wanted`, links of the same model, saved or not.

    A wanted link already stored under the same `key` keeps its row, saved again only if it
    differs, so history records each link added, changed and removed and nothing else; wanted
    links sharing a key are one link; stored links not wanted are deleted. Each link saved is
    checked with `full_clean` first, so a link to another plan's section is refused: call this
    inside a transaction, and a refusal saves nothing. Returns whether anything changed.
    """
    existing = {_key(link, key): link for link in stored.all()}
    unique = {}
    for link in wanted:
        unique.setdefault(_key(link, key), link)
    kept_ids = []
    saved = False
    for link_key, link in unique.items():
        current = existing.get(link_key)
        if current is not None:
            if _same_values(current, link):
                kept_ids.append(current.pk)
                continue
            link.pk, link._state.adding = current.pk, False
        link.full_clean()
        link.save()
        saved = True
        kept_ids.append(link.pk)
    deleted, _ = stored.exclude(pk__in=kept_ids).delete()
    return saved or bool(deleted)


def _key(link, fields):
    return tuple(getattr(link, field) for field in fields)


def _same_values(stored, wanted):
    return all(
        getattr(stored, field.attname) == getattr(wanted, field.attname)
        for field in stored._meta.concrete_fields
        if not field.primary_key
    )
