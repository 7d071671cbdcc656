"""Signing in at /accounts/login/ and signing out from the header."""

import pytest
from django.conf import settings
from django.contrib import auth
from django.shortcuts import resolve_url

from tests.error_summary import error_summary_links, page_title
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"


@pytest.fixture
def ada(db):
    return UserFactory(username="ada")


def test_sign_in_page_asks_for_username_and_password(client):
    page = client.get(LOGIN)

    html = page.content.decode()
    assert page.status_code == 200
    assert page_title(page) == "Sign in – Marginalia"
    assert 'name="username"' in html
    assert 'name="password"' in html
    assert 'href="/accounts/password_reset/"' in html
    assert 'href="/accounts/signup/"' in html


def test_create_account_link_keeps_the_page_to_return_to(client):
    html = client.get(f"{LOGIN}?next=/plans/noms/").content.decode()

    assert 'href="/accounts/signup/?next=/plans/noms/"' in html


def test_a_wrong_password_is_reported_in_the_error_summary(client, ada):
    page = client.post(LOGIN, {"username": "ada", "password": "wrong-horse"})

    assert page.status_code == 200
    assert page_title(page) == "Error: Sign in – Marginalia"
    assert error_summary_links(page) == [
        (
            "#id_username",
            "The username or password is not right. Check both and try again: "
            "they are case-sensitive.",
        )
    ]
    assert not auth.get_user(client).is_authenticated


def test_empty_fields_are_each_reported(client):
    page = client.post(LOGIN, {"username": "", "password": ""})

    assert error_summary_links(page) == [
        ("#id_username", "Enter your username."),
        ("#id_password", "Enter your password."),
    ]


def test_signing_in_goes_to_the_users_responses(client, ada):
    page = client.post(LOGIN, {"username": "ada", "password": PASSWORD})

    assert page.status_code == 302
    assert page["Location"] == resolve_url(settings.LOGIN_REDIRECT_URL)
    assert auth.get_user(client) == ada


def test_signing_in_returns_to_the_page_the_user_came_from(client, ada):
    page = client.post(f"{LOGIN}?next=/plans/noms/", {"username": "ada", "password": PASSWORD})

    assert page["Location"] == "/plans/noms/"


def test_signing_out_takes_a_post(client, ada):
    client.force_login(ada)

    assert client.get("/accounts/logout/").status_code == 405
    assert auth.get_user(client) == ada

    page = client.post("/accounts/logout/")

    assert page["Location"] == resolve_url(settings.LOGOUT_REDIRECT_URL)
    assert not auth.get_user(client).is_authenticated
