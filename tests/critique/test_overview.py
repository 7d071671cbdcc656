import re

import pytest

from responses.models import Comment, Response
from tests.arranging import comment_on
from tests.factories import (
    CommentFactory,
    ResponseFactory,
    SectionFactory,
    SectionLinkFactory,
    UserFactory,
)
from tests.large_plan import large_plan
from tests.page_text import visible_text

pytestmark = pytest.mark.django_db

OVERVIEW_URL = "/plans/noms-third-sector-action-plan/overview/"
STANCE_COLUMNS = ["welcomes", "concern", "recommendation", "question", "general", "total"]


def table_rows(html):
    """The stance table's rows: {section number: {stance or 'total': count}}, in page order."""
    body = re.search(r'<tbody class="govuk-table__body">(.*?)</tbody>', html, flags=re.S).group(1)
    rows = {}
    for row in re.findall(r"<tr.*?</tr>", body, flags=re.S):
        number = re.search(r'<th scope="row".*?>([\d.]+)</a></th>', row).group(1)
        counts = re.findall(r'<td class="govuk-table__cell[^"]*">(\d+)</td>', row)
        rows[number] = dict(zip(STANCE_COLUMNS, map(int, counts), strict=True))
    return rows


def chart_bars(html):
    """The chart's bars: {section number: [(colour, x, width), …]}, x and width as drawn."""
    return {
        number: re.findall(
            r'marginalia-stance-chart__segment--(\w+)" x="([\d.]+%)" y="\d+" width="([\d.]+%)"',
            bar,
        )
        for number, bar in re.findall(
            r'<g class="marginalia-stance-chart__bar" data-section="([\d.]+)">(.*?)</g>',
            html,
            flags=re.S,
        )
    }


def part_of_page(text, heading, next_heading):
    return text.split(heading)[1].split(next_heading)[0]


def test_table_counts_the_seed_comments_on_each_section_by_stance(client, seed):
    rows = table_rows(client.get(OVERVIEW_URL).content.decode())

    assert rows["3.5"] == {
        "welcomes": 0,
        "concern": 1,
        "recommendation": 1,
        "question": 0,
        "general": 0,
        "total": 2,
    }
    assert rows["1.11"]["concern"] == rows["1.11"]["total"] == 1
    assert rows["2.8"]["welcomes"] == rows["2.8"]["total"] == 1
    assert rows["1.15"]["recommendation"] == rows["1.15"]["total"] == 1


def test_table_lists_every_section_in_natural_order(client, seed):
    SectionFactory(plan=seed[0], number="1.20")

    rows = table_rows(client.get(OVERVIEW_URL).content.decode())

    assert list(rows) == ["1.3", "1.11", "1.15", "1.20", "2.8", "3.5"]
    assert rows["1.20"]["total"] == 0


def test_most_critiqued_sections_put_3_5_first_then_natural_order(client, seed):
    text = visible_text(client.get(OVERVIEW_URL))

    most = part_of_page(text, "Most critiqued sections", "Sections nobody commented on")
    assert re.sub(r" :", ":", most).strip() == (
        "Section 3.5: 2 comments Section 1.3: 1 comment Section 1.11: 1 comment "
        "Section 1.15: 1 comment Section 2.8: 1 comment"
    )


def test_most_critiqued_sections_stop_at_five(client, seed):
    plan, response = seed
    extra = SectionFactory(plan=plan, number="4.1")
    SectionLinkFactory(comment=CommentFactory(response=response, position=99), section=extra)

    text = visible_text(client.get(OVERVIEW_URL))

    most = part_of_page(text, "Most critiqued sections", "Sections nobody commented on")
    assert most.count("Section ") == 5
    assert "Section 2.8" in most and "Section 4.1" not in most


def test_page_says_every_seed_section_has_comments(client, seed):
    text = visible_text(client.get(OVERVIEW_URL))

    assert "Sections nobody commented on Every section has comments." in text


def test_a_section_nobody_commented_on_is_listed(client, seed):
    SectionFactory(plan=seed[0], number="2.10", heading="Measuring outcomes")

    page = client.get(OVERVIEW_URL)

    uncommented = part_of_page(
        visible_text(page), "Sections nobody commented on", "Comments on themes"
    )
    assert uncommented.strip() == "Section 2.10: Measuring outcomes"
    assert f'href="{OVERVIEW_URL.replace("overview/", "sections/2.10/")}"' in page.content.decode()


def test_comments_on_themes_and_on_the_whole_plan_are_counted(client, seed):
    text = visible_text(client.get(OVERVIEW_URL))

    figures = text.split("Comments on themes and on the whole plan")[-1]
    assert "Theme: Strengthening communities 1 comment" in figures
    assert "Theme: Transforming public services 1 comment" in figures
    assert "The whole plan, not a section or theme 5 comments" in figures


