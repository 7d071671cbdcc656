"""Creating an account: /accounts/signup/."""

import re

import pytest
from django.conf import settings
from django.contrib import auth
from django.contrib.auth.models import User
from django.contrib.messages import get_messages
from django.shortcuts import resolve_url

from tests.error_summary import error_summary_links, page_title
from tests.factories import UserFactory
from tests.page_text import visible_text

pytestmark = pytest.mark.django_db

SIGNUP = "/accounts/signup/"
PASSWORD = "correct-horse-battery"


def details(**changes):
    return {
        "username": "ada",
        "email": "ada@example.org",
        "password1": PASSWORD,
        "password2": PASSWORD,
        **changes,
    }


def test_signup_page_asks_for_username_email_and_password_twice(client):
    page = client.get(SIGNUP)

    html = page.content.decode()
    assert page.status_code == 200
    assert page_title(page) == "Create an account – Marginalia"
    for name in ("username", "email", "password1", "password2"):
        assert f'name="{name}"' in html
    assert "Create account" in visible_text(page)
    assert error_summary_links(page) == []


def test_signing_up_creates_a_respondent_signs_them_in_and_sends_them_on(client):
    page = client.post(SIGNUP, details())

    user = User.objects.get(username="ada")
    assert user.email == "ada@example.org"
    assert list(user.groups.values_list("name", flat=True)) == ["Respondents"]
    assert auth.get_user(client) == user
    assert page.status_code == 302
    assert page["Location"] == resolve_url(settings.LOGIN_REDIRECT_URL)
    assert [str(message) for message in get_messages(page.wsgi_request)] == [
        "Your account is ready. You are signed in as ada."
    ]


def test_signing_up_returns_to_the_page_the_visitor_came_from(client):
    page = client.post(f"{SIGNUP}?next=/plans/noms/", details())

    assert page["Location"] == "/plans/noms/"


def test_signing_up_ignores_a_next_page_on_another_site(client):
    page = client.post(f"{SIGNUP}?next=https://example.com/phish", details())

    assert page["Location"] == resolve_url(settings.LOGIN_REDIRECT_URL)


def test_a_missing_username_is_reported_in_the_error_summary(client):
    page = client.post(SIGNUP, details(username=""))

    assert page.status_code == 200
    assert page_title(page).startswith("Error: ")
    assert error_summary_links(page) == [("#id_username", "Enter a username.")]
    assert not User.objects.exists()


def test_mismatched_passwords_are_reported_against_the_second(client):
    page = client.post(SIGNUP, details(password2="correct-horse-stapler"))

    assert error_summary_links(page) == [
        ("#id_password2", "The passwords do not match. Enter the same password in both fields.")
    ]


def test_a_weak_password_is_reported_beside_the_password_not_its_repeat(client):
    page = client.post(SIGNUP, details(password1="12345678", password2="12345678"))

    assert error_summary_links(page) == [
        ("#id_password1", "This password is too common."),
        ("#id_password1", "This password is entirely numeric."),
    ]


def test_a_taken_username_is_refused_whatever_its_case(client):
    UserFactory(username="Ada", email="someone@example.org")

    page = client.post(SIGNUP, details(username="ada"))

    assert error_summary_links(page) == [
        ("#id_username", "That username is taken. Choose another.")
    ]
    assert User.objects.count() == 1


def test_an_email_address_already_in_use_is_refused_whatever_its_case(client):
    UserFactory(username="someone", email="Ada@Example.org")

    page = client.post(SIGNUP, details(email="ada@example.ORG"))

    assert error_summary_links(page) == [
        (
            "#id_email",
            "An account with that email address already exists. Sign in or reset your password.",
        )
    ]


def test_each_error_also_appears_beside_its_field_outlined_in_red(client):
    page = client.post(
        SIGNUP, details(username="", email="not-an-address", password2="correct-horse-stapler")
    )

    text = visible_text(page)
    assert text.count("Enter a username.") == 2
    assert text.count("Enter an email address in the correct format, like name@example.com.") == 2
    inputs = re.findall(r"<input [^>]*>", page.text)
    outlined = [re.search(r'name="(\w+)"', each)[1] for each in inputs if "input--error" in each]
    assert outlined == ["username", "email", "password2"]


def test_a_signed_in_user_is_sent_on_from_the_signup_page(client):
    client.force_login(UserFactory())

    page = client.get(SIGNUP)

    assert page.status_code == 302
    assert page["Location"] == resolve_url(settings.LOGIN_REDIRECT_URL)
