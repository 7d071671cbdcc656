"""The summary report as a web page: title page, chart, each section in natural order with its
counts, respondents, comments and recommendations; then themes, the whole plan, respondents."""

import re

import pytest

from officers.models import Review
from responses.models import Comment
from tests.page_text import section_block, visible_text
from tests.reports.arranging import comment_by
from tests.reports.readers import SEED_SECTIONS, report_url

pytestmark = pytest.mark.django_db


def section_headings(html):
    return re.findall(r'<h2 class="govuk-heading-l" id="section-([\d.]+)-heading">', html)


def section_text(page, number):
    return visible_text(section_block(page.content.decode(), number))


def text_after(page, element_id):
    """The page's text from the element with `element_id` on."""
    return visible_text(page.content.decode().split(f'id="{element_id}">', 1)[1])


def test_page_names_the_plan_its_publisher_and_the_filters(admin_reader):
    text = visible_text(admin_reader.get(report_url("html")))

    assert "Summary report: NOMS Third Sector Action Plan" in text
    assert "National Offender Management Service (NOMS)" in text
    assert "Covers 12 comments from 1 response" in text
    assert "Filters applied Responses: submitted and published" in text


def test_sections_come_in_natural_order(admin_reader):
    html = admin_reader.get(report_url("html")).content.decode()

    assert section_headings(html) == SEED_SECTIONS


def test_page_draws_the_stance_chart_with_a_bar_per_commented_section(admin_reader):
    html = admin_reader.get(report_url("html")).content.decode()

    bars = re.findall(r'<g class="marginalia-stance-chart__bar" data-section="([\d.]+)">', html)
    # Most comments first (3.5 has two), the rest in natural order.
    assert bars == ["3.5", *(number for number in SEED_SECTIONS if number != "3.5")]
    assert "Comments on each section, by stance" in html


def test_section_1_11_quotes_considered_beside_the_comment_and_its_counts(admin_reader):
    section = section_text(admin_reader.get(report_url("html")), "1.11")

    assert "1 comment by stance Concern: 1" in section
    assert "Respondents Volunteering England" in section
    assert "Quotes the plan: ‘considered’" in section
    assert "‘encouraged’ rather than simply ‘considered’" in section


def test_recommendations_show_their_proposed_wording(admin_reader, seed):
    plan, _ = seed
    comment_by(
        plan,
        "Wording Trust",
        section="1.11",
        stance="recommendation",
        proposed_wording="sub-contracting and consortia building will be encouraged",
    )

    section = section_text(admin_reader.get(report_url("html")), "1.11")

    recommendations = section.split("Recommendations")[1]
    assert (
        "Wording Trust, comment 1: proposes the wording "
        "sub-contracting and consortia building will be encouraged"
    ) in recommendations


def test_themes_the_whole_plan_and_the_respondents_follow_the_sections(admin_reader):
    page = admin_reader.get(report_url("html"))

    themes = text_after(page, "themes")
    general = text_after(page, "general")
    respondents = text_after(page, "respondents")
    assert themes.startswith("Comments on themes Strengthening communities (1 comment)")
    assert "Volunteering sits well in the ‘strengthening communities’ theme" in themes
    assert general.startswith("Comments on the whole plan")
    assert "The independence of the Third Sector needs to be recognised" in general
    assert respondents.startswith("Respondents The responses in this report Respondent Kind")
    assert "Volunteering England Organisation NOMS-TSAP-000001 Published" in respondents


def test_admins_read_officers_review_and_internal_note(admin_reader, seed):
    _, response = seed
    Review.objects.create(
        comment=response.comments.get(position=3),
        status=Review.Status.REVIEWED,
        note="Raised with the policy lead",
    )

    section = section_text(admin_reader.get(report_url("html")), "1.11")

    assert "Review: Reviewed" in section
    assert "Internal note: Raised with the policy lead" in section


def test_page_links_to_each_download_keeping_the_filters(admin_reader):
    html = admin_reader.get(report_url("html"), {"status": "published"}).content.decode()

    for ext in ("csv", "xlsx", "docx"):
        assert f'href="{report_url(ext)}?status=published"' in html


def test_html_report_takes_a_bounded_number_of_queries(
    admin_reader, seed, django_assert_max_num_queries
):
    plan, _ = seed
    plan.sections.update(theme=plan.themes.first())
    for number in range(60):
        comment_by(plan, f"Organisation {number}", section=["1.3", "2.8", None][number % 3])
    # Codes on every comment: the coding frame's part reads them in a few queries too.
    from coding.models import Assignment, Code

    codes = [Code.objects.create(plan=plan, name=name) for name in ("Funding", "Housing")]
    for comment in Comment.objects.filter(response__plan=plan):
        for code in codes:
            Assignment.objects.create(comment=comment, code=code, origin="officer", score=0.5)

    with django_assert_max_num_queries(24):
        page = admin_reader.get(report_url("html"))

    text = visible_text(page)
    assert "Covers 72 comments from 61 responses" in text
    assert "Theme: Strengthening communities" in text


@pytest.mark.parametrize(("ext", "kind"), [("html", "web page"), ("docx", "Word document")])
def test_a_report_too_large_to_make_while_one_waits_offers_the_spreadsheets(
    admin_reader, monkeypatch, ext, kind
):
    monkeypatch.setattr("reports.views.MAX_ROWS_IN_A_DOCUMENT", 12 + 6 + 5 - 1)

    page = admin_reader.get(report_url(ext), {"respondent_kind": "organisation"})

    assert page.status_code == 200 and page["Content-Type"].startswith("text/html")
    text = visible_text(page)
    assert f"The report is too large for a {kind}" in text
    assert "It holds 12 comments, drawn under 6 section links, and 5 sections" in text
    html = page.content.decode()
    assert (
        'href="/reports/noms-third-sector-action-plan/summary.csv?respondent_kind=organisation"'
        in html
    )
    assert (
        'href="/reports/noms-third-sector-action-plan/summary.xlsx?respondent_kind=organisation"'
        in html
    )


def test_a_report_within_the_limit_is_made(admin_reader, monkeypatch):
    monkeypatch.setattr("reports.views.MAX_ROWS_IN_A_DOCUMENT", 12 + 6 + 5)

    assert "too large" not in visible_text(admin_reader.get(report_url("html")))


def test_sections_nobody_commented_on_are_listed_once_in_a_table(admin_reader, seed):
    plan, _ = seed
    plan.sections.create(number="9.1", heading="Quiet one", text="No one wrote.")
    plan.sections.create(number="9.2", heading="Quiet two", text="Nor here.")

    html = admin_reader.get(report_url("html")).content.decode()
    text = visible_text(html)

    assert "Sections with no comments (2)" in text
    table = html.split('id="uncommented"', 1)[1].split("</table>", 1)[0]
    assert visible_text(table).endswith("Section Heading 9.1 Quiet one 9.2 Quiet two")
    assert 'id="section-9.1"' not in html
    assert "Nobody has commented on this section." not in text
