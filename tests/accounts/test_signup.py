"""Creating an account: /accounts/signup/, then the link it emails, which asks for a password.

Whether an email address already has an account is told only to that address, by email: the
pages a visitor sees are the same either way.
"""

import re
import time

import pytest
from django.conf import settings
from django.contrib import auth
from django.contrib.auth.models import User
from django.contrib.messages import get_messages
from django.shortcuts import resolve_url

from tests.error_summary import error_summary_links, page_title
from tests.factories import PASSWORD as FACTORY_PASSWORD
from tests.factories import UserFactory
from tests.page_text import visible_text

pytestmark = pytest.mark.django_db

SIGNUP = "/accounts/signup/"
PASSWORD = "correct-horse-battery"
TOO_MANY = "Too many attempts from your address. Try again in 15 minutes."


def details(**changes):
    return {"username": "ada", "email": "ada@example.org", **changes}


def passwords(password=PASSWORD, repeat=None):
    return {"new_password1": password, "new_password2": repeat or password}


def emailed_link(message):
    return re.search(r"http://testserver(/accounts/signup/finish/\S+)", message.body)[1]


def sign_up(client, mailoutbox, url=SIGNUP, **changes):
    """Fill in the first step; the path of the link it emails."""
    client.post(url, details(**changes))
    return emailed_link(mailoutbox[-1])


def test_signup_page_asks_for_a_username_and_an_email_address(client):
    page = client.get(SIGNUP)

    html = page.content.decode()
    assert page.status_code == 200
    assert page_title(page) == "Create an account – Marginalia"
    assert 'name="username"' in html
    assert 'name="email"' in html
    assert 'type="password"' not in html
    assert "Continue" in visible_text(page)
    assert error_summary_links(page) == []


def test_signing_up_emails_a_link_and_says_check_your_email(client, mailoutbox):
    page = client.post(SIGNUP, details())

    assert page.status_code == 302
    sent_page = client.get(page["Location"])
    assert page_title(sent_page) == "Check your email – Marginalia"
    assert "Open the link in it to finish creating your account" in visible_text(sent_page)
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["ada@example.org"]
    assert mailoutbox[0].subject == "Finish creating your Marginalia account"
    assert "with the username ada" in mailoutbox[0].body
    assert emailed_link(mailoutbox[0])
    # Nothing is made until the link is followed.
    assert not User.objects.exists()
    assert not auth.get_user(client).is_authenticated


def test_an_address_that_has_an_account_gets_the_same_pages_and_is_emailed_a_note(
    client, mailoutbox
):
    UserFactory(username="someone", email="Ada@Example.org")
    new_address = client.post(SIGNUP, details(email="new@example.org"))

    taken_address = client.post(SIGNUP, details(email="ada@example.ORG"))

    assert taken_address.status_code == new_address.status_code == 302
    assert taken_address["Location"] == new_address["Location"]
    assert client.get(taken_address["Location"]).content == (
        client.get(new_address["Location"]).content
    )
    note = mailoutbox[-1]
    assert note.to == ["Ada@Example.org"]
    assert note.subject == "Someone tried to create a Marginalia account with your email address"
    assert "yours, with the username someone" in note.body
    assert "http://testserver/accounts/login/" in note.body
    assert "http://testserver/accounts/password_reset/" in note.body
    assert "/accounts/signup/finish/" not in note.body
    # No account is made, and the existing one is as it was.
    assert list(User.objects.values_list("username", flat=True)) == ["someone"]
    assert User.objects.get().check_password(FACTORY_PASSWORD)


def test_a_missing_username_is_reported_in_the_error_summary(client, mailoutbox):
    page = client.post(SIGNUP, details(username=""))

    assert page.status_code == 200
    assert page_title(page).startswith("Error: ")
    assert error_summary_links(page) == [("#id_username", "Enter a username.")]
    assert mailoutbox == []


def test_a_taken_username_is_refused_whatever_its_case(client, mailoutbox):
    UserFactory(username="Ada", email="someone@example.org")

    page = client.post(SIGNUP, details(username="ada"))

    assert error_summary_links(page) == [
        ("#id_username", "That username is taken. Choose another.")
    ]
    assert mailoutbox == []


def test_each_error_also_appears_beside_its_field_outlined_in_red(client):
    page = client.post(SIGNUP, details(username="", email="not-an-address"))

    text = visible_text(page)
    assert text.count("Enter a username.") == 2
    assert text.count("Enter an email address in the correct format, like name@example.com.") == 2
    inputs = re.findall(r"<input [^>]*>", page.text)
    outlined = [re.search(r'name="(\w+)"', each)[1] for each in inputs if "input--error" in each]
    assert outlined == ["username", "email"]


def test_a_signed_in_user_is_sent_on_from_the_signup_page(client):
    client.force_login(UserFactory())

    page = client.get(SIGNUP)

    assert page.status_code == 302
    assert page["Location"] == resolve_url(settings.LOGIN_REDIRECT_URL)


