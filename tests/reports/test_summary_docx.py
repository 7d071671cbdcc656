"""The summary report as a Word document: a title page, a heading per section in natural order
with its counts table, comments as quotations, then themes, the whole plan and respondents."""

import pytest

from tests.reports.arranging import comment_by
from tests.reports.readers import SEED_SECTIONS, document, paragraphs, report_url

pytestmark = pytest.mark.django_db


def test_title_page_names_the_plan_publisher_date_and_filters(admin_reader):
    texts = [text for _, text in paragraphs(document(admin_reader.get(report_url("docx"))))]

    assert texts[0].startswith("NOMS Third Sector Action Plan")
    assert "National Offender Management Service (NOMS)" in texts
    assert any(text.startswith("Generated: ") for text in texts[:8])
    assert "Responses: submitted and published" in texts
    assert "Respondents: organisations and individuals" in texts


def test_title_page_lists_the_filters_applied(admin_reader):
    response = admin_reader.get(
        report_url("docx"), {"submitted_from": "2025-03-01", "respondent_kind": "individual"}
    )
    texts = [text for _, text in paragraphs(document(response))]

    assert "Submitted on or after 1 March 2025" in texts
    assert "Respondents: individuals only" in texts


def test_a_heading_per_section_in_natural_order_then_the_other_parts(admin_reader):
    headings = [
        text
        for style, text in paragraphs(document(admin_reader.get(report_url("docx"))))
        if style == "Heading 1"
    ]

    assert headings == [
        *(f"Section {number}" for number in SEED_SECTIONS),
        "Comments on themes",
        "Comments on the whole plan",
        "Respondents",
    ]


def test_comments_are_quotations_followed_by_their_respondent_and_stance(admin_reader):
    found = paragraphs(document(admin_reader.get(report_url("docx"))))

    quotes = [index for index, (style, _) in enumerate(found) if style == "Quote"]
    considered = next(i for i in quotes if "rather than simply ‘considered’" in found[i][1])
    assert found[considered + 1][1] == "— Volunteering England, comment 3 (Concern)"
    assert found[considered + 2][1] == "Quotes the plan: ‘considered’"
    assert len(quotes) == 13  # 6 on sections, 2 on themes, 5 on the whole plan


def test_each_section_has_its_counts_table_and_the_respondents_table_ends(admin_reader):
    tables = document(admin_reader.get(report_url("docx"))).tables

    assert len(tables) == len(SEED_SECTIONS) + 1
    section_3_5 = {row.cells[0].text: row.cells[1].text for row in tables[4].rows}
    assert section_3_5 == {
        "Stance": "Comments",
        "Welcomes": "0",
        "Concern": "1",
        "Recommendation": "1",
        "Question": "0",
        "General": "0",
        "Total": "2",
    }
    respondents = [[cell.text for cell in row.cells] for row in tables[-1].rows]
    assert respondents[0] == ["Respondent", "Kind", "Reference", "Status", "Submitted", "Comments"]
    assert respondents[1][:4] == [
        "Volunteering England",
        "Organisation",
        "NOMS-TSAP-000001",
        "Published",
    ]
    assert respondents[1][5] == "12"


def test_recommendations_give_their_proposed_wording(admin_reader, seed):
    plan, _ = seed
    comment_by(
        plan,
        "Wording Trust",
        section="1.11",
        stance="recommendation",
        proposed_wording="will be encouraged",
    )

    texts = [text for _, text in paragraphs(document(admin_reader.get(report_url("docx"))))]

    at = texts.index("Wording Trust, comment 1 (Recommendation)")
    assert texts[at + 1] == "Proposed wording: will be encouraged"


def test_sections_nobody_commented_on_share_one_table(admin_reader, seed):
    plan, _ = seed
    plan.sections.create(number="9.1", heading="Quiet one", text="No one wrote.")

    word = document(admin_reader.get(report_url("docx")))
    headings = [text for style, text in paragraphs(word) if style == "Heading 1"]

    assert "Section 9.1: Quiet one" not in headings
    assert "Sections with no comments" in headings
    rows = [[cell.text for cell in row.cells] for table in word.tables for row in table.rows]
    assert ["9.1", "Quiet one"] in rows


def test_the_page_setup_stays_at_the_end_of_the_document(admin_reader):
    """reports.exports.docx adds each block before the body's section properties by looking at
    the last child: Word needs them last."""
    body = document(admin_reader.get(report_url("docx"))).element.body

    assert body[-1].tag.endswith("}sectPr")
    assert sum(child.tag.endswith("}sectPr") for child in body) == 1
