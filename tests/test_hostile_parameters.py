"""Parameters a hostile or broken client sends: a NUL byte anywhere in the address or a form, and
tampered API cursors, get a clear 400, never a 500."""

import base64

import pytest

pytestmark = pytest.mark.django_db
PLAN = "noms-third-sector-action-plan"


@pytest.mark.parametrize(
    "url",
    [
        "/search/?q=%00",
        f"/api/plans/{PLAN}/sections/%00/",
        f"/plans/{PLAN}/sections/%00/",
        f"/plans/{PLAN}/?q=a%00b",
        f"/api/plans/{PLAN}/comments/?q=%00",
    ],
)
def test_a_nul_byte_in_the_request_is_refused_with_400(client, seed, url):
    response = client.get(url)

    assert response.status_code == 400
    assert "NUL" in response.content.decode()


def test_a_nul_byte_in_a_form_is_refused_with_400(client, seed):
    response = client.post("/accounts/login/", {"username": "a\x00b", "password": "x"})

    assert response.status_code == 400


def _cursor(text):
    return base64.b64encode(text.encode()).decode()


@pytest.mark.parametrize(
    "cursor", ["p=abc", "p=1.5e308", "p=nan", "p=-1", "o=x&p=1", "r=x&p=1", "p=" + "9" * 5000]
)
@pytest.mark.parametrize(
    "listing", [f"/api/plans/{PLAN}/comments/", f"/api/plans/{PLAN}/sections/1.11/comments/"]
)
def test_a_tampered_cursor_is_refused_as_an_invalid_cursor(client, seed, listing, cursor):
    response = client.get(listing, {"cursor": _cursor(cursor)})

    assert response.status_code == 404
    assert response.json() == {"detail": "Invalid cursor"}
