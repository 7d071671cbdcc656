"""One rule for a name that publishing hid (Response.name_shown_to, shown_respondent_name): the
public, other respondents and staff who are not officers read 'Individual respondent' on every
page, in search and sorting, in the API, the Web Annotation collection, the report and each export;
officers, admins and the respondent themselves read the stored name everywhere."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from responses.models import HIDDEN_NAME, Respondent
from tests.factories import (
    CommentFactory,
    RespondentFactory,
    ResponseFactory,
    SectionLinkFactory,
    UserFactory,
)
from tests.page_text import visible_text
from tests.reports.readers import body, document, report_url, sheet_rows, workbook

pytestmark = pytest.mark.django_db

PLAN = "/plans/noms-third-sector-action-plan"
# Sorted by its stored name, the hidden individual would come first; by the name the public
# reads, between the two organisations.
STORED_NAME = "Aaron Hiddenname"


def _published_comment(plan, respondent, text, **response_fields):
    response = ResponseFactory(
        plan=plan, respondent=respondent, submitted_at=timezone.now(), **response_fields
    )
    comment = CommentFactory(response=response, position=1, text=text)
    SectionLinkFactory(comment=comment, section=plan.sections.get(number="3.5"))
    return comment


@pytest.fixture
def hidden(seed):
    """A published comment on 3.5 by an individual whose name publishing hid, between two by
    organisations, and the individual's own account."""
    plan, _ = seed
    owner = UserFactory(respondent=True)
    _published_comment(plan, RespondentFactory(name="Beta Org"), "Okapi from Beta")
    comment = _published_comment(
        plan,
        RespondentFactory(name=STORED_NAME, kind=Respondent.Kind.INDIVIDUAL, user=owner),
        "Okapi from the hidden individual",
        owner=owner,
        hide_respondent_name=True,
    )
    _published_comment(plan, RespondentFactory(name="Zeta Org"), "Okapi from Zeta")
    return comment


def _surfaces(comment):
    """What each place that names respondents says, as text: (name, url, how to read it)."""
    response = f"/responses/{comment.response_id}/"
    return [
        ("plan page", f"{PLAN}/", visible_text),
        ("section page", f"{PLAN}/sections/3.5/", visible_text),
        ("response page", response, visible_text),
        ("response copy", f"{response}copy.txt", lambda page: page.content.decode()),
        ("search by its words", "/search/?q=okapi", visible_text),
        ("API comments", f"/api{PLAN}/comments/", lambda page: page.content.decode()),
        ("API section", f"/api{PLAN}/sections/3.5/comments/", lambda page: page.content.decode()),
        ("annotations", f"/api{PLAN}/annotations.jsonld", lambda page: page.content.decode()),
    ]


def _report_surfaces():
    return [
        ("report page", report_url("html"), visible_text),
        ("CSV", report_url("csv"), lambda page: body(page).decode("utf-8-sig")),
        ("XLSX", report_url("xlsx"), _workbook_text),
        ("DOCX", report_url("docx"), _document_text),
    ]


def _workbook_text(page):
    book = workbook(page)
    return json.dumps([sheet_rows(sheet) for sheet in book.worksheets], default=str)


def _document_text(page):
    report = document(page)
    cells = [cell.text for table in report.tables for row in table.rows for cell in row.cells]
    return "\n".join([paragraph.text for paragraph in report.paragraphs] + cells)


def _reads(client, surfaces):
    texts = {}
    for name, url, read in surfaces:
        page = client.get(url)
        assert page.status_code == 200, f"{name}: {page.status_code}"
        texts[name] = read(page)
    return texts


@pytest.mark.parametrize("who", ["the public", "another respondent"])
def test_the_name_is_hidden_on_every_page_and_in_the_api(client, hidden, who):
    if who == "another respondent":
        client.force_login(UserFactory(respondent=True))

    for surface, text in _reads(client, _surfaces(hidden)).items():
        assert STORED_NAME not in text, surface
        assert HIDDEN_NAME in text, surface


def test_staff_who_are_not_officers_read_the_hidden_name_in_the_report_and_every_export(
    client, hidden
):
    client.force_login(UserFactory(is_staff=True, permissions=["reports.export_report"]))

    for surface, text in _reads(client, _report_surfaces()).items():
        assert STORED_NAME not in text, surface
        assert HIDDEN_NAME in text, surface


@pytest.mark.parametrize("who", ["officer", "admin"])
def test_officers_and_admins_read_the_stored_name_everywhere(client, hidden, who):
    client.force_login(UserFactory(**{who: True}))

    surfaces = _surfaces(hidden) + (_report_surfaces() if who == "admin" else [])
    for surface, text in _reads(client, surfaces).items():
        assert STORED_NAME in text, surface


def test_the_respondent_reads_their_own_name(client, hidden):
    client.force_login(hidden.response.owner)

    text = visible_text(client.get(f"/responses/{hidden.response_id}/"))

    assert STORED_NAME in text
    assert f"(shown publicly as ‘{HIDDEN_NAME}’)" in text


def test_searching_the_hidden_name_finds_nothing(client, hidden):
    text = visible_text(client.get("/search/", {"q": "Hiddenname"}))

    assert "0 comments found" in text


def test_searching_by_the_name_the_public_reads_finds_the_comment(client, hidden):
    text = visible_text(client.get("/search/", {"q": "Individual respondent"}))

    assert "Okapi from the hidden individual" in text


def _order(text, *words):
    return sorted(words, key=text.index)


def test_sorting_by_respondent_uses_the_name_the_reader_reads(client, hidden):
    public = visible_text(client.get(f"{PLAN}/sections/3.5/", {"sort": "respondent"}))
    client.force_login(UserFactory(officer=True))
    officer = visible_text(client.get(f"{PLAN}/sections/3.5/", {"sort": "respondent"}))

    comments = ("Okapi from Beta", "Okapi from the hidden individual", "Okapi from Zeta")
    assert _order(public, *comments) == [
        "Okapi from Beta",
        "Okapi from the hidden individual",
        "Okapi from Zeta",
    ]
    assert _order(officer, *comments) == [
        "Okapi from the hidden individual",
        "Okapi from Beta",
        "Okapi from Zeta",
    ]


def test_the_reports_respondent_list_is_sorted_by_the_name_the_reader_reads(client, hidden):
    client.force_login(UserFactory(is_staff=True, permissions=["reports.export_report"]))

    names = [
        row["Respondent"]
        for row in sheet_rows(workbook(client.get(report_url("xlsx")))["Respondents"])
    ]

    assert names == ["Beta Org", HIDDEN_NAME, "Volunteering England", "Zeta Org"]


def test_the_export_command_reads_as_an_admin_and_names_the_respondent(hidden, tmp_path):
    output = tmp_path / "report.csv"

    call_command(
        "export_report",
        "noms-third-sector-action-plan",
        format="csv",
        output=output,
        stdout=StringIO(),
    )

    assert STORED_NAME in output.read_text(encoding="utf-8-sig")
