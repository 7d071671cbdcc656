"""On PostgreSQL the summary report's CSV is written by the database (COPY … TO STDOUT): the same
bytes, to the last one, as Python writes, whatever the comments hold."""

import pytest
from django.db import connection

from coding.models import Assignment, Code
from marginalia.csv_files import csv_chunks
from officers.models import Review
from reports.exports.csv_by_database import DatabaseCsv, _unescaped
from reports.filters import ReportFilters
from reports.models import ExportLog
from reports.selectors import command_line_admin
from reports.table import comment_table
from responses.models import Respondent, Response
from tests.factories import CommentTagFactory, ReviewFactory, SectionLinkFactory, UserFactory
from tests.reports.arranging import comment_by
from tests.reports.readers import body, report_url
from tests.revisions.arranging import ENCOURAGED, revise, revised_text

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="SQLite writes the CSV in Python only"
    ),
]

AWKWARD_TEXTS = [
    'A comma, a "quote" and a line\nbreak',
    "A carriage\r\nreturn and a tab\there",
    '=HYPERLINK("http://example.org", "click")',
    "+1 and -1 and @mention",
    "\tleading tab",
    "A backslash \\ and \\n that is not a line break, and \\\\ two",
    "Unicode: ‘curly’ “quotes”, émigré, 中文, 😀",
    "",
]


@pytest.fixture
def awkward(seed):
    """The seed, and comments whose every field is awkward for a CSV, officers' notes included."""
    plan, _ = seed
    # Codes whose names a CSV and an ordering find awkward: a theme and its sub-themes.
    theme = Code.objects.create(plan=plan, name='Funding, "grants"')
    codes = [
        theme,
        Code.objects.create(plan=plan, parent=theme, name="beta"),
        Code.objects.create(plan=plan, parent=theme, name="Éclair"),
        Code.objects.create(plan=plan, name="alpha"),
    ]
    for index, text in enumerate(AWKWARD_TEXTS):
        comment = comment_by(
            plan,
            f'Respondent, "{index}"\n',
            text=text or "x",
            proposed_wording=text,
            status=Response.Status.PUBLISHED if index % 2 else Response.Status.SUBMITTED,
            kind=Respondent.Kind.INDIVIDUAL,
        )
        Response.objects.filter(pk=comment.response_id).update(hide_respondent_name=index % 3 == 0)
        SectionLinkFactory(
            comment=comment, section=plan.sections.get(number="1.11"), exact="considered"
        )
        ReviewFactory(
            comment=comment, status=Review.Status.ACTED_ON, plan_change=text or "-", note=text
        )
        CommentTagFactory(comment=comment, tag__name=f"tag, {index}")
        for code in codes[: index % 4]:
            Assignment.objects.create(comment=comment, code=code, origin="officer")
    return plan


def _python_csv(plan, viewer):
    table = comment_table(plan=plan, viewer=viewer, filters=ReportFilters())
    return b"".join(csv_chunks(table.columns, table.rows))


def _python_rows(plan, viewer):
    return len(list(comment_table(plan=plan, viewer=viewer, filters=ReportFilters()).rows))


@pytest.mark.parametrize("who", ["an administrator", "staff who may only export"])
def test_the_database_writes_the_same_bytes_as_python(awkward, who):
    viewer = (
        command_line_admin()
        if who == "an administrator"
        else UserFactory(is_staff=True, permissions=["reports.export_report"])
    )

    by_database = DatabaseCsv(plan=awkward, viewer=viewer, filters=ReportFilters())

    assert b"".join(by_database) == _python_csv(awkward, viewer)
    assert by_database.count == _python_rows(awkward, viewer)


def test_with_a_revision_the_database_writes_the_same_bytes_as_python(awkward):
    # 1.11 reworded: the awkward comments' quote of "considered" changed; 1.15 unchanged.
    revise(awkward, revised_text(awkward, **{"1_11": ENCOURAGED, "3_5": None}))
    viewer = command_line_admin()

    by_database = DatabaseCsv(plan=awkward, viewer=viewer, filters=ReportFilters())

    written = b"".join(by_database)
    assert written == _python_csv(awkward, viewer)
    assert "Changed: considered → encouraged".encode() in written
    assert b",Removed,Yes," in written  # 3.5 left out of the revision


def test_the_download_comes_from_the_database_and_logs_its_rows(client, awkward):
    client.force_login(UserFactory(admin=True))

    downloaded = body(client.get(report_url("csv")))

    assert downloaded == _python_csv(awkward, command_line_admin())
    assert ExportLog.objects.get().row_count == 12 + 2 * len(AWKWARD_TEXTS)


@pytest.mark.parametrize(
    "chunks",
    [[b"a\\nb\\\\c"], [b"a\\", b"nb\\\\", b"c"], [b"a\\n", b"b\\\\c"], [b"a\\nb\\", b"\\c"]],
)
def test_escapes_cut_between_chunks_are_undone_whole(chunks):
    assert b"".join(_unescaped(chunks)) == b"a\nb\\c"
