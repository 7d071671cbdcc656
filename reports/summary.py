"""The summary report of a plan's critique, read for one viewer under the report's filters.

`summary_report` gathers what the HTML and DOCX reports show, section by section, in a fixed
number of queries. `comment_table` gives the CSV and XLSX rows, one per comment–section link,
streamed from the database in chunks so a million rows take no more memory than a thousand.

Only responses the viewer may read are reported (Response.objects.visible_to), and only
submitted and published ones: a report never holds a draft, not even the viewer's own.
`viewer=None` is the management command, run by whoever runs the server: it reads as an admin.
"""

import datetime
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain, islice

from django.db.models import Count, prefetch_related_objects
from django.utils import dateformat, timezone

from annotations.models import CommentTag, Review
from annotations.permissions import can_annotate
from plans.models import Plan, Section, Theme
from plans.ordering import natural_order
from responses.models import Comment, Respondent, Response, SectionLink, ThemeLink
from responses.overview import PlanOverview, SectionFigures, overview_of_plan
from responses.selectors import plan_critique

# Rows fetched per round trip when streaming; on PostgreSQL through a server-side cursor.
CHUNK_SIZE = 2000

STATUS_CHOICES = [
    ("both", "Submitted and published"),
    (Response.Status.SUBMITTED, "Submitted, not yet published"),
    (Response.Status.PUBLISHED, "Published"),
]
_STATUSES = {
    "both": (Response.Status.SUBMITTED, Response.Status.PUBLISHED),
    Response.Status.SUBMITTED: (Response.Status.SUBMITTED,),
    Response.Status.PUBLISHED: (Response.Status.PUBLISHED,),
}
_STANCE_LABELS = dict(Comment.Stance.choices)
_STATUS_LABELS = dict(Response.Status.choices)
_KIND_LABELS = dict(Respondent.Kind.choices)
_REVIEW_LABELS = dict(Review.Status.choices)


def _long_date(date):
    return dateformat.format(date, "j F Y")


@dataclass(frozen=True)
class ReportFilters:
    """Which responses the report covers: their status, when they were submitted (local dates,
    both ends included) and the kind of respondent ("" for any)."""

    status: str = "both"
    submitted_from: datetime.date | None = None
    submitted_to: datetime.date | None = None
    respondent_kind: str = ""

    def as_json(self):
        """The filters as the export log keeps them."""
        return {
            "status": self.status,
            "submitted_from": self.submitted_from.isoformat() if self.submitted_from else None,
            "submitted_to": self.submitted_to.isoformat() if self.submitted_to else None,
            "respondent_kind": self.respondent_kind or None,
        }

    def descriptions(self):
        """The filters in words, for the report's title page."""
        lines = [f"Responses: {dict(STATUS_CHOICES)[self.status].lower()}"]
        if self.submitted_from and self.submitted_to:
            lines.append(
                f"Submitted from {_long_date(self.submitted_from)} "
                f"to {_long_date(self.submitted_to)}"
            )
        elif self.submitted_from:
            lines.append(f"Submitted on or after {_long_date(self.submitted_from)}")
        elif self.submitted_to:
            lines.append(f"Submitted on or before {_long_date(self.submitted_to)}")
        if self.respondent_kind:
            lines.append(f"Respondents: {_KIND_LABELS[self.respondent_kind].lower()}s only")
        else:
            lines.append("Respondents: organisations and individuals")
        return lines


def _start_of_day(date):
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time.min))


def reported_responses(*, plan: Plan, viewer, filters: ReportFilters):
    """The plan's submitted and published responses the viewer may read, as filtered."""
    readable = Response.objects.all() if viewer is None else Response.objects.visible_to(viewer)
    responses = readable.filter(plan=plan, status__in=_STATUSES[filters.status])
    if filters.submitted_from:
        responses = responses.filter(submitted_at__gte=_start_of_day(filters.submitted_from))
    if filters.submitted_to:
        next_day = filters.submitted_to + datetime.timedelta(days=1)
        responses = responses.filter(submitted_at__lt=_start_of_day(next_day))
    if filters.respondent_kind:
        responses = responses.filter(respondent__kind=filters.respondent_kind)
    return responses


def reported_comments(*, plan: Plan, viewer, filters: ReportFilters):
    """The comments of the reported responses, in reading order."""
    return (
        Comment.objects.filter(
            response__in=reported_responses(plan=plan, viewer=viewer, filters=filters)
        )
        .select_related("response__respondent")
        .order_by("response__submitted_at", "response_id", "position")
    )


def shows_annotations(viewer):
    """Whether the report shows officers' tags, review status, plan change and internal note:
    to those who may annotate, as the plan page does."""
    return viewer is None or can_annotate(viewer)


def respondent_name(response: Response, viewer):
    """The respondent's name as the viewer may know it: the stored name, unless publishing hid
    it from this viewer."""
    public = response.public_name
    if public == response.respondent.name or viewer is None or response.name_known_to(viewer):
        return response.respondent.name
    return public


