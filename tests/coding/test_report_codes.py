"""The coding frame in the summary report: per code its count, by stance and by respondent kind,
and the comments quoted for it (those officers chose, else the machine's surest), in the page
and the Word document; each comment's codes in the CSV and the workbook; none of it for readers
who are not officers."""

import pytest

from coding.models import Assignment, Code
from responses.models import Comment
from tests.factories import UserFactory
from tests.page_text import visible_text
from tests.reports.readers import body, csv_rows, report_url, sheet_rows, workbook

pytestmark = pytest.mark.django_db


@pytest.fixture
def coded(seed):
    plan, _ = seed
    comments = list(Comment.objects.filter(response__plan=plan).order_by("position"))
    funding = Code.objects.create(plan=plan, name="Funding")
    grants = Code.objects.create(plan=plan, parent=funding, name="Grants")
    for n, comment in enumerate(comments[:4]):
        Assignment.objects.create(comment=comment, code=funding, origin="suggested", score=n / 4)
    Assignment.objects.create(comment=comments[5], code=grants, origin="officer", quoted=True)
    return plan, comments, funding, grants


def test_the_report_page_and_word_document_tell_each_code(client, coded):
    _plan, comments, funding, _grants = coded
    client.force_login(UserFactory(admin=True))

    page = visible_text(client.get(report_url("html")))
    word = body(client.get(report_url("docx")))

    assert "What was said, by code" in page
    part = page[page.rindex("What was said, by code") : page.rindex("Respondents")]
    assert "Funding 4 comments" in part
    assert "Funding › Grants 1 comment" in part
    # The machine's surest first: comments 4 and 3 of the four.
    assert part.index(comments[3].text[:40]) < part.index(comments[2].text[:40])
    # Two quoted a code: the least sure of the four is not.
    assert comments[0].text[:40] not in part.split("Funding › Grants")[0]
    assert comments[5].text[:40] in part.split("Funding › Grants")[1]
    assert b"word/document.xml" in word


def test_the_csv_and_workbook_give_each_comments_codes(client, coded):
    _plan, comments, _funding, _grants = coded
    client.force_login(UserFactory(admin=True))

    rows = csv_rows(client.get(report_url("csv")))
    sheet = sheet_rows(workbook(client.get(report_url("xlsx")))["Comments"])

    codes_sheet = sheet_rows(workbook(client.get(report_url("xlsx")))["Codes"])
    assert [(row["Code"], row["Comments"]) for row in codes_sheet] == [
        ("Funding", 4),
        ("Funding › Grants", 1),
    ]
    for found in (rows, sheet):
        by_position = {int(row["Comment position"]): row["Codes"] or "" for row in found}
        assert by_position[comments[0].position] == "Funding"
        assert by_position[comments[5].position] == "Funding › Grants"


def test_staff_who_are_not_officers_read_no_codes(client, coded):
    client.force_login(UserFactory(is_staff=True, permissions=["reports.export_report"]))

    page = visible_text(client.get(report_url("html")))

    assert "What was said, by code" not in page and "Funding ›" not in page
    assert "Codes" not in csv_rows(client.get(report_url("csv")))[0]


def test_an_officer_chooses_the_comment_quoted_for_a_code(client, coded):
    _plan, comments, funding, _grants = coded
    least_sure = Assignment.objects.get(code=funding, comment=comments[0])
    client.force_login(UserFactory(admin=True))

    client.post(f"/codings/{least_sure.pk}/", {"action": "quote"})

    page = visible_text(client.get(report_url("html")))
    part = page[page.rindex("What was said, by code") : page.rindex("Funding › Grants")]
    assert comments[0].text[:40] in part
    assert "Quoted in the report" in visible_text(client.get(f"/codes/{funding.pk}/"))
