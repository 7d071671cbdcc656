"""The summary report's CSV written by PostgreSQL itself, at the database's own speed: the same
bytes marginalia.csv_files writes in Python (a test compares them), streamed as they come.

Each row of `COPY (SELECT …) TO STDOUT` is one text column holding a whole CSV line: every cell
made safe for spreadsheets and quoted as Python's csv module quotes it (the SQL functions of
migration reports 0002), joined by commas and ended with CR, so that with COPY's own LF the line
ends CRLF as csv.writer's do. COPY's text format escapes backslashes and control characters (a
line break in a comment arrives as the two characters backslash and n): they are put back here.

psycopg2 writes COPY's output to a file, so a thread runs it into a pipe the download reads.
"""

import os
import re
import threading

from django.conf import settings
from django.db import connection
from django.db.models import (
    Case,
    CharField,
    DateTimeField,
    Exists,
    F,
    FilteredRelation,
    Func,
    OuterRef,
    Q,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce

from coding.models import Assignment, Code
from marginalia.csv_files import csv_chunks
from officers.models import CommentTag, Review
from reports.report import KIND_LABELS, REVIEW_LABELS, STANCE_LABELS, STATUS_LABELS
from reports.selectors import reported_responses, shows_annotations
from reports.table import ANNOTATION_COLUMNS, CODE_PATH, COLUMNS, revision_columns
from responses.models import Comment, SectionLink, ThemeLink, shown_respondent_name, shown_text
from responses.ordering import reading_order
from revisions.selectors import latest_version, section_fates

CHUNK_BYTES = 64 * 1024
_ESCAPE = re.compile(rb"\\(.)", re.DOTALL)
_ESCAPED = {
    b"\\": b"\\",
    b"n": b"\n",
    b"r": b"\r",
    b"t": b"\t",
    b"b": b"\b",
    b"f": b"\f",
    b"v": b"\v",
}


def available():
    """Whether the database can write the CSV: PostgreSQL can, SQLite cannot."""
    return connection.vendor == "postgresql"


class TextCell(Func):
    """A column of text as csv_chunks writes it: made spreadsheet-safe, then quoted if need be."""

    template = "report_csv_text(%(expressions)s)"
    output_field = TextField()


def _written(value):
    """A value as csv_chunks writes it into a cell, made here once rather than on every row."""
    if value == "":
        return ""  # csv.writer quotes an empty cell only when it is a row's one cell
    return b"".join(csv_chunks([value], [])).decode("utf-8-sig").removesuffix("\r\n")


def _label(field, labels, default=""):
    """The cell of a choice field: the label its value shows, as csv_chunks writes it."""
    return Case(
        *(When(**{field: value}, then=Value(_written(label))) for value, label in labels.items()),
        default=Value(_written(default)),
        output_field=CharField(),
    )


class _Joined(Func):
    """Cells joined by commas in one go. Every cell is text and never NULL, which concat_ws
    would leave out."""

    template = "concat_ws(',', %(expressions)s)"
    output_field = TextField()


def _cells(plan, viewer, *, to_comment, section, quoted, annotated):
    """The cells of one row, in reports.table's columns, for rows that reach their comment
    through the path `to_comment` ("" or "comment__"): those before the themes (`head`) and,
    for officers' eyes, those after the tags (`tail`). `section` and `quoted` are the cells of
    the section and of the wording quoted."""
    response = f"{to_comment}response__"
    submitted = Func(
        F(f"{response}submitted_at"),
        Value(settings.TIME_ZONE),
        template="(%(expressions)s)",
        arg_joiner=" AT TIME ZONE ",
        output_field=DateTimeField(),
    )
    head = [
        Value(_written(plan.title)),
        *section,
        TextCell(shown_respondent_name(viewer, through=response)),
        _label(f"{response}respondent__kind", KIND_LABELS),
        TextCell(F(f"{response}reference")),
        _label(f"{response}status", STATUS_LABELS),
        # Digits, dashes and colons: written as they are, as csv_chunks writes numbers and times.
        Func(
            submitted, Value("YYYY-MM-DD HH24:MI:SS"), function="to_char", output_field=TextField()
        ),
        Cast(F(f"{to_comment}position"), TextField()),
        _label(f"{to_comment}stance", STANCE_LABELS),
        TextCell(shown_text(viewer, through=to_comment)),
        quoted,
        TextCell(F(f"{to_comment}proposed_wording")),
    ]
    tail = [
        _label(
            f"{to_comment}review__status",
            REVIEW_LABELS,
            default=REVIEW_LABELS[Review.Status.NOT_REVIEWED],
        ),
        TextCell(Coalesce(F(f"{to_comment}review__plan_change"), Value(""))),
        TextCell(Coalesce(F(f"{to_comment}review__note"), Value(""))),
        Case(
            When(**{f"{to_comment}public_text__isnull": True}, then=Value("No")),
            default=Value("Yes"),
            output_field=TextField(),
        ),
    ]
    return {
        "head": _Joined(*head),
        "tail": _Joined(*tail) if annotated else Value(""),
        "comment_ref": F(f"{to_comment}id"),
    }


def _revision_cells(version):
    """The cells of reports.table's revision columns, for rows of comment–section links with
    their quote in `version` joined as `quote_in_version`: the sections carrying each section
    in `version` and whether their wording changed (written once per section, here), and what
    became of the row's quote."""
    fates = section_fates(version)
    number = Case(
        *(When(section_id=section, then=Value(_written(n))) for section, (n, _c) in fates.items()),
        default=Value(""),
        output_field=CharField(),
    )
    changed = Case(
        When(
            section_id__in=[section for section, (_n, c) in fates.items() if c],
            then=Value("Yes"),
        ),
        default=Value("No"),
        output_field=CharField(),
    )
    quote = TextCell(Coalesce(F("quote_in_version__summary"), Value("")))
    return _Joined(number, changed, quote)


def copy_statements(*, plan, viewer, filters):
    """The report's rows as two COPY statements, in reports.table's order: a row for each
    comment–section link, sections in natural order and comments in reading order; then a row
    for each comment on no section."""
    annotated = shows_annotations(viewer)
    version = latest_version(plan)
    responses = reported_responses(plan=plan, viewer=viewer, filters=filters).values("pk")
    links = SectionLink.objects.filter(comment__response__in=responses)
    if version:
        # Each link's quote in the version, by a join rather than a subquery a row.
        links = links.annotate(
            quote_in_version=FilteredRelation(
                "revised_quotes", condition=Q(revised_quotes__version=version)
            )
        )
    links = links.annotate(
        revised=_revision_cells(version) if version else Value(""),
        **_cells(
            plan,
            viewer,
            to_comment="comment__",
            section=[TextCell(F("section__number")), TextCell(F("section__heading"))],
            quoted=TextCell(F("exact")),
            annotated=annotated,
        ),
        **_order_keys("section__sort_key", *reading_order(through="comment__"), "pk"),
    )
    unlinked = (
        Comment.objects.filter(response__in=responses)
        .filter(~Exists(SectionLink.objects.filter(comment=OuterRef("pk"))))
        .annotate(
            revised=Value(",," if version else ""),
            **_cells(
                plan,
                viewer,
                to_comment="",
                section=[Value(""), Value("")],
                quoted=Value(""),
                annotated=annotated,
            ),
            **_order_keys(*reading_order()),
        )
    )
    return [
        _copy(rows, plan=plan, annotated=annotated, revised=version is not None)
        for rows in (links, unlinked)
    ]


def _order_keys(*fields):
    return {f"order_{index}": F(field) for index, field in enumerate(fields)}


# A comment's themes, or its tags, as one cell: joined by "; " in name order. Each is read once
# for all comments and joined to the rows, rather than asked for again on every row.
_NAMES = """
    SELECT links.comment_id, report_csv_text(string_agg(named.name, '; ' ORDER BY named.name))
        AS cell
    FROM {links} links JOIN {named} named ON named.id = links.{target}_id
    {where}
    GROUP BY links.comment_id
"""


# A comment's codes as one cell, each "Theme › Sub-theme", joined as reports.table.coded joins
# them.
_CODES = """
    SELECT links.comment_id, report_csv_text(string_agg(links.path, '; ' ORDER BY links.path))
        AS cell
    FROM (
        SELECT coded.comment_id, CASE WHEN parent.name IS NULL THEN code.name
            ELSE parent.name || '{separator}' || code.name END AS path
        FROM {assignments} coded JOIN {codes} code ON code.id = coded.code_id
        LEFT JOIN {codes} parent ON parent.id = code.parent_id
        WHERE code.plan_id = %s
    ) links
    GROUP BY links.comment_id
"""


def _copy(rows, *, plan, annotated, revised):
    """COPY of `rows` (with their `head`, `tail`, `revised`, `comment_ref` and `order_*`), each
    a line."""
    order = [name for name in rows.query.annotations if name.startswith("order_")]
    base, params = (
        rows.order_by()
        .values_list("head", "tail", "revised", "comment_ref", *order)
        .query.sql_with_params()
    )
    themes = _NAMES.format(
        links=ThemeLink._meta.db_table,
        named=ThemeLink._meta.get_field("theme").related_model._meta.db_table,
        target="theme",
        where="WHERE named.plan_id = %s",
    )
    tags = _NAMES.format(
        links=CommentTag._meta.db_table,
        named=CommentTag._meta.get_field("tag").related_model._meta.db_table,
        target="tag",
        where="",
    )
    line = "rows.head || ',' || coalesce(themes.cell, '')"
    joins = f"LEFT JOIN ({themes}) themes ON themes.comment_id = rows.comment_ref"
    if annotated:
        codes = _CODES.format(
            separator=CODE_PATH,
            assignments=Assignment._meta.db_table,
            codes=Code._meta.db_table,
        )
        line += " || ',' || coalesce(tags.cell, '') || ',' || rows.tail"
        line += " || ',' || coalesce(codes.cell, '')"
        joins += f" LEFT JOIN ({tags}) tags ON tags.comment_id = rows.comment_ref"
        joins += f" LEFT JOIN ({codes}) codes ON codes.comment_id = rows.comment_ref"
    if revised:
        line += " || ',' || rows.revised"
    sql = (
        f"COPY (SELECT {line} || chr(13) FROM ({base}) rows {joins} "
        f"ORDER BY {', '.join(f'rows.{name}' for name in order)}) TO STDOUT"
    )
    connection.ensure_connection()
    with connection.connection.cursor() as cursor:
        # COPY takes no parameters: psycopg2 writes them into the statement, quoted.
        plans = (plan.pk, plan.pk) if annotated else (plan.pk,)
        return cursor.mogrify(sql, (*params, *plans)).decode()


class DatabaseCsv:
    """The CSV file as bytes, header first, counting its rows as they pass (`count`)."""

    def __init__(self, *, plan, viewer, filters):
        annotated = shows_annotations(viewer)
        self.columns = COLUMNS + ANNOTATION_COLUMNS if annotated else COLUMNS
        version = latest_version(plan)
        if version is not None:
            self.columns += revision_columns(version)
        self.statements = copy_statements(plan=plan, viewer=viewer, filters=filters)
        self.count = 0

    def __iter__(self):
        # The byte-order mark and the header, written as csv_chunks writes them.
        yield from csv_chunks(self.columns, [])
        for statement in self.statements:
            yield from _unescaped(self._counted(_copied(statement)))

    def _counted(self, chunks):
        # COPY escapes line breaks inside a line, so each LF it sends ends one row.
        for chunk in chunks:
            self.count += chunk.count(b"\n")
            yield chunk


def _copied(statement):
    """The output of one COPY … TO STDOUT, in chunks, from a thread writing into a pipe."""
    read_end, write_end = os.pipe()
    failures = []
    raw_connection = connection.connection

    def copy():
        try:
            with os.fdopen(write_end, "wb") as sink, raw_connection.cursor() as cursor:
                cursor.copy_expert(statement, sink, size=CHUNK_BYTES)
        except Exception as failure:  # raised again in the reading thread, below
            failures.append(failure)

    thread = threading.Thread(target=copy, daemon=True)
    thread.start()
    finished = False
    try:
        with os.fdopen(read_end, "rb") as source:
            while chunk := source.read(CHUNK_BYTES):
                yield chunk
        finished = True
    finally:
        thread.join()
        if not finished or failures:
            # A copy cut short leaves the connection mid-COPY: no later query may use it.
            connection.close()
    if failures:
        raise failures[0]


def _unescaped(chunks):
    """COPY's escapes undone; an escape cut between two chunks is kept whole for the next."""
    carried = b""
    for chunk in chunks:
        data = carried + chunk
        backslashes = len(data) - len(data.rstrip(b"\\"))
        cut = len(data) - backslashes % 2
        data, carried = data[:cut], data[cut:]
        yield _ESCAPE.sub(lambda match: _ESCAPED.get(match.group(1), match.group(1)), data)
    if carried:
        yield carried
