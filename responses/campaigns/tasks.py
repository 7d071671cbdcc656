"""Grouping a plan's campaigns in the background (django-tasks, run by `manage.py db_worker`):
an officer asks (request_grouping), a worker groups (group_campaigns_task), and the plan's
CampaignGrouping, a job of marginalia.jobs' shape, says how it stands."""

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from marginalia import jobs
from responses.campaigns.grouping import group_campaigns
from responses.models import CampaignGrouping

State = CampaignGrouping.State


def request_grouping(*, plan, threshold):
    """Ask for the plan's responses to be grouped again at `threshold`, in the background once
    this transaction commits; the threshold is kept for the next grouping. Returns the plan's
    CampaignGrouping."""
    grouping, _ = CampaignGrouping.objects.update_or_create(
        plan=plan,
        defaults={
            "threshold": threshold,
            "state": State.QUEUED,
            "requested_at": timezone.now(),
            "claimed_at": None,
            "failure": "",
        },
    )
    transaction.on_commit(lambda: group_campaigns_task.enqueue(plan.pk))
    return grouping


@task()
def group_campaigns_task(plan_id):
    """Group the plan's campaigns as last asked, once, whichever worker takes it first; returns
    how many campaigns it found, or None when another worker took the request."""
    grouping = CampaignGrouping.objects.select_related("plan").filter(plan_id=plan_id).first()
    # This request, as it was read: an officer who asks again meanwhile moves requested_at, and
    # that request stays queued for the worker it enqueued.
    this_request = CampaignGrouping.objects.filter(
        requested_at=getattr(grouping, "requested_at", None)
    )
    if grouping is None or not jobs.claim(this_request, grouping.pk):
        return None
    pk = grouping.pk
    try:
        result = group_campaigns(plan=grouping.plan, threshold=grouping.threshold)
    except Exception as error:
        jobs.fail(CampaignGrouping.objects, pk, error, requested_at=grouping.requested_at)
        raise
    jobs.finish(CampaignGrouping.objects, pk, requested_at=grouping.requested_at)
    return result.campaigns


def resume_stalled_groupings(groupings=None) -> int:
    """Queue again every grouping (of `groupings`, else all) whose worker died. Grouping again
    is harmless (one transaction writes a plan's campaigns), so a slow one taken up twice loses
    nothing."""
    return jobs.resume_stalled(
        CampaignGrouping.objects.all() if groupings is None else groupings,
        lambda grouping: group_campaigns_task.enqueue(grouping.plan_id),
    )
