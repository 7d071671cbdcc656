"""The summary report's CSV written by PostgreSQL itself, at the database's own speed: the same
bytes reports.exports.csv writes in Python (a test compares them), streamed as they come.

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
from django.contrib.postgres.aggregates import StringAgg
from django.db import connection
from django.db.models import (
    Case,
    CharField,
    Exists,
    F,
    Func,
    OuterRef,
    Subquery,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Concat

from officers.models import CommentTag, Review
from reports.exports.csv import csv_chunks
from reports.report import KIND_LABELS, REVIEW_LABELS, STANCE_LABELS, STATUS_LABELS
from reports.selectors import reported_responses, shows_annotations
from reports.table import ANNOTATION_COLUMNS, COLUMNS
from responses.models import Comment, SectionLink, ThemeLink, shown_respondent_name
from responses.ordering import reading_order

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
    """A text cell as csv_chunks writes one: made spreadsheet-safe, then quoted if need be."""

    template = "report_csv_field(report_spreadsheet_safe(%(expressions)s))"
    output_field = TextField()


class PlainCell(Func):
    """A number or a time: written as it is (a spreadsheet reads it as a number or a date)."""

    template = "report_csv_field(%(expressions)s)"
    output_field = TextField()


def _label(field, labels, default=""):
    """The label a choice field's value shows, as csv_chunks writes it."""
    return Case(
        *(When(**{field: value}, then=Value(label)) for value, label in labels.items()),
        default=Value(default),
        output_field=CharField(),
    )


def _names(model, name_field, comment):
    """The names of `comment`'s themes or tags, "; " between them, in name order."""
    return Coalesce(
        Subquery(
            model.objects.filter(comment=comment)
            .order_by()
            .values("comment")
            .annotate(names=StringAgg(name_field, "; ", order_by=name_field))
            .values("names"),
            output_field=TextField(),
        ),
        Value(""),
    )


def _line(cells):
    """One CSV line: the cells joined by commas, ended with CR (COPY adds the LF)."""
    parts = []
    for cell in cells:
        parts += [cell, Value(",")]
    return Concat(*parts[:-1], Value("\r"), output_field=TextField())


def _row(plan, viewer, *, to_comment, comment, section, quoted, annotated):
    """The cells of one row, in reports.table's columns, for rows that reach their comment
    through the path `to_comment` ("" or "comment__") and refer to it as `comment`."""
    response = f"{to_comment}response__"
    submitted = Func(
        F(f"{response}submitted_at"),
        Value(settings.TIME_ZONE),
        template="(%(expressions)s)",
        arg_joiner=" AT TIME ZONE ",
    )
    cells = [
        TextCell(Value(plan.title)),
        *section,
        TextCell(shown_respondent_name(viewer, through=response)),
        TextCell(_label(f"{response}respondent__kind", KIND_LABELS)),
        TextCell(F(f"{response}reference")),
        TextCell(_label(f"{response}status", STATUS_LABELS)),
        PlainCell(Func(submitted, Value("YYYY-MM-DD HH24:MI:SS"), function="to_char")),
        PlainCell(Cast(F(f"{to_comment}position"), TextField())),
        TextCell(_label(f"{to_comment}stance", STANCE_LABELS)),
        TextCell(F(f"{to_comment}text")),
        TextCell(quoted),
        TextCell(F(f"{to_comment}proposed_wording")),
        TextCell(_names(ThemeLink, "theme__name", comment)),
    ]
    if annotated:
        cells += [
            TextCell(_names(CommentTag, "tag__name", comment)),
            TextCell(
                _label(
                    f"{to_comment}review__status",
                    REVIEW_LABELS,
                    default=REVIEW_LABELS[Review.Status.NOT_REVIEWED],
                )
            ),
            TextCell(Coalesce(F(f"{to_comment}review__plan_change"), Value(""))),
            TextCell(Coalesce(F(f"{to_comment}review__note"), Value(""))),
        ]
    return _line(cells)


def copy_statements(*, plan, viewer, filters):
    """The report's rows as two COPY statements, in reports.table's order: a row for each
    comment–section link, sections in natural order and comments in reading order; then a row
    for each comment on no section."""
    annotated = shows_annotations(viewer)
    responses = reported_responses(plan=plan, viewer=viewer, filters=filters).values("pk")
    links = (
        SectionLink.objects.filter(comment__response__in=responses)
        .annotate(
            line=_row(
                plan,
                viewer,
                to_comment="comment__",
                comment=OuterRef("comment"),
                section=[TextCell(F("section__number")), TextCell(F("section__heading"))],
                quoted=F("exact"),
                annotated=annotated,
            )
        )
        .order_by("section__sort_key", *reading_order(through="comment__"), "pk")
        .values_list("line")
    )
    unlinked = (
        Comment.objects.filter(response__in=responses)
        .filter(~Exists(SectionLink.objects.filter(comment=OuterRef("pk"))))
        .annotate(
            line=_row(
                plan,
                viewer,
                to_comment="",
                comment=OuterRef("pk"),
                section=[TextCell(Value("")), TextCell(Value(""))],
                quoted=Value(""),
                annotated=annotated,
            )
        )
        .order_by(*reading_order())
        .values_list("line")
    )
    return [_copy(queryset) for queryset in (links, unlinked)]


def _copy(queryset):
    sql, params = queryset.query.sql_with_params()
    connection.ensure_connection()
    with connection.connection.cursor() as cursor:
        # COPY takes no parameters: psycopg2 writes them into the statement, quoted.
        return cursor.mogrify(f"COPY ({sql}) TO STDOUT", params).decode()


class DatabaseCsv:
    """The CSV file as bytes, header first, counting its rows as they pass (`count`)."""

    def __init__(self, *, plan, viewer, filters):
        annotated = shows_annotations(viewer)
        self.columns = COLUMNS + ANNOTATION_COLUMNS if annotated else COLUMNS
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