@dataclass(frozen=True)
class ReportedComment:
    """A comment as the report quotes it: who said it (as the viewer may know them), the
    section wording it quotes where it stands, and officers' annotations if shown."""

    comment: Comment
    respondent_name: str
    quotes: tuple[str, ...] = ()
    review: Review | None = None
    tags: tuple[str, ...] = ()

    @property
    def stance_label(self):
        return _STANCE_LABELS[self.comment.stance]

    @property
    def review_label(self):
        return _REVIEW_LABELS[self.review.status if self.review else Review.Status.NOT_REVIEWED]


@dataclass(frozen=True)
class SectionSummary:
    figures: SectionFigures
    quotes: list[SectionLink]
    comments: list[ReportedComment]

    @property
    def section(self) -> Section:
        return self.figures.section

    @property
    def stance_summary(self):
        """The stances the section's comments take, as (stance, label, count), zeros left out."""
        return [
            (count.stance, count.label, count.count)
            for count in self.figures.stance_counts
            if count.count
        ]

    @property
    def respondents(self):
        """Who commented on the section, once each, in the comments' order."""
        return list(dict.fromkeys(entry.respondent_name for entry in self.comments))

    @property
    def recommendations(self):
        """Comments that recommend, or that propose wording of their own."""
        return [
            entry
            for entry in self.comments
            if entry.comment.stance == Comment.Stance.RECOMMENDATION
            or entry.comment.proposed_wording
        ]


@dataclass(frozen=True)
class ThemeSummary:
    theme: Theme
    comments: list[ReportedComment]


@dataclass(frozen=True)
class RespondentSummary:
    name: str
    kind: str
    reference: str
    status: str
    submitted_at: datetime.datetime
    comment_count: int


@dataclass(frozen=True)
class SummaryReport:
    plan: Plan
    filters: ReportFilters
    generated_at: datetime.datetime
    overview: PlanOverview
    sections: list[SectionSummary]
    themes: list[ThemeSummary]
    general_comments: list[ReportedComment]
    respondents: list[RespondentSummary]
    shows_annotations: bool

    @property
    def comment_count(self):
        """Distinct comments in the report."""
        return sum(respondent.comment_count for respondent in self.respondents)


def _reported(comment, viewer, annotated, quotes=()):
    review = getattr(comment, "review", None) if annotated else None
    tags = tuple(tag.tag.name for tag in comment.comment_tags.all()) if annotated else ()
    return ReportedComment(
        comment=comment,
        respondent_name=respondent_name(comment.response, viewer),
        quotes=tuple(quotes),
        review=review,
        tags=tags,
    )


def respondent_summaries(*, plan: Plan, viewer, filters: ReportFilters):
    """The reported responses, by respondent's name, with their number of comments. One query."""
    responses = reported_responses(plan=plan, viewer=viewer, filters=filters)
    rows = (
        responses.select_related("respondent")
        .annotate(comment_count=Count("comments"))
        .order_by("respondent__name", "submitted_at", "pk")
    )
    return [
        RespondentSummary(
            name=respondent_name(response, viewer),
            kind=_KIND_LABELS[response.respondent.kind],
            reference=response.reference,
            status=_STATUS_LABELS[response.status],
            submitted_at=timezone.localtime(response.submitted_at),
            comment_count=response.comment_count,
        )
        for response in rows
    ]


def summary_report(*, plan: Plan, viewer, filters: ReportFilters) -> SummaryReport:
    """The report for `plan` as `viewer` may read it: each section in natural order with its
    counts by stance and its comments, then comments on themes and on the whole plan, then the
    respondents. A fixed number of queries, however many comments."""
    comments = reported_comments(plan=plan, viewer=viewer, filters=filters)
    annotated = shows_annotations(viewer)
    grouped = plan_critique(plan=plan, comments=comments, with_annotations=annotated)
    overview = overview_of_plan(plan=plan, comments=comments)
    # The report names each section's theme: one query for all of them.
    prefetch_related_objects([entry.section for entry in overview.sections], "theme")
    figures = {entry.section.pk: entry for entry in overview.sections}
    sections = [
        SectionSummary(
            figures=figures[entry.section.pk],
            quotes=entry.quotes,
            comments=[
                _reported(item.comment, viewer, annotated, (quote.exact for quote in item.quotes))
                for item in entry.critiques
            ],
        )
        for entry in grouped.sections
    ]
    return SummaryReport(
        plan=plan,
        filters=filters,
        generated_at=timezone.localtime(),
        overview=overview,
        sections=sections,
        themes=[
            ThemeSummary(
                theme=entry.theme,
                comments=[_reported(comment, viewer, annotated) for comment in entry.comments],
            )
            for entry in grouped.themes
        ],
        general_comments=[
            _reported(comment, viewer, annotated) for comment in grouped.general_comments
        ],
        respondents=respondent_summaries(plan=plan, viewer=viewer, filters=filters),
        shows_annotations=annotated,
    )


