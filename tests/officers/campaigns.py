"""Arranging a plan's campaigns for the officers' pages: near-copies of one letter grouped as
the grouping service groups them."""

from responses.campaigns.grouping import group_campaigns
from tests.factories import PlanFactory
from tests.responses.campaign_letters import response_saying, signed

NAMES = ("Ann Lee", "Bo Diaz", "Cy Ng", "Di Roe", "Ed Poe")


def plan_with_campaign(names=NAMES[:3], *, plan=None, **fields):
    """A plan (new unless given) whose responses signed by `names` are one campaign, grouped at
    0.8: (the plan, the campaign, its members in the order they came)."""
    plan = plan or PlanFactory()
    members = [response_saying(plan, signed(name), name=name, **fields) for name in names]
    group_campaigns(plan=plan, threshold=0.8)
    return plan, plan.campaigns.get(), members
