"""Reading a W3C Web Annotation collection that `writing` wrote back into plans, responses,
comments and links (see the package's docstring)."""

from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import Resolver404, resolve

from opendata.web_annotation import (
    CREATOR_KINDS,
    IMPORTED_STATUSES,
    WEB_ANNOTATION_CONTEXT,
    WebAnnotationError,
)
from plans import anchoring
from plans.models import Plan, Section, Theme
from responses.models import Comment, Respondent, Response, SectionLink, ThemeLink


@dataclass
class ImportSummary:
    plan: str
    annotations: int = 0
    plans_created: int = 0
    sections_created: int = 0
    responses_created: int = 0
    comments_created: int = 0
    section_links_created: int = 0
    theme_links_created: int = 0

    def __str__(self):
        return (
            f"Imported {self.annotations} annotations on plan {self.plan}: created "
            f"{self.plans_created} plan(s), {self.sections_created} section(s), "
            f"{self.responses_created} response(s), {self.comments_created} comment(s), "
            f"{self.section_links_created} section link(s), "
            f"{self.theme_links_created} theme link(s)."
        )


@dataclass
class _Annotation:
    """One annotation, checked and read into what Marginalia stores."""

    where: str
    reference: str
    status: str
    hides_respondent_name: bool
    submitted_at: datetime
    respondent_name: str
    respondent_kind: str
    position: int
    text: str
    stance: str
    proposed_wording: str
    themes: list[str]
    section_number: str | None
    quote: dict  # exact, prefix and suffix; empty when the annotation quotes nothing


@transaction.atomic
def import_collection(data) -> ImportSummary:
    """Find or create the plan, its themes and sections, and the responses, comments and links
    of a collection `collection_for_plan` wrote. The whole document is checked before anything
    is saved, and it is one transaction: a document that cannot be saved whole saves nothing.
    Importing the same document twice adds nothing the second time."""
    description, annotations = _read_collection(data)
    collection_import = _CollectionImport(description)
    for annotation in annotations:
        collection_import.save(annotation)
    Plan.objects.filter(pk=collection_import.plan.pk).bump_generation()
    return collection_import.summary


def _read_collection(data):
    if not isinstance(data, dict):
        raise WebAnnotationError("expected a JSON object, an AnnotationCollection.")
    if data.get("type") != "AnnotationCollection":
        raise WebAnnotationError('expected "type": "AnnotationCollection".')
    context = data.get("@context")
    if WEB_ANNOTATION_CONTEXT not in (context if isinstance(context, list) else [context]):
        raise WebAnnotationError(f'expected "@context" to include "{WEB_ANNOTATION_CONTEXT}".')
    description = _read_plan(_require(data, "marginalia:plan", dict, "the collection"))
    page = _require(data, "first", dict, "the collection")
    items = _require(page, "items", list, "the collection's first page")
    slug = description["plan"]["slug"]
    return description, [
        _read_annotation(item, index, slug) for index, item in enumerate(items, start=1)
    ]


def _read_plan(block) -> dict:
    where = "marginalia:plan"
    themes = _optional(block, "themes", list, [], where)
    sections = _optional(block, "sections", list, [], where)
    if not all(isinstance(entry, dict) for entry in themes + sections):
        raise WebAnnotationError(f"{where}: each theme and section must be an object.")
    plan = {
        "slug": _require(block, "slug", str, where),
        "title": _require(block, "title", str, where),
        "publisher": _optional(block, "publisher", str, "", where),
        "summary": _optional(block, "summary", str, "", where),
        "reference_prefix": _require(block, "referencePrefix", str, where),
        "opens_on": _read_date(_optional(block, "opensOn", str, None, where), where),
        "closes_on": _read_date(_optional(block, "closesOn", str, None, where), where),
        "has_full_text": _optional(block, "hasFullText", bool, True, where),
    }
    return {
        "plan": plan,
        "themes": [
            {
                "name": _require(theme, "name", str, f"{where} themes"),
                "description": _optional(theme, "description", str, "", f"{where} themes"),
            }
            for theme in themes
        ],
        "sections": [
            {
                "number": _require(section, "number", str, f"{where} sections"),
                "heading": _optional(section, "heading", str, "", f"{where} sections"),
                "text": _optional(section, "text", str, "", f"{where} sections"),
                "theme": _optional(section, "theme", str, None, f"{where} sections"),
                "parent": _optional(section, "parent", str, None, f"{where} sections"),
            }
            for section in sections
        ],
    }


