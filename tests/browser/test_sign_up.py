"""A visitor creates an account from the sign-in page, in a real browser: a username and an
email address, then a password from the link emailed to them."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "correct-horse-battery"


def emailed_link(message):
    """The link to finish signing up, from the email live_server sent (Django's test mail outbox:
    the server runs in this process)."""
    return re.search(r"http://\S+/accounts/signup/finish/\S+", message.body)[0]


def test_visitor_creates_an_account_and_comes_back_signed_in(live_server, page, assert_accessible):
    # Each browser test empties the database when it ends, the groups the migrations made too;
    # sign-up needs the one it puts new accounts in. (serialized_rollback would restore them, but
    # clashes with the content types Django makes again after emptying.)
    Group.objects.get_or_create(name="Respondents")
    page.goto(live_server.url)
    page.get_by_role("link", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    assert_accessible(page)

    page.get_by_role("main").get_by_role("link", name="Create an account").click()
    expect(page).to_have_url(re.compile(r"/accounts/signup/\?next=/$"))
    page.get_by_role("button", name="Continue").click()

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("There is a problem")
    expect(page).to_have_title(re.compile(r"^Error: Create an account"))
    assert_accessible(page)
    summary.get_by_role("link", name="Enter a username.").click()
    expect(page.get_by_label("Username")).to_be_focused()

    page.get_by_label("Username").fill("ada")
    page.get_by_label("Email address").fill("ada@example.org")
    page.get_by_role("button", name="Continue").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    assert_accessible(page)
    page.goto(emailed_link(mail.outbox[-1]))
    expect(page.get_by_role("heading", level=1)).to_have_text("Choose a password")
    assert_accessible(page)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Confirm password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()

    expect(page).to_have_url(f"{live_server.url}/")
    expect(page.get_by_role("button", name=re.compile("Sign out"))).to_be_visible()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("signed in as ada")
    assert_accessible(page)
