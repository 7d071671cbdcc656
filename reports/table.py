"""The summary report as a table, for the CSV and XLSX: one row per comment–section link, streamed
from the database in chunks so a million rows take no more memory than a thousand."""

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain, islice

from django.db.models import Case, CharField, F, Value, When
from django.db.models.functions import Concat
from django.utils import timezone

from coding.models import Assignment
from officers.models import CommentTag, Review
from plans.models import Plan
from plans.ordering import natural_order
from reports.filters import ReportFilters
from reports.report import KIND_LABELS, REVIEW_LABELS, STANCE_LABELS, STATUS_LABELS
from reports.selectors import reported_responses, shows_annotations
from responses.models import Comment, SectionLink, ThemeLink, shown_text
from responses.ordering import reading_order
from revisions import selectors

# Rows fetched per round trip when streaming; on PostgreSQL through a server-side cursor.
CHUNK_SIZE = 2000

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
# For officers' eyes: their annotations, and whether the public reads the comment redacted.
ANNOTATION_COLUMNS = (
    "Tags",
    "Review status",
    "Plan change",
    "Internal note",
    "Redacted for the public",
    "Codes",
)


def revision_columns(version):
    """What the latest revision did with each row's section and quote ("You said, we did")."""
    return (
        f"Section in version {version.number}",
        f"Wording changed in version {version.number}",
        f"Quoted wording in version {version.number}",
    )


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
    version = selectors.latest_version(plan)
    if version is not None:
        columns += revision_columns(version)
    return CommentTable(
        columns=columns,
        rows=_comment_rows(plan=plan, viewer=viewer, filters=filters, version=version),
    )


def _response_columns(responses, viewer):
    """What a row says of its response, for each reported response: respondent as the viewer
    may know them, kind, reference, status, submission time. One query; a plan has far fewer
    responses than comment links, so this is the one thing held for the whole export."""
    return {
        response.pk: (
            response.name_shown_to(viewer),
            KIND_LABELS[response.respondent.kind],
            response.reference,
            STATUS_LABELS[response.status],
            timezone.localtime(response.submitted_at).replace(tzinfo=None),
        )
        for response in responses.select_related("respondent").defer("respondent__description")
    }


def _chunks(rows, size):
    """`rows` in lists of `size`."""
    rows = iter(rows)
    while chunk := list(islice(rows, size)):
        yield chunk


def coded(plan):
    """The plan's codings, each with its code's `path` ("Theme › Sub-theme"), to order and
    join by as the database does (its collation: the CSV it writes itself must match)."""
    return Assignment.objects.filter(code__plan=plan).annotate(
        path=Case(
            When(code__parent=None, then=F("code__name")),
            default=Concat("code__parent__name", Value(CODE_PATH), "code__name"),
            output_field=CharField(),
        )
    )


CODE_PATH = " › "


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
    """The comment's values a row reads; its words as `shown_text`, annotated by the caller
    (redactions laid over them for all but officers)."""
    fields = ["id", "response_id", "position", "stance"]
    later = ["proposed_wording"]
    if annotated:
        later += ["review__status", "review__plan_change", "review__note", "public_text"]
    return [f"{prefix}{name}" for name in fields] + ["shown"] + [f"{prefix}{n}" for n in later]


def _comment_rows(*, plan, viewer, filters, version):
    # Rows are read as plain values, not model instances, and each chunk's themes and tags in
    # one query apiece: building six model instances a row would make a million rows slow.
    annotated = shows_annotations(viewer)
    responses = reported_responses(plan=plan, viewer=viewer, filters=filters)
    response_columns = _response_columns(responses, viewer)
    links = (
        SectionLink.objects.filter(comment__response__in=responses)
        .annotate(shown=shown_text(viewer, through="comment__"))
        .order_by(*natural_order(through="section__"), *reading_order(through="comment__"), "pk")
        .values_list(
            "pk",
            "section_id",
            "section__number",
            "section__heading",
            "exact",
            *_comment_fields("comment__", annotated),
        )
    )
    unlinked = (
        Comment.objects.filter(response__in=responses, section_links__isnull=True)
        .annotate(shown=shown_text(viewer))
        .order_by(*reading_order())
        .values_list(*_comment_fields("", annotated))
    )
    no_section = (None, None, "", "", "")
    section_fates = selectors.section_fates(version) if version else {}
    for values in _chunks(
        chain(
            links.iterator(chunk_size=CHUNK_SIZE),
            (no_section + row for row in unlinked.iterator(chunk_size=CHUNK_SIZE)),
        ),
        CHUNK_SIZE,
    ):
        comment_ids = {row[5] for row in values}
        themes = _names_by_comment(ThemeLink.objects, comment_ids, "theme__name")
        tags = _names_by_comment(CommentTag.objects, comment_ids, "tag__name") if annotated else {}
        codes = _names_by_comment(coded(plan), comment_ids, "path") if annotated else {}
        quotes = (
            selectors.quote_summaries(version, {row[0] for row in values if row[4]})
            if version
            else {}
        )
        for row in values:
            cells = _row(plan, row[2:], response_columns, themes, tags, annotated)
            if annotated:
                cells += (codes.get(row[5], ""),)
            if version:
                cells += _revision_cells(row, section_fates, quotes)
            yield cells


def _revision_cells(values, section_fates, quotes):
    link_id, section_id, *_rest = values
    if section_id is None:
        return ("", "", "")
    number, changed = section_fates.get(section_id, ("", False))
    return (number, "Yes" if changed else "No", quotes.get(link_id, ""))


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
        STANCE_LABELS[stance],
        text,
        quoted,
        proposed,
        themes.get(comment_id, ""),
    )
    if not annotated:
        return row
    status, plan_change, note, public_text = review
    return row + (
        tags.get(comment_id, ""),
        REVIEW_LABELS[status or Review.Status.NOT_REVIEWED],
        plan_change or "",
        note or "",
        "No" if public_text is None else "Yes",
    )
