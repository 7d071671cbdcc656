"""An officer groups a plan's responses into campaigns, reads one campaign and splits a member
out, with and without JavaScript; each page checked with axe-core."""

import re

import pytest
from playwright.sync_api import expect

from plans.models import Plan
from tests.background import run_queued_tasks
from tests.browser.test_imports import OFFICER_PERMISSIONS, sign_in
from tests.factories import UserFactory
from tests.responses.campaign_letters import OWN_PARAGRAPH, response_saying, signed

pytestmark = pytest.mark.django_db(transaction=True)

PLAN = "noms-third-sector-action-plan"


@pytest.fixture
def officer(seeded_server):
    return UserFactory(username="olivia", permissions=OFFICER_PERMISSIONS)


@pytest.fixture
def letters(seeded_server):
    """Three near-copies of one letter sent to the seed plan, one with a paragraph added."""
    plan = Plan.objects.get(slug=PLAN)
    return [
        response_saying(plan, signed("Ann Lee")),
        response_saying(plan, signed("Bo Diaz")),
        response_saying(plan, signed("Cy Ng", added=OWN_PARAGRAPH)),
    ]


@pytest.mark.parametrize("javascript", [True, False])
def test_officer_groups_a_campaign_reads_it_and_splits_a_member_out(
    seeded_server, officer, letters, browser, assert_accessible, javascript
):
    context = browser.new_context(java_script_enabled=javascript, bypass_csp=True)
    page = context.new_page()
    # axe-core is a script: it runs only where scripts do.
    check = assert_accessible if javascript else lambda page: None
    sign_in(page, seeded_server.url)
    page.goto(f"{seeded_server.url}/plans/{PLAN}/")
    page.get_by_role("link", name="Campaigns").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Campaigns")
    check(page)

    page.get_by_label("Similarity threshold").fill("0.8")
    page.get_by_role("button", name="Group the responses").click()
    expect(page.get_by_text("Grouping has started.")).to_be_visible()
    if not javascript:  # the page reloads itself, a refresh followed only without JavaScript
        expect(page.locator("head noscript > meta[http-equiv='refresh']")).to_have_count(1)
    check(page)
    assert run_queued_tasks() == 1
    page.reload()

    expect(page.get_by_text("at a similarity threshold of 0.80")).to_be_visible()
    page.get_by_role("link", name=re.compile(r"^Dear Sir or Madam")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Campaign of 3 responses")
    expect(page.get_by_role("row", name=re.compile(letters[2].reference))).to_contain_text(
        OWN_PARAGRAPH
    )
    check(page)

    page.get_by_role("button", name=f"Split out {letters[2].reference}").click()
    expect(page.get_by_text(f"{letters[2].reference} is split out of the campaign")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("Campaign of 2 responses")
    check(page)
    context.close()
