"""/campaigns/<id>/: a campaign's letter in full, and each member, a page at a time, with what it
added beyond the letter and the way to split it out."""

import pytest

from tests.factories import UserFactory
from tests.officers.campaigns import plan_with_campaign
from tests.page_text import visible_text
from tests.responses.campaign_letters import OWN_PARAGRAPH, SHARED, response_saying, signed

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(client):
    client.force_login(UserFactory(officer=True))
    return client


def test_it_sends_the_public_to_sign_in(client):
    _, campaign, _ = plan_with_campaign()

    page = client.get(f"/campaigns/{campaign.pk}/")

    assert page.status_code == 302
    assert page["Location"].startswith("/accounts/login/")


def test_it_refuses_a_respondent(client):
    _, campaign, _ = plan_with_campaign()
    client.force_login(UserFactory(respondent=True))

    assert client.get(f"/campaigns/{campaign.pk}/").status_code == 403


def test_an_unknown_campaign_is_not_found(officer):
    assert officer.get("/campaigns/999999/").status_code == 404


def test_it_shows_the_letter_and_what_each_member_added(officer):
    plan, campaign, members = plan_with_campaign(("Ann Lee", "Bo Diaz"))
    added = response_saying(plan, signed("Cy Ng", added=OWN_PARAGRAPH))
    added.campaign = campaign
    added.save()

    page = officer.get(f"/campaigns/{campaign.pk}/")

    text = visible_text(page)
    assert "Campaign of 3 responses" in text
    assert SHARED in text
    # The letter as most members sent it: each member's name is their own addition.
    assert f"{members[0].reference} Ann Lee Ann Lee Split out" in text
    assert f"{added.reference} {added.respondent.name} {OWN_PARAGRAPH}" in text
    assert f'href="/responses/{members[1].pk}/"' in page.content.decode()


def test_members_are_listed_fifty_a_page(officer):
    names = [f"Person {number}" for number in range(55)]
    _, campaign, members = plan_with_campaign(names)

    first = officer.get(f"/campaigns/{campaign.pk}/").content.decode()
    second = officer.get(f"/campaigns/{campaign.pk}/?page=2").content.decode()

    assert "Campaign of 55 responses" in visible_text(first)
    assert first.count("/split-out/") == 50
    assert second.count("/split-out/") == 5
    assert members[-1].reference in second and members[-1].reference not in first
