"""Splitting a response out of its campaign: it leaves for good; a campaign left with one member
is a campaign no more."""

import pytest

from responses.models import Campaign, Response
from tests.factories import PlanFactory, ResponseFactory, UserFactory
from tests.officers.campaigns import plan_with_campaign
from tests.page_text import visible_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(client):
    client.force_login(UserFactory(officer=True))
    return client


def split(client, response, **data):
    return client.post(f"/responses/{response.pk}/split-out/", data, follow=True)


def test_an_officer_splits_a_member_out_of_its_campaign(officer):
    _, campaign, members = plan_with_campaign()

    page = split(officer, members[0])

    assert page.redirect_chain[-1][0] == f"/campaigns/{campaign.pk}/"
    text = visible_text(page)
    assert f"{members[0].reference} is split out of the campaign" in text
    assert "Campaign of 2 responses" in text
    assert Response.objects.get(pk=members[0].pk).kept_apart


def test_it_goes_back_to_the_page_of_members_it_came_from(officer):
    _, campaign, members = plan_with_campaign()

    page = split(officer, members[0], next=f"/campaigns/{campaign.pk}/?page=1")

    assert page.redirect_chain[-1][0] == f"/campaigns/{campaign.pk}/?page=1"


def test_splitting_the_last_but_one_member_ends_the_campaign(officer):
    plan, campaign, members = plan_with_campaign(("Ann Lee", "Bo Diaz"))

    page = split(officer, members[1])

    assert page.redirect_chain[-1][0] == f"/plans/{plan.slug}/campaigns/"
    assert "it is a campaign no more" in visible_text(page)
    assert not Campaign.objects.filter(pk=campaign.pk).exists()


def test_a_response_in_no_campaign_has_nothing_to_split_from(officer):
    response = ResponseFactory(plan=PlanFactory())

    page = split(officer, response)

    assert f"{response.reference} is in no campaign" in visible_text(page)


def test_a_response_split_out_says_so_on_its_page(officer):
    _, _, members = plan_with_campaign()
    split(officer, members[0])

    text = visible_text(officer.get(f"/responses/{members[0].pk}/"))

    assert "Split out of its campaign: never grouped again" in text


def test_it_refuses_a_respondent_and_sends_the_public_to_sign_in(client):
    _, campaign, members = plan_with_campaign()

    assert client.post(f"/responses/{members[0].pk}/split-out/")["Location"].startswith(
        "/accounts/login/"
    )
    client.force_login(UserFactory(respondent=True))
    assert client.post(f"/responses/{members[0].pk}/split-out/").status_code == 403
    assert campaign.members.count() == 3


def test_it_takes_only_a_post(officer):
    _, _, members = plan_with_campaign()

    assert officer.get(f"/responses/{members[0].pk}/split-out/").status_code == 405
