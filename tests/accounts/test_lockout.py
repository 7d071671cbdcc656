"""Repeated failed sign-ins lock signing in (django-axes): per username and address, and per
address, for 15 minutes, with a page that says so and what to do."""

import os
import re
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.contrib import auth
from django.utils import timezone

from tests.error_summary import page_title
from tests.factories import PASSWORD, UserFactory
from tests.page_text import visible_text

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
LOCKED_TITLE = "You cannot sign in for 15 minutes – Marginalia"


@pytest.fixture
def ada(db):
    return UserFactory(username="ada", email="ada@example.org")


def sign_in(client, username="ada", password=PASSWORD, **headers):
    return client.post(LOGIN, {"username": username, "password": password}, **headers)


def fail_five_times(client, username="ada", **headers):
    return [sign_in(client, username, "wrong-horse", **headers) for _ in range(5)]


def test_the_fifth_wrong_password_locks_signing_in_with_a_page_saying_what_to_do(client, ada):
    *first_four, fifth = fail_five_times(client)

    assert [page.status_code for page in first_four] == [200] * 4
    assert "The username or password is not right." in visible_text(first_four[-1])
    assert fifth.status_code == 429
    assert page_title(fifth) == LOCKED_TITLE
    text = visible_text(fifth)
    assert "There have been 5 attempts to sign in with a wrong username or password" in text
    assert "Wait 15 minutes after your last attempt, then try again." in text
    assert "If you have forgotten your password Reset your password" in text
    assert 'href="/accounts/password_reset/"' in fifth.content.decode()


def test_the_right_password_does_not_sign_in_while_locked(client, ada):
    fail_five_times(client)

    page = sign_in(client)

    assert page.status_code == 429
    assert page_title(page) == LOCKED_TITLE
    assert not auth.get_user(client).is_authenticated


def test_the_right_password_signs_in_once_the_15_minutes_are_over(client, ada):
    fail_five_times(client)
    assert sign_in(client).status_code == 429
    # As if those attempts had been made 16 minutes ago.
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))

    page = sign_in(client)

    assert page.status_code == 302
    assert auth.get_user(client) == ada


def test_the_lock_holds_only_for_the_address_the_attempts_came_from(client, ada):
    fail_five_times(client)

    same_address = sign_in(client)
    other_address = sign_in(client, REMOTE_ADDR="192.0.2.20")

    assert same_address.status_code == 429
    assert other_address.status_code == 302
    assert auth.get_user(client) == ada


def test_five_failures_from_one_address_lock_it_whatever_the_usernames(client, ada):
    for name in ("bea", "cat", "dan", "eve", "fay"):
        sign_in(client, name, "wrong-horse")

    page = sign_in(client)

    assert page.status_code == 429
    assert not auth.get_user(client).is_authenticated


def test_a_new_password_from_a_reset_link_ends_the_lock(client, ada, mailoutbox):
    fail_five_times(client)
    client.post("/accounts/password_reset/", {"email": "ada@example.org"})
    link = re.search(r"http://testserver(/accounts/reset/\S+/)", mailoutbox[0].body)[1]
    form_page = client.get(link, follow=True)
    new_password = "a-brand-new-passphrase"
    client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": new_password, "new_password2": new_password},
    )

    page = sign_in(client, password=new_password)

    assert page.status_code == 302
    assert auth.get_user(client) == ada


def test_behind_a_proxy_the_address_is_the_one_it_wrote_in_the_header(client, ada, settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    # The client made up the first address; our proxy added the last, the one it saw.
    fail_five_times(client, HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.5")

    same_client = sign_in(client, HTTP_X_FORWARDED_FOR="198.51.100.2, 203.0.113.5")
    other_client = sign_in(client, HTTP_X_FORWARDED_FOR="203.0.113.6")

    assert same_client.status_code == 429
    assert other_client.status_code == 302


def test_without_a_proxy_header_configured_a_forwarded_address_changes_nothing(client, ada):
    for number in range(5):
        sign_in(client, password="wrong-horse", HTTP_X_FORWARDED_FOR=f"203.0.113.{number}")

    page = sign_in(client, HTTP_X_FORWARDED_FOR="203.0.113.99")

    assert page.status_code == 429


def test_the_proxy_header_is_named_by_DJANGO_CLIENT_IP_HEADER():
    read = "from django.conf import settings; print(settings.CLIENT_IP_HEADER or 'REMOTE_ADDR')"
    project = Path(__file__).resolve().parents[2]

    def header_with(**env):
        environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
        environment.update(DJANGO_SETTINGS_MODULE="marginalia.settings", DJANGO_DEBUG="1", **env)
        return subprocess.run(
            [sys.executable, "-c", f"import django; django.setup(); {read}"],
            cwd=project,
            env=environment,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()

    assert header_with() == "REMOTE_ADDR"
    assert header_with(DJANGO_CLIENT_IP_HEADER="HTTP_X_REAL_IP") == "HTTP_X_REAL_IP"
