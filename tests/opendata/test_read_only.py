"""The open-data endpoints only read: every write is refused before anything is looked up."""

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PLAN = "/api/plans/noms-third-sector-action-plan"
ENDPOINTS = [
    "/api/plans/",
    f"{PLAN}/",
    f"{PLAN}/comments/",
    f"{PLAN}/annotations.jsonld",
    f"{PLAN}/sections/",
    f"{PLAN}/sections/1.11/",
    f"{PLAN}/sections/1.11/comments/",
]


@pytest.mark.parametrize("path", ENDPOINTS)
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_writes_are_405(client, db, path, method):
    answer = getattr(client, method)(path, data={}, content_type="application/json")

    assert answer.status_code == 405
    assert answer.json()["detail"] == f'Method "{method.upper()}" not allowed.'


def test_writes_are_405_for_a_signed_in_officer_too(client, seed):
    client.force_login(UserFactory(officer=True))

    assert client.delete(f"{PLAN}/sections/1.11/comments/").status_code == 405
    assert len(client.get(f"{PLAN}/sections/1.11/comments/").json()["results"]) == 1
