"""Changing a password while signed in: /accounts/password_change/."""

import pytest

from tests.error_summary import error_summary_links
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

CHANGE = "/accounts/password_change/"
NEW_PASSWORD = "a-brand-new-passphrase"


@pytest.fixture
def ada(db):
    return UserFactory(username="ada")


def test_changing_a_password_needs_signing_in(client):
    page = client.get(CHANGE)

    assert page["Location"] == f"/accounts/login/?next={CHANGE}"


def test_a_wrong_current_password_is_reported(client, ada):
    client.force_login(ada)

    page = client.post(
        CHANGE,
        {"old_password": "wrong", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )

    assert error_summary_links(page) == [
        ("#id_old_password", "Your current password is not right. Enter it again.")
    ]


def test_the_new_password_replaces_the_old(client, ada):
    client.force_login(ada)

    page = client.post(
        CHANGE,
        {
            "old_password": PASSWORD,
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )

    assert page["Location"] == "/accounts/password_change/done/"
    ada.refresh_from_db()
    assert ada.check_password(NEW_PASSWORD)
