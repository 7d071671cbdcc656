"""Grouping a plan's responses into campaigns (responses.campaigns.grouping): which responses
join, at what threshold, in place of the campaigns before, and a member split out for good."""

import pytest

from plans.models import Plan
from responses.campaigns.grouping import group_campaigns, split_out, texts_to_group
from responses.models import Campaign, CampaignGrouping, Response
from tests.factories import PlanFactory
from tests.responses.campaign_letters import OWN_PARAGRAPH, SHARED, response_saying, signed

pytestmark = pytest.mark.django_db

UNRELATED = (
    "I support the new cycle lanes on the high street because they make it safer for my "
    "daughter to ride to school, and I would like them extended to the station as well."
)


def members(campaign):
    return set(campaign.members.values_list("pk", flat=True))


@pytest.fixture
def plan():
    return PlanFactory()


def test_near_copies_become_one_campaign_and_a_different_response_none(plan):
    copies = [
        response_saying(plan, signed("Jane Smith")),
        response_saying(plan, signed("Robert Oduya")),
        response_saying(plan, signed("Ann Lee", added=OWN_PARAGRAPH)),
    ]
    other = response_saying(plan, UNRELATED)

    result = group_campaigns(plan=plan, threshold=0.8)

    campaign = Campaign.objects.get(plan=plan)
    assert members(campaign) == {response.pk for response in copies}
    assert Response.objects.get(pk=other.pk).campaign is None
    assert (result.responses, result.campaigns, result.members) == (4, 1, 3)
    assert campaign.shared_text == SHARED


def test_a_near_copy_groups_at_08_but_not_at_095(plan):
    response_saying(plan, signed("Jane Smith"))
    response_saying(plan, signed("Ann Lee", added=OWN_PARAGRAPH))

    group_campaigns(plan=plan, threshold=0.8)
    assert plan.campaigns.count() == 1

    group_campaigns(plan=plan, threshold=0.95)
    assert plan.campaigns.count() == 0
    assert not Response.objects.filter(plan=plan, campaign__isnull=False).exists()


def test_a_response_is_read_whole_its_comments_in_order(plan):
    response = response_saying(plan, "First paragraph.\n\nSecond paragraph.")

    assert texts_to_group(plan) == {response.pk: "First paragraph.\n\nSecond paragraph."}


def test_drafts_other_plans_and_responses_kept_apart_are_not_grouped(plan):
    grouped = [response_saying(plan, signed(name)) for name in ("Ann Lee", "Bo Diaz")]
    response_saying(plan, signed("Cy Ng"), draft=True, owner=None)
    response_saying(plan, signed("Di Roe"), kept_apart=True)
    response_saying(PlanFactory(), signed("Ed Poe"))

    group_campaigns(plan=plan, threshold=0.8)

    assert members(plan.campaigns.get()) == {response.pk for response in grouped}


def test_grouping_again_replaces_the_plans_campaigns_and_leaves_other_plans_alone(plan):
    first = [response_saying(plan, signed(name)) for name in ("Ann Lee", "Bo Diaz")]
    other_plan = PlanFactory()
    for name in ("Cy Ng", "Di Roe"):
        response_saying(other_plan, signed(name))
    group_campaigns(plan=plan, threshold=0.8)
    group_campaigns(plan=other_plan, threshold=0.8)
    old = plan.campaigns.get()
    later = response_saying(plan, signed("Ed Poe"))

    group_campaigns(plan=plan, threshold=0.8)

    assert not Campaign.objects.filter(pk=old.pk).exists()
    assert members(plan.campaigns.get()) == {response.pk for response in [*first, later]}
    assert other_plan.campaigns.count() == 1


def test_grouping_records_its_threshold_and_moves_the_plans_generation(plan):
    for name in ("Ann Lee", "Bo Diaz"):
        response_saying(plan, signed(name))
    generation = Plan.objects.get(pk=plan.pk).generation

    group_campaigns(plan=plan, threshold=0.85)

    grouping = CampaignGrouping.objects.get(plan=plan)
    assert str(grouping.grouped_threshold) == "0.85"
    assert grouping.grouped_at is not None
    assert grouping.responses_read == 2
    assert Plan.objects.get(pk=plan.pk).generation == generation + 1


def test_a_member_split_out_leaves_its_campaign_for_good(plan):
    copies = [response_saying(plan, signed(name)) for name in ("Ann Lee", "Bo Diaz", "Cy Ng")]
    group_campaigns(plan=plan, threshold=0.8)

    campaign = split_out(response=copies[0])

    assert members(campaign) == {copies[1].pk, copies[2].pk}
    assert Response.objects.get(pk=copies[0].pk).kept_apart
    group_campaigns(plan=plan, threshold=0.8)
    assert members(plan.campaigns.get()) == {copies[1].pk, copies[2].pk}


def test_a_campaign_left_with_one_member_is_a_campaign_no_more(plan):
    copies = [response_saying(plan, signed(name)) for name in ("Ann Lee", "Bo Diaz")]
    group_campaigns(plan=plan, threshold=0.8)

    assert split_out(response=copies[0]) is None

    assert plan.campaigns.count() == 0
    assert Response.objects.get(pk=copies[1].pk).campaign is None


def test_the_database_refuses_a_threshold_out_of_range(plan):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        CampaignGrouping.objects.create(plan=plan, threshold="0.40")
