"""The summary report as an Excel workbook: Summary, Comments and Respondents sheets, each with a
frozen header, set widths and an auto-filter; built in a bounded number of queries."""

import datetime

import pytest

from tests.reports.arranging import comment_by
from tests.reports.readers import SEED_SECTIONS, report_url, sheet_rows, workbook

pytestmark = pytest.mark.django_db


def test_workbook_has_summary_comments_and_respondents_sheets(admin_reader):
    response = admin_reader.get(report_url("xlsx"))

    assert response["Content-Disposition"].startswith(
        'attachment; filename="noms-third-sector-action-plan-summary-'
    )
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert workbook(response).sheetnames == ["Summary", "Comments", "Respondents"]


def test_each_sheet_freezes_its_header_and_filters_its_rows(admin_reader):
    book = workbook(admin_reader.get(report_url("xlsx")))

    assert book["Summary"].freeze_panes == "A2"
    assert book["Summary"].auto_filter.ref == "A1:H6"
    assert book["Comments"].freeze_panes == "A2"
    assert book["Comments"].auto_filter.ref == "A1:T13"
    assert book["Respondents"].auto_filter.ref == "A1:F2"
    assert book["Comments"].column_dimensions["K"].width == 60
    assert book["Comments"]["A1"].font.bold


def test_summary_sheet_counts_each_section_by_stance_in_natural_order(admin_reader):
    rows = sheet_rows(workbook(admin_reader.get(report_url("xlsx")))["Summary"])

    assert [row["Section number"] for row in rows] == SEED_SECTIONS
    assert rows[-1] == {
        "Section number": "3.5",
        "Section heading": None,
        "Welcomes": 0,
        "Concern": 1,
        "Recommendation": 1,
        "Question": 0,
        "General": 0,
        "Total": 2,
    }


def test_comments_sheet_holds_the_csv_rows(admin_reader):
    rows = sheet_rows(workbook(admin_reader.get(report_url("xlsx")))["Comments"])

    assert [row["Section number"] for row in rows[:6]] == [
        "1.3",
        "1.11",
        "1.15",
        "2.8",
        "3.5",
        "3.5",
    ]
    assert rows[1]["Quoted wording"] == "considered"
    assert rows[1]["Comment position"] == 3
    assert isinstance(rows[1]["Submitted at"], datetime.datetime)
    assert len(rows) == 12


def test_respondents_sheet_counts_each_responses_comments(admin_reader):
    rows = sheet_rows(workbook(admin_reader.get(report_url("xlsx")))["Respondents"])

    assert len(rows) == 1
    assert rows[0]["Respondent"] == "Volunteering England"
    assert rows[0]["Response reference"] == "NOMS-TSAP-000001"
    assert rows[0]["Comments"] == 12


def test_control_characters_xml_cannot_hold_are_dropped_not_fatal(admin_reader, seed):
    plan, _ = seed
    comment_by(plan, "Pasted Trust", text="Page one\x0cpage two\x0b.")

    rows = sheet_rows(workbook(admin_reader.get(report_url("xlsx")))["Comments"])

    assert "Page onepage two." in [row["Comment"] for row in rows]


def test_xlsx_export_takes_a_bounded_number_of_queries(
    admin_reader, seed, django_assert_max_num_queries
):
    plan, _ = seed
    for number in range(60):
        comment_by(plan, f"Organisation {number}", section=["1.3", "2.8", None][number % 3])

    with django_assert_max_num_queries(20):
        response = admin_reader.get(report_url("xlsx"))

    assert len(sheet_rows(workbook(response)["Comments"])) == 72


def test_a_sheet_that_fills_up_continues_on_another(monkeypatch, admin_reader):
    monkeypatch.setattr("reports.exports.xlsx.MAX_ROWS_PER_SHEET", 5)

    book = workbook(admin_reader.get(report_url("xlsx")))

    assert book.sheetnames == [
        "Summary",
        "Summary (2)",
        "Comments",
        "Comments (2)",
        "Comments (3)",
        "Respondents",
    ]
