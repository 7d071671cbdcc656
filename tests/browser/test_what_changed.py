"""A revision walked in the browser as an officer brings it in and a reader reads it: the plan's
versions, a revised plan pasted and its outline saved, the "what changed" page filtered to the
sections asked about and changed, the matches corrected; each page checked with axe-core."""

import pytest
from playwright.sync_api import expect

from plans.models import Plan
from tests.background import run_queued_tasks
from tests.browser.test_imports import OFFICER_PERMISSIONS, screenshot, sign_in
from tests.factories import UserFactory
from tests.revisions.arranging import ENCOURAGED, revise, revised_text

pytestmark = pytest.mark.django_db(transaction=True)
PLAN = "noms-third-sector-action-plan"


def test_an_officer_brings_in_a_revision_and_reads_what_changed(
    seeded_server, page, assert_accessible
):
    UserFactory(username="olivia", permissions=OFFICER_PERMISSIONS)
    text = revised_text(Plan.objects.get(slug=PLAN), **{"1_11": ENCOURAGED})
    sign_in(page, seeded_server.url)

    page.goto(f"{seeded_server.url}/plans/{PLAN}/")
    page.get_by_role(
        "link", name="Versions of the plan: what changed after the consultation"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Versions of the plan")
    assert_accessible(page)

    page.get_by_role("button", name="Import a revised version").click()
    assert_accessible(page)
    page.get_by_label("Name of this version").fill("Final action plan")
    published = page.get_by_role("group", name="Date published (optional)")
    published.get_by_label("Day").fill("27")
    published.get_by_label("Month").fill("3")
    published.get_by_label("Year").fill("2009")
    page.get_by_label("Or paste its text").fill(text)
    page.get_by_role("button", name="Read the outline").click()
    expect(page.get_by_text("We found 5 sections")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Save the revised version").first.click()

    expect(page.get_by_role("heading", level=1)).to_have_text("What changed in version 2")
    following = page.locator(".govuk-inset-text", has_text="quotes are being followed")
    expect(following).to_be_visible()
    assert run_queued_tasks() >= 1
    page.reload()
    expect(following).to_have_count(0)
    page.get_by_label("Asked for a change, and the wording changed (1)").check()
    page.get_by_role("button", name="Show").click()

    change = page.locator("section.marginalia-change")
    expect(change).to_have_count(1)
    expect(change.get_by_role("heading", level=2)).to_contain_text("Section 1.11")
    expect(change.locator("del").first).to_have_text("[deleted: considered]")
    expect(change.locator("ins").first).to_have_text("[inserted: encouraged]")
    expect(change.get_by_text("Quoted “considered”: changed:")).to_be_visible()
    expect(change.get_by_role("link", name="Volunteering England")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "what-changed")

    page.get_by_role("link", name="Correct the matches").click()
    expect(page.get_by_label("Section 1.11 succeeds")).to_have_value("1.11")
    assert_accessible(page)
    page.get_by_role("button", name="Save the matches").click()
    expect(page.get_by_text("The matches are saved")).to_be_visible()

    page.context.clear_cookies()
    page.goto(f"{seeded_server.url}/plans/{PLAN}/versions/2/sections/1.11/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Section 1.11 in version 2")
    assert_accessible(page)


def test_an_officer_places_a_quote_the_matcher_could_not(seeded_server, page, assert_accessible):
    UserFactory(username="olivia", permissions=OFFICER_PERMISSIONS)
    plan = Plan.objects.get(slug=PLAN)
    twice = "Bodies will be informed at the start and informed again at the end."
    revise(plan, revised_text(plan, **{"1_15": twice}))
    sign_in(page, seeded_server.url)

    page.goto(f"{seeded_server.url}/plans/{PLAN}/versions/2/")
    page.get_by_role("link", name="1 quote to check").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Quotes to check in version 2")
    assert_accessible(page)
    screenshot(page, "quotes-to-check")

    page.get_by_role("button", name="Place this quote").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Choose where the quoted words are").click()
    expect(page.get_by_label("Section 1.15: “informed”").first).to_be_focused()

    page.get_by_label("Section 1.15: “informed”").nth(1).check()
    page.get_by_role("button", name="Place this quote").click()
    expect(page.get_by_text("is placed in section 1.15")).to_be_visible()
    expect(page.get_by_text("Nothing to check")).to_be_visible()
    assert_accessible(page)

    page.goto(f"{seeded_server.url}/plans/{PLAN}/versions/2/")
    expect(page.get_by_text("(Placed by an officer)")).to_be_visible()
