"""An officer asks for themes, accepts one as a code, codes comments in bulk, draws a sample for a
second officer, who codes it blind, and resolves a disagreement: each page checked with
axe-core."""

import re

import pytest
from playwright.sync_api import expect

from tests.background import run_queued_tasks
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)
PLAN = "noms-third-sector-action-plan"
PERMISSIONS = [
    "officers.annotate_comment",
    "responses.view_submitted_response",
    "responses.publish_response",
]


def _sign_in(page, server, username):
    page.goto(f"{server.url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_suggest_accept_code_in_bulk_second_code_and_resolve(
    seeded_server, page, assert_accessible
):
    from plans.models import Plan
    from tests.arranging import comment_on
    from tests.coding.corpus import planted_comments

    UserFactory(username="olivia", permissions=PERMISSIONS)
    UserFactory(username="sam", permissions=PERMISSIONS)
    section = Plan.objects.get(slug=PLAN).sections.get(number="3.5")
    for text, _ in planted_comments(per_theme=8):
        comment_on(section, text=text)
    _sign_in(page, seeded_server, "olivia")

    page.goto(f"{seeded_server.url}/work/")
    page.get_by_role("link", name=re.compile("Coding frame of NOMS")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Coding frame")
    assert_accessible(page)
    page.get_by_label("How many themes, at most").fill("5")
    page.get_by_role("button", name="Suggest themes").click()
    expect(page.get_by_text("this page shows the themes when they are read")).to_be_visible()
    assert run_queued_tasks() >= 1
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text("Suggested themes")
    assert_accessible(page)
    first_theme = page.locator(".govuk-summary-card").first
    first_theme.get_by_label("Code it as").fill("Money")
    first_theme.get_by_role("button", name=re.compile("^Accept")).click()
    expect(page.get_by_text(re.compile("is the code “Money”"))).to_be_visible()

    page.goto(f"{seeded_server.url}/plans/{PLAN}/codes/")
    page.get_by_label("Name").fill("Housing")
    page.get_by_role("button", name="Add the code").click()
    page.get_by_role("link", name="Code many comments at once").click()
    page.get_by_label("Words they hold (optional)").fill("housing")
    page.get_by_role("button", name="Apply the filters").click()
    assert_accessible(page)
    page.get_by_label("Code to give them").select_option(label="Housing")
    page.get_by_role("button", name=re.compile("^Code the")).click()
    expect(page.get_by_text(re.compile("Coded \\d+ more comments “Housing”"))).to_be_visible()

    page.goto(f"{seeded_server.url}/plans/{PLAN}/agreement/")
    assert_accessible(page)
    page.get_by_label("How many comments").fill("5")
    page.get_by_label("Officer to code them a second time").select_option(label="sam")
    page.get_by_role("button", name="Draw a sample").click()
    expect(page.get_by_text("Drew 5 comments for sam to code a second time.")).to_be_visible()
    sample_url = page.url

    page.context.clear_cookies()
    _sign_in(page, seeded_server, "sam")
    page.goto(f"{sample_url}code/")
    assert_accessible(page)
    for _ in range(5):  # sam gives every comment Money only
        expect(page.get_by_text("You are not shown how it was coded first")).to_be_visible()
        page.get_by_label("Money").check()
        page.get_by_role("button", name="Save and code the next").click()
    expect(page.get_by_text("You have coded every comment of the sample.")).to_be_visible()

    page.context.clear_cookies()
    _sign_in(page, seeded_server, "olivia")
    page.goto(sample_url)
    expect(page.get_by_text("Cohen's kappa, every code")).to_be_visible()
    assert_accessible(page)
    card = page.locator(".govuk-summary-card").first
    card.get_by_label("Why (optional)").fill("Both apply")
    card.get_by_role("button", name=re.compile("^Resolve")).click()
    expect(page.get_by_text(re.compile("Resolved .*: its codes are those chosen."))).to_be_visible()
    expect(page.get_by_text(re.compile("Both apply"))).to_be_visible()
