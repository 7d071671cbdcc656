"""A visitor reads the seeded plan beside its critique, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


def test_visitor_follows_critique_of_1_11_to_its_section_and_response(
    page, seeded_server, assert_accessible
):
    page.goto(seeded_server.url)
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("^NOMS Third Sector Action Plan")).click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("NOMS Third Sector Action Plan")
    assert_accessible(page)
    section = page.locator("#section-1\\.11")
    expect(section.locator(".marginalia-wording mark")).to_have_text("considered")
    expect(section.locator(".marginalia-comment")).to_have_count(1)
    expect(section.locator(".marginalia-comment")).to_contain_text(
        "consortia building being ‘encouraged’"
    )

    section.get_by_role("link", name="Section 1.11").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Section 1.11")
    expect(page.get_by_text("1 comment on 1.11")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Volunteering England").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Response by Volunteering England")
    expect(page.locator(".marginalia-response > li")).to_have_count(12)
    assert_accessible(page)


def test_sections_and_their_critique_sit_side_by_side_on_a_wide_screen(seeded_server, page):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{seeded_server.url}/plans/noms-third-sector-action-plan/")

    wording = page.locator("#section-1\\.11 .marginalia-wording").bounding_box()
    critique = page.locator("#section-1\\.11 .marginalia-comment").bounding_box()
    assert critique["x"] > wording["x"] + wording["width"]
    assert abs(critique["y"] - wording["y"]) < 150


@pytest.mark.parametrize(
    "path", ["/plans/noms-third-sector-action-plan/sections/3.5/", "/plans/nope/"]
)
def test_other_pages_are_accessible(seeded_server, page, assert_accessible, path):
    page.goto(f"{seeded_server.url}{path}")
    assert_accessible(page)
