"""Grouping in the background (responses.campaigns.tasks): asked by an officer, run once by a
worker, its state kept on the plan's CampaignGrouping."""

from decimal import Decimal

import pytest

from responses.campaigns.tasks import request_grouping
from responses.models import CampaignGrouping
from tests.background import run_queued_tasks
from tests.factories import PlanFactory
from tests.responses.campaign_letters import response_saying, signed

pytestmark = pytest.mark.django_db

State = CampaignGrouping.State


@pytest.fixture
def plan():
    plan = PlanFactory()
    for name in ("Ann Lee", "Bo Diaz", "Cy Ng"):
        response_saying(plan, signed(name))
    return plan


def test_a_grouping_asked_for_waits_for_a_worker_then_is_done(plan):
    request_grouping(plan=plan, threshold=Decimal("0.85"))
    assert CampaignGrouping.objects.get(plan=plan).state == State.QUEUED
    assert plan.campaigns.count() == 0

    assert run_queued_tasks() == 1

    grouping = CampaignGrouping.objects.get(plan=plan)
    assert grouping.state == State.DONE
    assert grouping.grouped_threshold == Decimal("0.85")
    assert plan.campaigns.get().members.count() == 3


def test_asked_twice_before_a_worker_came_it_groups_once_at_the_latest_threshold(plan):
    request_grouping(plan=plan, threshold=Decimal("0.95"))
    request_grouping(plan=plan, threshold=Decimal("0.80"))

    run_queued_tasks()

    grouping = CampaignGrouping.objects.get(plan=plan)
    assert (grouping.state, grouping.grouped_threshold) == (State.DONE, Decimal("0.80"))
    assert plan.campaigns.count() == 1


def test_a_grouping_that_fails_says_so(plan, monkeypatch):
    def fail(**_):
        raise RuntimeError("the worker ran out of memory")

    monkeypatch.setattr("responses.campaigns.tasks.group_campaigns", fail)
    request_grouping(plan=plan, threshold=Decimal("0.80"))

    run_queued_tasks()

    assert CampaignGrouping.objects.get(plan=plan).state == State.FAILED