def _unpublished_comments_on_3_5(plan):
    section = plan.sections.get(number="3.5")
    draft = ResponseFactory(
        plan=plan, status=Response.Status.DRAFT, submitted_at=None, reference=None
    )
    submitted = ResponseFactory(plan=plan, status=Response.Status.SUBMITTED)
    for response in (draft, submitted):
        SectionLinkFactory(
            comment=CommentFactory(response=response, stance=Comment.Stance.QUESTION),
            section=section,
        )


def test_draft_and_submitted_comments_are_not_counted_for_a_visitor(client, seed):
    _unpublished_comments_on_3_5(seed[0])

    rows = table_rows(client.get(OVERVIEW_URL).content.decode())

    assert rows["3.5"]["question"] == 0
    assert rows["3.5"]["total"] == 2


def test_an_officer_counts_submitted_comments_but_not_others_drafts(client, seed):
    _unpublished_comments_on_3_5(seed[0])
    officer = UserFactory(permissions=["responses.view_submitted_response"])
    client.force_login(officer)

    rows = table_rows(client.get(OVERVIEW_URL).content.decode())

    assert rows["3.5"]["question"] == 1
    assert rows["3.5"]["total"] == 3


def test_chart_has_one_bar_per_section_with_comments_most_first(client, seed):
    SectionFactory(plan=seed[0], number="2.10")

    bars = chart_bars(client.get(OVERVIEW_URL).content.decode())

    assert list(bars) == ["3.5", "1.3", "1.11", "1.15", "2.8"]  # equals in natural order
    assert bars["3.5"] == [("red", "0.0%", "50.0%"), ("blue", "50.0%", "50.0%")]
    assert bars["1.11"] == [("red", "0.0%", "50.0%")]
    assert bars["2.8"] == [("green", "0.0%", "50.0%")]


def test_chart_segments_are_as_long_as_their_share_of_the_longest_bar(client):
    busy = SectionFactory(number="1.1")
    quiet = SectionFactory(plan=busy.plan, number="1.2")
    response = ResponseFactory(plan=busy.plan)
    for stance in ["welcomes", "concern", "concern", "concern"]:
        SectionLinkFactory(comment=CommentFactory(response=response, stance=stance), section=busy)
    SectionLinkFactory(comment=CommentFactory(response=response, stance="question"), section=quiet)

    html = client.get(f"/plans/{busy.plan.slug}/overview/").content.decode()

    assert chart_bars(html) == {
        "1.1": [("green", "0.0%", "25.0%"), ("red", "25.0%", "75.0%")],
        "1.2": [("purple", "0.0%", "25.0%")],
    }
    assert f'<a href="/plans/{busy.plan.slug}/sections/1.2/" tabindex="-1">' in html


def test_chart_is_an_image_labelled_by_its_title_with_no_inline_style(client, seed):
    html = client.get(OVERVIEW_URL).content.decode()

    assert 'role="img" aria-labelledby="stance-chart-title"' in html
    assert '<title id="stance-chart-title">' in html
    assert "style=" not in html


def test_overview_page_query_count_does_not_grow_with_comments(
    client, django_assert_max_num_queries
):
    first = SectionFactory(number="1.1")
    plan = first.plan
    sections = [first] + [SectionFactory(plan=plan, number=f"3.{n}") for n in range(1, 30)]
    for n in range(40):
        response = ResponseFactory(plan=plan)
        for position, section in enumerate(sections[n % 3 :: 3], start=1):
            SectionLinkFactory(
                comment=CommentFactory(response=response, position=position), section=section
            )

    # The plan's generation (for the cache), the plan, its themes, the counts, the sections.
    with django_assert_max_num_queries(5):
        page = client.get(f"/plans/{plan.slug}/overview/")

    assert page.status_code == 200
    assert len(table_rows(page.content.decode())) == 30


def test_unknown_plan_is_404(client):
    assert client.get("/plans/no-such-plan/overview/").status_code == 404


def test_a_long_plans_chart_draws_the_sections_with_most_comments_and_the_table_all(client):
    plan = large_plan()
    sections = list(plan.sections.in_natural_order())
    for index, section in enumerate(sections[:40]):
        for _ in range(1 + index // 10):
            comment_on(section, text=f"On {section.number}.", status="published")

    html = client.get(f"/plans/{plan.slug}/overview/").content.decode()

    bars = chart_bars(html)
    assert len(bars) == 30
    assert list(bars)[:10] == [section.number for section in sections[30:40]]
    assert "the 10 more with comments too" in visible_text(html)
    table = html.split("<table", 1)[1].split("</table>", 1)[0]
    assert table.count('class="govuk-table__row"') == 1 + len(sections)
