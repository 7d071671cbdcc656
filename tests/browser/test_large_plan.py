"""A 312-section plan in a real browser, at a desktop's and a phone's width: a respondent
comments section by section with the wording beside, picking sections by chapter, by number and
by type-ahead; an officer relinks a comment with the same picker and searches from the plan, and
checks the outline of such a plan, folded by chapter, before it is saved."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from plans.models import Plan
from responses.models import Comment, Response
from tests.arranging import comment_on
from tests.factories import PASSWORD, UserFactory
from tests.large_plan import large_plan

pytestmark = pytest.mark.django_db(transaction=True)

# A form of one comment on a plan of 312 sections stays this short, however many sections.
FORM_HEIGHT_LIMIT = 15_000
WIDTHS = [1280, 375]
OFFICER_PERMISSIONS = [
    "officers.annotate_comment",
    "responses.view_submitted_response",
    "responses.publish_response",
]


@pytest.fixture
def plan(live_server):
    return large_plan(
        title="Regional Growth Plan",
        has_full_text=True,
        closes_on=datetime.date.today() + datetime.timedelta(days=30),
    )


def sign_in(page, base_url, username):
    page.goto(f"{base_url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).not_to_have_url(re.compile("/accounts/login/"))


def height(page):
    return page.evaluate("document.documentElement.scrollHeight")


@pytest.mark.parametrize("width", WIDTHS)
def test_respondent_comments_beside_the_wording_picking_sections_three_ways(
    live_server, plan, page, assert_accessible, width
):
    page.set_viewport_size({"width": width, "height": 900})
    UserFactory(username="rita")
    sign_in(page, live_server.url, "rita")

    page.goto(f"{live_server.url}/plans/{plan.slug}/sections/5.7.2/")
    page.get_by_role("button", name="Comment on this section").click()
    page.get_by_label("Organisation", exact=True).check()
    page.fill("#id_name", "Clinks")
    page.get_by_label("Section by section").check()
    page.get_by_role("button", name="Continue").click()

    comment = page.locator(".marginalia-comment-form").last
    expect(comment.locator(".marginalia-wording-beside")).to_contain_text(
        "The wording of section 5.7.2, on the work of chapter 5."
    )
    assert height(page) < FORM_HEIGHT_LIMIT
    assert_accessible(page)

    comment.get_by_label("Your comment").fill("Say more about volunteers in growth.")
    comment.get_by_label("Add sections by number").fill("3.1–3.2")
    comment.get_by_text("8 Chapter 8 heading (26 sections)").click()
    comment.get_by_label("Section 8.4: Heading 8.4").check()
    finder = comment.get_by_label("Or find a section by its number or words")
    finder.fill("11.7.3")
    page.get_by_role("option", name="Section 11.7.3: Heading 11.7.3").click()
    expect(comment.locator("[data-picker-chosen]")).to_contain_text("Section 11.7.3")
    assert_accessible(page)
    page.get_by_role("button", name="Save draft").click()

    expect(page.get_by_text("Your draft has been saved.")).to_be_visible()
    draft = Response.objects.get(owner__username="rita", status=Response.Status.DRAFT)
    linked = Comment.objects.get(response=draft).section_links.values_list(
        "section__number", flat=True
    )
    assert sorted(linked) == ["11.7.3", "3.1", "3.2", "5.7.2", "8.4"]
    chosen = page.locator("[data-picker-chosen]").last
    for number in ["3.1", "3.2", "5.7.2", "8.4", "11.7.3"]:
        expect(chosen).to_contain_text(f"Section {number}:")
    expect(page.locator(".marginalia-wording-beside")).to_contain_text("And 2 more sections")
    assert height(page) < FORM_HEIGHT_LIMIT

    page.goto(f"{live_server.url}/responses/mine/")
    expect(page.get_by_role("link", name="Continue your draft response")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # nothing off-screen
    assert_accessible(page)


@pytest.mark.parametrize("width", WIDTHS)
def test_officer_relinks_with_the_picker_and_searches_from_the_plan_page(
    live_server, plan, page, assert_accessible, width
):
    page.set_viewport_size({"width": width, "height": 900})
    comment = comment_on(
        plan.sections.get(number="2.1"),
        text="Housing for people leaving prison.",
        status=Response.Status.PUBLISHED,
    )
    UserFactory(username="olivia", permissions=OFFICER_PERMISSIONS)
    sign_in(page, live_server.url, "olivia")

    page.goto(f"{live_server.url}/work/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your work")
    assert_accessible(page)
    page.get_by_role(
        "link", name="Review the next unreviewed comment of Regional Growth Plan"
    ).click()
    expect(page).to_have_url(re.compile(rf"/comments/{comment.pk}/"))
    chosen = page.locator("[data-picker-chosen]")
    expect(chosen).to_contain_text("Section 2.1: Heading 2.1")
    assert height(page) < FORM_HEIGHT_LIMIT
    assert_accessible(page)
    chosen.get_by_label("Section 2.1: Heading 2.1").uncheck()
    page.get_by_label("Add sections by number").fill("2.7.2")
    page.get_by_role("button", name="Save annotations").click()
    expect(page.locator("[data-picker-chosen]")).to_contain_text("Section 2.7.2")
    assert list(comment.section_links.values_list("section__number", flat=True)) == ["2.7.2"]

    page.goto(f"{live_server.url}/plans/{plan.slug}/")
    page.get_by_role("link", name="Search comments").click()
    expect(page.locator(".govuk-caption-l")).to_have_text("Regional Growth Plan")
    page.get_by_label("Words in comments, or a respondent’s name").fill("housing")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_text("Housing for people leaving prison.")).to_be_visible()
    assert_accessible(page)

    # The officers' section filter: numbers typed, or found by the same type-ahead.
    page.get_by_text("Filter and sort comments").click()
    finder = page.get_by_label("Or find a section by its number or words")
    finder.fill("Heading 9.7.3")
    page.get_by_role("option", name="Section 9.7.3: Heading 9.7.3").click()
    expect(page.get_by_label("Sections", exact=True)).to_have_value("9.7.3")
    expect(finder).to_have_value("")
    finder.fill("2.7.2")
    page.get_by_role("option", name="Section 2.7.2: Heading 2.7.2").click()
    expect(page.get_by_label("Sections", exact=True)).to_have_value("9.7.3, 2.7.2")
    assert_accessible(page)
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_text("Housing for people leaving prison.")).to_be_visible()
    page.get_by_label("Sections", exact=True).fill("3.1")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_text("Housing for people leaving prison.")).to_have_count(0)


@pytest.mark.parametrize("width", WIDTHS)
def test_officer_checks_a_long_outline_folded_by_chapter_and_saves_every_section(
    live_server, page, assert_accessible, width
):
    from tests.plan_import.test_long_outline import long_plan_text

    page.set_viewport_size({"width": width, "height": 900})
    UserFactory(username="omar", permissions=["plans.add_plan"])
    sign_in(page, live_server.url, "omar")
    page.goto(f"{live_server.url}/plans/import/")
    page.get_by_label("Title of the plan").fill("Regional Growth Plan")
    page.get_by_label("Or paste its text").fill(long_plan_text())
    page.get_by_role("button", name="Read the outline").click()

    expect(page.get_by_text("We found 312 sections")).to_be_visible()
    assert height(page) < FORM_HEIGHT_LIMIT
    assert_accessible(page)
    page.get_by_role("link", name="7 Chapter 7 heading").click()
    page.locator("summary", has_text="Section 7.7.2: Heading 7.7.2").click()
    fold = page.locator("details.marginalia-outline-fold[open]")
    fold.get_by_label("Heading").fill("Homes near work")
    assert_accessible(page)
    page.get_by_role("button", name="Save the plan").first.click()

    expect(page.get_by_text("Regional Growth Plan is saved with 312 sections.")).to_be_visible()
    plan = Plan.objects.get(title="Regional Growth Plan")
    assert plan.sections.count() == 312
    assert plan.sections.get(number="7.7.2").heading == "Homes near work"
