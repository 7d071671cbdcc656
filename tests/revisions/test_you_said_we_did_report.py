"""The summary report's "You said, we did" part, in every format: the seed plan revised so that
1.11 encourages what it considered shows Volunteering England's comment 3 as asked for and
changed, with the word difference."""

import pytest

from tests.factories import UserFactory
from tests.reports.readers import csv_rows, document, report_url, sheet_rows, workbook

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_reader(client, revised_seed):
    client.force_login(UserFactory(admin=True))
    return client


def test_the_web_page_report_says_what_changed_against_what_was_asked(admin_reader):
    page = admin_reader.get(report_url("html")).content.decode()

    part = page[page.index('id="you-said-we-did"') :]
    assert "You said, we did" in page
    assert "Section 1.11" in part
    assert "Asked for a change, and the wording changed" in part
    assert "[deleted: </span>considered" in part
    assert "[inserted: </span>encouraged" in part
    said = "Volunteering England, comment 3 (Concern), quoted “considered”"
    assert f"{said}: Changed: considered → encouraged" in part
    # Sections neither asked about nor changed are left out of the part.
    assert "Section 2.8" not in part


def test_the_csv_says_what_became_of_each_rows_section_and_quote(admin_reader):
    rows = csv_rows(admin_reader.get(report_url("csv")))

    by_comment = {(row["Comment position"], row["Section number"]): row for row in rows}
    asked = by_comment[("3", "1.11")]
    assert asked["Section in version 2"] == "1.11"
    assert asked["Wording changed in version 2"] == "Yes"
    assert (
        asked["Quoted wording in version 2"]
        == "Changed: considered → encouraged (found approximately, score 88 %)"
    )
    kept = by_comment[("5", "1.15")]
    assert (kept["Wording changed in version 2"], kept["Quoted wording in version 2"]) == (
        "No",
        "Still there (found)",
    )
    general = next(row for row in rows if not row["Section number"])
    assert general["Section in version 2"] == general["Quoted wording in version 2"] == ""


def test_the_workbook_has_a_you_said_we_did_sheet(admin_reader):
    book = workbook(admin_reader.get(report_url("xlsx")))

    rows = sheet_rows(book["You said, we did"])
    changed = next(row for row in rows if row["Section in version 2"] == "1.11")
    assert changed["Outcome"] == "Asked for a change, and the wording changed"
    assert (changed["Words taken out"], changed["Words put in"]) == ("considered", "encouraged")
    assert (
        "Volunteering England, comment 3: ‘considered’ – Changed: considered → encouraged"
        in (changed["Quotes and what became of them"])
    )
    comments = sheet_rows(book["Comments"])
    assert any(
        row["Quoted wording in version 2"]
        == "Changed: considered → encouraged (found approximately, score 88 %)"
        for row in comments
    )


def test_the_word_document_strikes_out_and_underlines_the_changed_words(admin_reader):
    report = document(admin_reader.get(report_url("docx")))

    texts = [paragraph.text for paragraph in report.paragraphs]
    start = texts.index("You said, we did")
    part = report.paragraphs[start:]
    assert any(p.text.startswith("Section 1.11") for p in part if p.style.name == "Heading 2")
    runs = [run for paragraph in part for run in paragraph.runs]
    assert any(run.text.strip() == "considered" and run.font.strike for run in runs)
    assert any(run.text.strip() == "encouraged" and run.font.underline for run in runs)
    assert any(
        "comment 3 (Concern), quoted ‘considered’: Changed: considered → encouraged" in p.text
        for p in part
    )


def test_a_plan_without_a_revision_has_no_such_part(client, seed):
    client.force_login(UserFactory(admin=True))

    page = client.get(report_url("html")).content.decode()
    rows = csv_rows(client.get(report_url("csv")))

    assert "You said, we did" not in page
    assert "Section in version 2" not in rows[0]


def test_a_campaigns_copies_of_a_quote_are_one_line_saying_how_many(client, seed):
    from responses.models import Campaign, Comment
    from tests.arranging import comment_on
    from tests.revisions.arranging import ENCOURAGED, revise, revised_text

    plan, _response = seed
    section = plan.sections.get(number="1.11")
    campaign = Campaign.objects.create(plan=plan, shared_text="Encourage consortia.")
    for name in ("Ann", "Bo", "Cy"):
        comment = comment_on(section, text=f"{name}: encourage it", stance=Comment.Stance.CONCERN)
        comment.section_links.update(exact="considered", prefix="building will be ")
        comment.response.campaign = campaign
        comment.response.save(update_fields=["campaign"])
    revise(plan, revised_text(plan, **{"1_11": ENCOURAGED}))
    client.force_login(UserFactory(admin=True))

    part = client.get(report_url("html")).content.decode()
    part = part[part.index('id="you-said-we-did"') :]

    assert part.count("and 2 near-copies of the same letter (Concern), quoted “considered”") == 1
    assert "Volunteering England, comment 3 (Concern)" in part
