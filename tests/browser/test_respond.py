"""Respondents enter a response in a real browser, both ways, and an officer finds it."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from playwright.sync_api import expect

from responses.models import Response
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

PLAN = "/plans/noms-third-sector-action-plan/"
PROSE = (
    "Paragraph 2.8 is welcome: local demonstration projects should include small organisations.\n\n"
    "Consortia building should be encouraged, not merely ‘considered’.\n\n"
    "Section 3.5 says nothing about social enterprise, which the plan calls a driver."
)


def sign_up(page, base_url, username):
    # Browser tests empty the database between tests, the migrations' groups too.
    Group.objects.get_or_create(name="Respondents")
    page.goto(f"{base_url}/accounts/signup/")
    page.fill("#id_username", username)
    page.fill("#id_email", f"{username}@example.org")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    # The link to choose a password, from the email live_server sent (it runs in this process).
    page.goto(re.search(r"http://\S+/accounts/signup/finish/\S+", mail.outbox[-1].body)[0])
    page.fill("#id_new_password1", PASSWORD)
    page.fill("#id_new_password2", PASSWORD)
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("button", name=re.compile("Sign out"))).to_be_visible()


def start_responding(page, base_url, assert_accessible, method):
    page.goto(f"{base_url}{PLAN}")
    page.get_by_role("button", name="Respond to this consultation").click()
    assert_accessible(page)
    page.get_by_label("Organisation", exact=True).check()
    page.fill("#id_name", "Clinks")
    page.fill("#id_description", "Supports voluntary organisations working with offenders.")
    page.get_by_label(method).check()
    page.get_by_role("button", name="Continue").click()


def comment_block(page, number):
    return page.locator(".marginalia-comment-form").nth(number - 1)


def test_respondent_pastes_prose_corrects_a_suggestion_submits_and_an_officer_finds_it(
    seeded_server, page, assert_accessible, browser
):
    sign_up(page, seeded_server.url, "clinks")
    start_responding(page, seeded_server.url, assert_accessible, "Paste or upload")
    expect(page.get_by_role("heading", level=1)).to_have_text("Paste or upload your response")
    assert_accessible(page)

    page.get_by_role("button", name="Suggest the sections").click()  # nothing pasted yet
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Paste your response, or choose a file"
    )
    assert_accessible(page)
    page.fill("#id_text", PROSE)
    page.get_by_role("button", name="Suggest the sections").click()

    expect(page.locator(".marginalia-comment-form")).to_have_count(3)
    expect(comment_block(page, 1)).to_contain_text("Section 2.8, because it says “Paragraph 2.8”")
    expect(comment_block(page, 2)).to_contain_text("Section 1.11, because it says “‘considered’”")
    expect(comment_block(page, 3)).to_contain_text("Section 3.5, because it says “Section 3.5”")
    assert_accessible(page)
    # The third paragraph is about 1.3's social enterprise driver, not 3.5: correct it.
    comment_block(page, 3).get_by_label("Section 3.5").uncheck()
    comment_block(page, 3).get_by_label("Section 1.3", exact=True).check()
    comment_block(page, 3).get_by_label("Concern").check()
    page.get_by_role("button", name="Save and continue").click()

    # Asked before the check: may the response be published, with the name or without?
    expect(page.get_by_role("heading", level=1)).to_have_text("May we publish your response?")
    assert_accessible(page)
    page.get_by_role("button", name="Continue").click()
    expect(
        page.get_by_role("link", name=re.compile("Choose whether we may publish your response"))
    ).to_be_visible()
    page.get_by_label("Publish my response without my name").check()
    page.get_by_role("button", name="Continue").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Check your response before you submit it"
    )
    expect(page.get_by_text("Publish my response without my name")).to_be_visible()
    expect(page.locator("#section-1\\.3")).to_contain_text(
        "Section 3.5 says nothing about social enterprise"
    )
    expect(page.locator("#section-3\\.5")).to_have_count(0)
    assert_accessible(page)
    page.get_by_role("button", name="Submit your response").click()

    expect(page.locator(".govuk-panel__title")).to_have_text("Response submitted")
    submitted = Response.objects.get(owner__username="clinks")
    assert submitted.publication_consent == Response.Consent.ANONYMOUS
    reference = submitted.reference
    expect(page.locator(".govuk-panel__body")).to_contain_text(reference)
    assert_accessible(page)

    UserFactory(username="officer", permissions=["responses.view_submitted_response"])
    officer_page = browser.new_context(bypass_csp=True).new_page()
    officer_page.goto(f"{seeded_server.url}/accounts/login/")
    officer_page.fill("#id_username", "officer")
    officer_page.fill("#id_password", PASSWORD)
    officer_page.get_by_role("button", name="Sign in").click()
    officer_page.goto(f"{seeded_server.url}{PLAN}")
    expect(officer_page.locator("#section-2\\.8")).to_contain_text(
        "local demonstration projects should include"
    )
    expect(officer_page.locator("#section-1\\.11")).to_contain_text(
        "Consortia building should be encouraged"
    )
    expect(officer_page.locator("#section-1\\.3")).to_contain_text(
        "Section 3.5 says nothing about social"
    )
    expect(officer_page.locator("#section-3\\.5")).not_to_contain_text("social enterprise")
    assert_accessible(officer_page)


@pytest.fixture
def page_without_javascript(browser):
    context = browser.new_context(java_script_enabled=False, bypass_csp=True)
    yield context.new_page()
    context.close()


def no_axe(page):
    """axe-core is a script: with JavaScript off it cannot run. The journey with JavaScript on
    checks the same pages."""


def test_respondent_enters_comments_section_by_section_without_javascript(
    seeded_server, page_without_javascript
):
    page = page_without_javascript
    sign_up(page, seeded_server.url, "jo")
    start_responding(page, seeded_server.url, no_axe, "Section by section")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your comments")

    first = comment_block(page, 1)
    first.get_by_label("Your comment").fill("Consortia building should be encouraged.")
    first.get_by_label("Recommendation").check()
    first.get_by_label("Section 1.11").check()
    first.get_by_label("The plan’s exact wording").fill("kept informed")
    page.get_by_role("button", name="Add another comment").click()

    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "The wording you quote does not occur in section 1.11."
    )
    comment_block(page, 1).get_by_label("The plan’s exact wording").fill("will be considered")
    page.get_by_role("button", name="Add another comment").click()

    expect(page.locator(".marginalia-comment-form")).to_have_count(2)
    second = comment_block(page, 2)
    second.get_by_label("Your comment").fill("Victims deserve a section of their own.")
    second.get_by_label("It is a general comment on the whole plan").check()
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_label("Publish my response with my name").check()
    page.get_by_role("button", name="Continue").click()

    expect(page.locator("#section-1\\.11 mark")).to_have_text("will be considered")
    expect(page.locator("#general")).to_be_visible()
    page.get_by_role("button", name="Submit your response").click()

    expect(page.locator(".govuk-panel__title")).to_have_text("Response submitted")
    response = Response.objects.get(owner__username="jo")
    assert response.status == Response.Status.SUBMITTED
    assert response.comments.count() == 2