def _read_annotation(item, index, slug) -> _Annotation:
    where = f"annotation {index}"
    if not isinstance(item, dict) or item.get("type") != "Annotation":
        raise WebAnnotationError(f'{where}: expected an object with "type": "Annotation".')
    where = f"annotation {index} ({item.get('id', 'no id')})"
    response = _require(item, "marginalia:response", dict, where)
    status = _require(response, "status", str, where)
    if status not in IMPORTED_STATUSES:
        raise WebAnnotationError(f"{where}: the status must be one of {IMPORTED_STATUSES}.")
    creator = _require(item, "creator", dict, where)
    if creator.get("type") not in CREATOR_KINDS:
        raise WebAnnotationError(
            f"{where}: the creator's type must be one of {list(CREATOR_KINDS)}."
        )
    bodies = _require(item, "body", (list, dict), where)
    bodies = bodies if isinstance(bodies, list) else [bodies]
    if not all(isinstance(body, dict) for body in bodies):
        raise WebAnnotationError(f"{where}: each body must be an object.")
    values = {}  # each body's value, by its purpose
    for body in bodies:
        values.setdefault(body.get("purpose"), []).append(_require(body, "value", str, where))
    if len(values.get("commenting", [])) != 1:
        raise WebAnnotationError(f'{where}: expected one body with "purpose": "commenting".')
    stance = (values.get("classifying") or [Comment.Stance.GENERAL])[0]
    if stance not in Comment.Stance.values:
        raise WebAnnotationError(f"{where}: the stance must be one of {Comment.Stance.values}.")
    target = _require(item, "target", (dict, list), where)
    if isinstance(target, list):  # the section as consulted on, then where revisions keep it
        target = target[0] if target and isinstance(target[0], dict) else None
        if target is None:
            raise WebAnnotationError(f"{where}: the first target must be an object.")
    section_number, quoted = _read_target(target, slug, where)
    return _Annotation(
        where=where,
        reference=_require(response, "reference", str, where),
        status=status,
        hides_respondent_name=_require(response, "hidesRespondentName", bool, where),
        submitted_at=_read_time(_require(item, "created", str, where), where),
        respondent_name=_require(creator, "name", str, where),
        respondent_kind=CREATOR_KINDS[creator["type"]],
        position=_require(item, "marginalia:position", int, where),
        text=values["commenting"][0],
        stance=stance,
        proposed_wording=(values.get("editing") or [""])[0],
        themes=values.get("tagging", []),
        section_number=section_number,
        quote=quoted,
    )


def _read_target(target, slug, where):
    """The number of the section whose page the target is (None for the plan's page), and the
    wording it quotes, if any."""
    source = _require(target, "source", str, where)
    page = _page_of(urlsplit(source).path)
    if page is None:
        raise WebAnnotationError(f"{where}: the target {source} is not a plan or section page.")
    page_slug, number = page
    if page_slug != slug:
        raise WebAnnotationError(f"{where}: the target {source} is not a page of plan {slug}.")
    selector = _optional(target, "selector", dict, None, where)
    if selector is None:
        return number, {}
    if selector.get("type") != "TextQuoteSelector":
        raise WebAnnotationError(f"{where}: the only selector read is a TextQuoteSelector.")
    quoted = {
        "exact": _require(selector, "exact", str, where),
        "prefix": _optional(selector, "prefix", str, "", where),
        "suffix": _optional(selector, "suffix", str, "", where),
    }
    return number, quoted


def _page_of(path):
    """(plan slug, section number or None) when `path` is a plan's or a section's page, as
    `get_absolute_url` makes them; None for any other path."""
    try:
        arguments = resolve(path).kwargs
    except Resolver404:
        return None
    slug, number = arguments.get("slug"), arguments.get("number")
    if not isinstance(slug, str):
        return None
    plan = Plan(slug=slug)
    page = Section(plan=plan, number=number) if number is not None else plan
    return (slug, number) if page.get_absolute_url() == path else None


def _read_time(text, where):
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise WebAnnotationError(f'{where}: "created" must be a date and time with its zone.')
    return moment


def _read_date(text, where):
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise WebAnnotationError(f"{where}: {text!r} is not a date.") from None


def _require(mapping, key, kind, where):
    value = mapping.get(key)
    # bool is an int to Python, but a position of true is no position.
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
        raise WebAnnotationError(f'{where}: "{key}" is missing or of the wrong type.')
    return value


def _optional(mapping, key, kind, default, where):
    return default if mapping.get(key) is None else _require(mapping, key, kind, where)