def test_an_address_making_too_many_attempts_is_refused_for_15_minutes(client, mailoutbox):
    for number in range(10):
        assert client.post(SIGNUP, details(email=f"ada{number}@example.org")).status_code == 302

    page = client.post(SIGNUP, details(email="ada10@example.org"))

    assert page.status_code == 429
    assert page_title(page) == "Error: Create an account – Marginalia"
    assert error_summary_links(page) == [("#id_username", TOO_MANY)]
    assert len(mailoutbox) == 10
    elsewhere = client.post(SIGNUP, details(email="ada10@example.org"), REMOTE_ADDR="192.0.2.8")
    assert elsewhere.status_code == 302


def test_a_refused_attempt_does_not_say_whether_the_username_is_taken(client):
    UserFactory(username="ada")
    for _ in range(10):
        client.post(SIGNUP, details(username=""))

    page = client.post(SIGNUP, details(username="ada"))

    assert error_summary_links(page) == [("#id_username", TOO_MANY)]


def test_the_link_asks_for_a_password_then_makes_a_respondent_and_signs_them_in(client, mailoutbox):
    link = sign_up(client, mailoutbox)

    form_page = client.get(link)
    assert page_title(form_page) == "Choose a password – Marginalia"
    assert "Your username is ada" in visible_text(form_page)
    page = client.post(link, passwords())

    user = User.objects.get(username="ada")
    assert user.email == "ada@example.org"
    assert user.check_password(PASSWORD)
    assert list(user.groups.values_list("name", flat=True)) == ["Respondents"]
    assert auth.get_user(client) == user
    assert page.status_code == 302
    assert page["Location"] == resolve_url(settings.LOGIN_REDIRECT_URL)
    assert [str(message) for message in get_messages(page.wsgi_request)] == [
        "Your account is ready. You are signed in as ada."
    ]


def test_signing_up_returns_to_the_page_the_visitor_came_from(client, mailoutbox):
    link = sign_up(client, mailoutbox, url=f"{SIGNUP}?next=/plans/noms/")

    page = client.post(link, passwords())

    assert page["Location"] == "/plans/noms/"


def test_signing_up_ignores_a_next_page_on_another_site(client, mailoutbox):
    link = sign_up(client, mailoutbox, url=f"{SIGNUP}?next=https://example.com/phish")

    page = client.post(link, passwords())

    assert page["Location"] == resolve_url(settings.LOGIN_REDIRECT_URL)


def test_mismatched_passwords_are_reported_against_the_second(client, mailoutbox):
    link = sign_up(client, mailoutbox)

    page = client.post(link, passwords(repeat="correct-horse-stapler"))

    assert page_title(page) == "Error: Choose a password – Marginalia"
    assert error_summary_links(page) == [
        (
            "#id_new_password2",
            "The passwords do not match. Enter the same password in both fields.",
        )
    ]
    assert not User.objects.exists()


def test_a_weak_password_is_reported_beside_the_password_not_its_repeat(client, mailoutbox):
    link = sign_up(client, mailoutbox)

    page = client.post(link, passwords("12345678"))

    assert error_summary_links(page) == [
        ("#id_new_password1", "This password is too common."),
        ("#id_new_password1", "This password is entirely numeric."),
    ]


def test_a_used_link_does_not_sign_anyone_in_again(client, mailoutbox):
    link = sign_up(client, mailoutbox)
    client.post(link, passwords())
    client.post("/accounts/logout/")

    page = client.get(link)
    again = client.post(link, passwords("another-good-passphrase"))

    assert page_title(page) == "This link has already been used – Marginalia"
    assert "An account with this email address already exists." in visible_text(page)
    assert page_title(again) == "This link has already been used – Marginalia"
    assert not auth.get_user(client).is_authenticated
    assert User.objects.get().check_password(PASSWORD)


def test_a_link_is_spent_once_another_account_has_the_address(client, mailoutbox):
    first = sign_up(client, mailoutbox, username="ada")
    second = sign_up(client, mailoutbox, username="ada-again")
    client.post(first, passwords())

    page = client.get(second)

    assert page_title(page) == "This link has already been used – Marginalia"


def test_a_username_someone_took_after_the_link_was_sent_must_be_chosen_again(client, mailoutbox):
    link = sign_up(client, mailoutbox)
    UserFactory(username="ADA", email="someone-else@example.org")

    page = client.get(link)

    assert page_title(page) == "This link no longer works – Marginalia"
    assert "Someone else has taken the username you chose" in visible_text(page)
    assert 'href="/accounts/signup/"' in page.content.decode()


def test_a_changed_link_no_longer_works(client, mailoutbox):
    link = sign_up(client, mailoutbox)

    page = client.post(link.replace("/finish/", "/finish/x"), passwords())

    assert page_title(page) == "This link no longer works – Marginalia"
    assert "works for 3 days" in visible_text(page)
    assert not User.objects.exists()


def test_a_link_older_than_3_days_no_longer_works(client, mailoutbox, monkeypatch):
    link = sign_up(client, mailoutbox)
    four_days_later = time.time() + 4 * 24 * 60 * 60
    monkeypatch.setattr("django.core.signing.time.time", lambda: four_days_later)

    page = client.get(link)

    assert page_title(page) == "This link no longer works – Marginalia"