COLUMNS = (
    "Plan",
    "Section number",
    "Section heading",
    "Respondent",
    "Respondent kind",
    "Response reference",
    "Response status",
    "Submitted at",
    "Comment position",
    "Stance",
    "Comment",
    "Quoted wording",
    "Proposed wording",
    "Themes",
)
ANNOTATION_COLUMNS = ("Tags", "Review status", "Plan change", "Internal note")


@dataclass(frozen=True)
class CommentTable:
    """The report as rows: `columns` names them; `rows` yields tuples lazily, querying as it
    goes, so it can be read once."""

    columns: tuple[str, ...]
    rows: Iterator[tuple]


def comment_table(*, plan: Plan, viewer, filters: ReportFilters) -> CommentTable:
    """One row per comment–section link, sections in natural order and comments in reading
    order within each; then one row, with no section, per comment on themes or the whole plan."""
    annotated = shows_annotations(viewer)
    columns = COLUMNS + ANNOTATION_COLUMNS if annotated else COLUMNS
    return CommentTable(
        columns=columns, rows=_comment_rows(plan=plan, viewer=viewer, filters=filters)
    )


def _response_columns(responses, viewer):
    """What a row says of its response, for each reported response: respondent as the viewer
    may know them, kind, reference, status, submission time. One query; a plan has far fewer
    responses than comment links, so this is the one thing held for the whole export."""
    return {
        response.pk: (
            respondent_name(response, viewer),
            _KIND_LABELS[response.respondent.kind],
            response.reference,
            _STATUS_LABELS[response.status],
            timezone.localtime(response.submitted_at).replace(tzinfo=None),
        )
        for response in responses.select_related("respondent").defer("respondent__description")
    }


def _chunks(rows, size):
    """`rows` in lists of `size`."""
    rows = iter(rows)
    while chunk := list(islice(rows, size)):
        yield chunk


def _names_by_comment(links, comment_ids, name_field):
    """{comment id: "name; name"} for the theme or tag links of `comment_ids`."""
    names = {}
    for comment_id, name in (
        links.filter(comment_id__in=comment_ids)
        .order_by(name_field)
        .values_list("comment_id", name_field)
    ):
        names.setdefault(comment_id, []).append(name)
    return {comment_id: "; ".join(found) for comment_id, found in names.items()}


def _comment_fields(prefix, annotated):
    fields = ["id", "response_id", "position", "stance", "text", "proposed_wording"]
    if annotated:
        fields += ["review__status", "review__plan_change", "review__note"]
    return [f"{prefix}{name}" for name in fields]


def _comment_rows(*, plan, viewer, filters):
    # Rows are read as plain values, not model instances, and each chunk's themes and tags in
    # one query apiece: building six model instances a row would make a million rows slow.
    annotated = shows_annotations(viewer)
    responses = reported_responses(plan=plan, viewer=viewer, filters=filters)
    response_columns = _response_columns(responses, viewer)
    links = (
        SectionLink.objects.filter(comment__response__in=responses)
        .order_by(
            *natural_order("section__number"),
            "comment__response__submitted_at",
            "comment__response_id",
            "comment__position",
            "pk",
        )
        .values_list(
            "section__number", "section__heading", "exact", *_comment_fields("comment__", annotated)
        )
    )
    unlinked = (
        Comment.objects.filter(response__in=responses, section_links__isnull=True)
        .order_by("response__submitted_at", "response_id", "position")
        .values_list(*_comment_fields("", annotated))
    )
    no_section = ("", "", "")
    for values in _chunks(
        chain(
            links.iterator(chunk_size=CHUNK_SIZE),
            (no_section + row for row in unlinked.iterator(chunk_size=CHUNK_SIZE)),
        ),
        CHUNK_SIZE,
    ):
        comment_ids = {row[3] for row in values}
        themes = _names_by_comment(ThemeLink.objects, comment_ids, "theme__name")
        tags = _names_by_comment(CommentTag.objects, comment_ids, "tag__name") if annotated else {}
        for row in values:
            yield _row(plan, row, response_columns, themes, tags, annotated)


def _row(plan, values, response_columns, themes, tags, annotated):
    number, heading, quoted, comment_id, response_id, position, stance, text, proposed, *review = (
        values
    )
    row = (
        plan.title,
        number,
        heading,
        *response_columns[response_id],
        position,
        _STANCE_LABELS[stance],
        text,
        quoted,
        proposed,
        themes.get(comment_id, ""),
    )
    if not annotated:
        return row
    status, plan_change, note = review
    return row + (
        tags.get(comment_id, ""),
        _REVIEW_LABELS[status or Review.Status.NOT_REVIEWED],
        plan_change or "",
        note or "",
    )