class _CollectionImport:
    """Saves a checked collection into its plan, found or created with its themes and sections,
    remembering the responses and comments found or created on the way."""

    def __init__(self, description):
        self.summary = ImportSummary(plan=description["plan"]["slug"])
        self.plan = self._find_or_create_plan(description["plan"])
        self.themes = self._find_or_create_themes(description["themes"])
        self.sections = self._find_or_create_sections(description["sections"])
        self.responses, self.comments = {}, {}

    def _find_or_create_plan(self, fields):
        plan = Plan.objects.filter(slug=fields["slug"]).first()
        if plan is None:
            plan = _save(Plan(**fields), "marginalia:plan")
            self.summary.plans_created += 1
        return plan

    def _find_or_create_themes(self, descriptions):
        themes = {theme.name: theme for theme in self.plan.themes.all()}
        for theme in descriptions:
            if theme["name"] not in themes:
                where = f"marginalia:plan theme {theme['name']}"
                themes[theme["name"]] = _save(Theme(plan=self.plan, **theme), where)
        return themes

    def _find_or_create_sections(self, descriptions):
        sections = {section.number: section for section in self.plan.sections.all()}
        # Sections are listed in natural order, so a parent (1.3) comes before its children.
        for section in descriptions:
            if section["number"] in sections:
                continue
            where = f"marginalia:plan section {section['number']}"
            for kind, known in (("theme", self.themes), ("parent", sections)):
                if section[kind] is not None and section[kind] not in known:
                    raise WebAnnotationError(f"{where}: there is no {kind} {section[kind]!r}.")
            new_section = Section(
                plan=self.plan,
                number=section["number"],
                heading=section["heading"],
                text=section["text"],
                theme=self.themes.get(section["theme"]),
                parent=sections.get(section["parent"]),
            )
            sections[new_section.number] = _save(new_section, where)
            self.summary.sections_created += 1
        return sections

    def save(self, annotation):
        self.summary.annotations += 1
        comment = self.comments.get((annotation.reference, annotation.position))
        if comment is None:
            comment = self._find_or_create_comment(annotation)
            self.comments[annotation.reference, annotation.position] = comment
        if annotation.section_number is None:
            return
        section = self.sections.get(annotation.section_number)
        if section is None:
            raise WebAnnotationError(
                f"{annotation.where}: plan {self.plan.slug} has no section "
                f"{annotation.section_number}."
            )
        quote = _placed_quote(annotation, section)
        if not comment.section_links.filter(section=section, exact=quote["exact"]).exists():
            link = SectionLink(comment=comment, section=section, **quote)
            _save(link, annotation.where)
            self.summary.section_links_created += 1

    def _find_or_create_comment(self, annotation):
        response = self.responses.get(annotation.reference)
        if response is None:
            response = self.responses[annotation.reference] = self._find_or_create_response(
                annotation
            )
        comment = response.comments.filter(position=annotation.position).first()
        if comment is not None:
            return comment
        comment = Comment(
            response=response,
            position=annotation.position,
            text=annotation.text,
            stance=annotation.stance,
            proposed_wording=annotation.proposed_wording,
        )
        _save(comment, annotation.where)
        self.summary.comments_created += 1
        for name in annotation.themes:
            if name not in self.themes:
                raise WebAnnotationError(
                    f"{annotation.where}: plan {self.plan.slug} has no theme {name!r}."
                )
            ThemeLink.objects.create(comment=comment, theme=self.themes[name])
            self.summary.theme_links_created += 1
        return comment

    def _find_or_create_response(self, annotation):
        response = Response.objects.filter(reference=annotation.reference).first()
        if response is not None:
            if response.plan_id != self.plan.pk:
                raise WebAnnotationError(
                    f"{annotation.where}: response {annotation.reference} answers another plan."
                )
            return response
        respondent = None
        # A hidden name may be the placeholder every hidden individual shares: never merge on it.
        if not annotation.hides_respondent_name:
            respondent = Respondent.objects.filter(
                name=annotation.respondent_name, kind=annotation.respondent_kind
            ).first()
        if respondent is None:
            respondent = _save(
                Respondent(name=annotation.respondent_name, kind=annotation.respondent_kind),
                annotation.where,
            )
        response = Response(
            plan=self.plan,
            respondent=respondent,
            status=annotation.status,
            reference=annotation.reference,
            submitted_at=annotation.submitted_at,
            hide_respondent_name=annotation.hides_respondent_name,
        )
        _save(response, annotation.where)
        self.summary.responses_created += 1
        return response


def _save(instance, where):
    """Check `instance` as a form would (fields, `clean`, constraints), then save it."""
    try:
        instance.full_clean()
    except ValidationError as error:
        raise WebAnnotationError(f"{where}: {' '.join(error.messages)}") from None
    instance.save()
    return instance


def _placed_quote(annotation, section):
    """The annotation's quote placed in the section's own text by the quote matcher: its exact
    wording, context and how alike it is, as a SectionLink keeps them; a quote that is not
    there, or fits several places its context cannot tell apart, is refused, never guessed."""
    quote = annotation.quote
    if not quote.get("exact"):
        return {"exact": ""}
    placed = anchoring.anchor(
        section.text, quote["exact"], prefix=quote.get("prefix", ""), suffix=quote.get("suffix", "")
    )
    if not placed.placed:
        where = f"{annotation.where}: the quoted wording “{quote['exact'][:80]}”"
        if placed.status == "ambiguous":
            raise WebAnnotationError(
                f"{where} occurs more than once in section {section.number}, and its prefix "
                "and suffix do not say which."
            )
        raise WebAnnotationError(f"{where} does not occur in section {section.number}.")
    return {
        "exact": placed.exact,
        "prefix": placed.prefix,
        "suffix": placed.suffix,
        "similarity": round(placed.similarity, 3),
    }
