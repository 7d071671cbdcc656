"""The done-when of campaigns read once: 10,000 responses holding three campaigns of 2,000
near-copies each (every copy signed with its own name and a sentence changed) among 4,000
letters of their own group into exactly those three campaigns, in the background as an officer
asks it, on SQLite and on PostgreSQL alike."""

from decimal import Decimal

import pytest

from benchmarks.campaigns import build_campaign_responses, campaigns_found
from responses.campaigns.grouping import response_text
from responses.campaigns.near_copies import additions
from responses.campaigns.tasks import request_grouping
from responses.models import Response
from tests.background import run_queued_tasks
from tests.factories import PlanFactory

pytestmark = pytest.mark.django_db


def test_10000_responses_group_into_their_three_campaigns_and_4000_singles():
    plan = PlanFactory()
    written = build_campaign_responses(plan, campaigns=3, copies=2_000, singles=4_000)
    assert Response.objects.filter(plan=plan).count() == 10_000

    request_grouping(plan=plan, threshold=Decimal("0.80"))
    run_queued_tasks()

    assert campaigns_found(plan) == written
    assert Response.objects.filter(plan=plan, campaign__isnull=True).count() == 4_000
    # Each campaign's letter is what most members sent: a member added only the sentence it
    # changed and its name, not the letter.
    for campaign in plan.campaigns.all():
        member = campaign.members.first()
        added = additions(
            response_text(member.comments.values_list("text", flat=True)), campaign.shared_text
        )
        assert len(" ".join(added).split()) <= 16
        assert len(campaign.shared_text.split()) > 250
