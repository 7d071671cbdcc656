"""A visitor reads the overview of the seeded plan's critique, in a real browser."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)

OVERVIEW = "/plans/noms-third-sector-action-plan/overview/"


def test_overview_chart_shows_a_bar_per_section_and_is_accessible(
    seeded_server, page, assert_accessible
):
    page.goto(f"{seeded_server.url}{OVERVIEW}")

    expect(page.get_by_role("heading", level=1)).to_have_text("Overview of the critique")
    expect(page.locator(".marginalia-stance-chart__image")).to_be_visible()
    expect(page.locator(".marginalia-stance-chart__bar")).to_have_count(5)
    expect(page.get_by_role("table")).to_contain_text("Recommendation")
    assert_accessible(page)


def test_clicking_a_bar_opens_its_section(seeded_server, page):
    page.goto(f"{seeded_server.url}{OVERVIEW}")

    # The links lie in a layer over the chart: click where the bar is drawn.
    bar = page.locator('.marginalia-stance-chart__bar[data-section="3.5"] rect').last
    bar.scroll_into_view_if_needed()
    box = bar.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)

    expect(page).to_have_url(
        f"{seeded_server.url}/plans/noms-third-sector-action-plan/sections/3.5/"
    )
    expect(page.get_by_role("heading", level=1)).to_have_text("Section 3.5")


def test_chart_fits_a_narrow_screen(seeded_server, page, assert_accessible):
    page.set_viewport_size({"width": 400, "height": 800})
    page.goto(f"{seeded_server.url}{OVERVIEW}")

    longest = page.locator('.marginalia-stance-chart__bar[data-section="3.5"] rect').last
    box = longest.bounding_box()
    assert box["x"] + box["width"] <= 400
    assert page.evaluate("document.documentElement.scrollWidth") <= 400
    assert_accessible(page)
