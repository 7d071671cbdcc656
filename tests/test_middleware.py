"""A database that cannot be reached (restarting, or SQLite's lock not freed in time) tells the
reader to try again in a moment (marginalia.middleware), rather than showing an error."""

import pytest
from django.db import OperationalError

from responses.models import Response
from tests.factories import ResponseFactory, UserFactory
from tests.page_text import visible_text

pytestmark = pytest.mark.django_db


def test_a_submit_while_the_database_restarts_asks_to_try_again_and_saves_nothing(
    client, seed, monkeypatch
):
    plan, _ = seed
    owner = UserFactory(respondent=True)
    draft = ResponseFactory(draft=True, plan=plan, owner=owner)
    client.force_login(owner)

    def restarting(**kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr("responses.views.respond.submit_response", restarting)

    page = client.post(f"/responses/{draft.pk}/submit/", {"version": "0"})

    assert page.status_code == 503
    assert page["Retry-After"] == "5"
    assert "Try again in a few seconds." in visible_text(page)
    draft.refresh_from_db()
    assert draft.status == Response.Status.DRAFT
