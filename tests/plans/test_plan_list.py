"""The front page: the plans under consultation."""

import pytest

from tests.page_text import visible_text

pytestmark = pytest.mark.django_db


def test_plan_list_links_to_the_seeded_plan(client, seed):
    page = client.get("/")

    assert page.status_code == 200
    assert "NOMS Third Sector Action Plan" in visible_text(page)
    assert 'href="/plans/noms-third-sector-action-plan/"' in page.content.decode()
