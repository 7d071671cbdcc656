"""Error pages in the site's own layout, each with a way back."""

import pytest

from tests.factories import UserFactory
from tests.page_text import visible_text

pytestmark = pytest.mark.django_db


def test_a_forbidden_page_says_why_and_offers_a_way_back(client, seed):
    client.force_login(UserFactory(respondent=True))

    page = client.get("/work/")

    assert page.status_code == 403
    text = visible_text(page)
    assert "You cannot see this page" in text
    assert "Only policy officers may annotate comments." in text
    assert "Go to the consultations" in text
    assert '<header class="govuk-header"' in page.content.decode()
