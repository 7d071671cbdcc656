"""Resetting a forgotten password by email: /accounts/password_reset/ and the link it sends."""

import re

import pytest
from django.contrib import auth

from tests.error_summary import error_summary_links
from tests.factories import UserFactory
from tests.page_text import visible_text

pytestmark = pytest.mark.django_db

RESET = "/accounts/password_reset/"
NEW_PASSWORD = "a-brand-new-passphrase"


@pytest.fixture
def ada(db):
    return UserFactory(username="ada", email="ada@example.org")


def emailed_link(message):
    return re.search(r"http://testserver(/accounts/reset/\S+/)", message.body)[1]


def test_asking_for_a_reset_emails_a_link(client, mailoutbox, ada):
    page = client.post(RESET, {"email": "ada@example.org"})

    assert page["Location"] == "/accounts/password_reset/done/"
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["ada@example.org"]
    assert mailoutbox[0].subject == "Reset your Marginalia password"
    assert emailed_link(mailoutbox[0])
    assert "Check your email" in visible_text(client.get(page["Location"]))


def test_an_unknown_address_sends_nothing_and_says_no_more(client, mailoutbox, ada):
    # The same page as for a known address, so nobody learns who has an account.
    page = client.post(RESET, {"email": "nobody@example.org"})

    assert page["Location"] == "/accounts/password_reset/done/"
    assert mailoutbox == []


def test_a_malformed_address_is_reported_in_the_error_summary(client):
    page = client.post(RESET, {"email": "ada-at-example"})

    assert error_summary_links(page) == [
        ("#id_email", "Enter an email address in the correct format, like name@example.com.")
    ]


def test_the_link_sets_a_new_password_to_sign_in_with(client, mailoutbox, ada):
    client.post(RESET, {"email": "ada@example.org"})
    # Django swaps the token in the link for one in the session, then shows the form.
    form_page = client.get(emailed_link(mailoutbox[0]), follow=True)
    assert "Set a new password" in visible_text(form_page)

    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )

    assert done["Location"] == "/accounts/reset/done/"
    assert "Your password has been changed" in visible_text(client.get(done["Location"]))
    client.post("/accounts/login/", {"username": "ada", "password": NEW_PASSWORD})
    assert auth.get_user(client) == ada


def test_mismatched_new_passwords_are_reported(client, mailoutbox, ada):
    client.post(RESET, {"email": "ada@example.org"})
    form_page = client.get(emailed_link(mailoutbox[0]), follow=True)

    page = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": "something-else-entirely"},
    )

    assert error_summary_links(page) == [
        (
            "#id_new_password2",
            "The passwords do not match. Enter the same password in both fields.",
        )
    ]


def test_a_used_link_says_it_no_longer_works(client, mailoutbox, ada):
    client.post(RESET, {"email": "ada@example.org"})
    link = emailed_link(mailoutbox[0])
    form_page = client.get(link, follow=True)
    client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )

    page = client.get(link, follow=True)

    assert "This link no longer works" in visible_text(page)
    assert 'href="/accounts/password_reset/"' in page.content.decode()


def test_an_address_asking_too_often_is_refused_for_15_minutes(client, mailoutbox, ada):
    for _ in range(10):
        assert client.post(RESET, {"email": "ada@example.org"}).status_code == 302

    page = client.post(RESET, {"email": "ada@example.org"})

    assert page.status_code == 429
    assert error_summary_links(page) == [
        ("#id_email", "Too many attempts from your address. Try again in 15 minutes.")
    ]
    assert len(mailoutbox) == 10
    elsewhere = client.post(RESET, {"email": "ada@example.org"}, REMOTE_ADDR="192.0.2.8")
    assert elsewhere.status_code == 302
