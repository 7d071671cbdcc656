"""Grouping a plan's campaigns in the background (django-tasks, run by `manage.py db_worker`):
an officer asks, a worker groups, and the plan's CampaignGrouping says how it stands."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import task

from responses.grouping import group_campaigns
from responses.models import CampaignGrouping

State = CampaignGrouping.State


def request_grouping(*, plan, threshold):
    """Ask for the plan's responses to be grouped again at `threshold`, in the background; the
    threshold is kept for the next grouping. Returns the plan's CampaignGrouping."""
    grouping, _ = CampaignGrouping.objects.update_or_create(
        plan=plan,
        defaults={"threshold": threshold, "state": State.QUEUED, "requested_at": timezone.now()},
    )
    group_campaigns_task.enqueue(plan.pk)
    return grouping


@task()
def group_campaigns_task(plan_id):
    """Group the plan's campaigns as last asked, once, whichever worker takes it first; returns
    how many campaigns it found, or None when another worker took the request."""
    with transaction.atomic():
        grouping = (
            CampaignGrouping.objects.select_for_update()
            .filter(plan_id=plan_id, state=State.QUEUED)
            .first()
        )
        if grouping is None:
            return None
        grouping.state, grouping.started_at = State.RUNNING, timezone.now()
        grouping.save(update_fields=["state", "started_at"])
    # An officer who asks again meanwhile moves requested_at: that request stays queued.
    this_request = CampaignGrouping.objects.filter(
        pk=grouping.pk, requested_at=grouping.requested_at
    )
    try:
        result = group_campaigns(plan=grouping.plan, threshold=grouping.threshold)
    except Exception:
        this_request.update(state=State.FAILED)
        raise
    this_request.update(state=State.DONE)
    return result.campaigns


def resume_stalled_groupings(groupings=None) -> int:
    """Queue again every grouping (of `groupings`, else all) that has waited or worked for the
    claim timeout without finishing: its worker died. Grouping again is harmless (one
    transaction writes a plan's campaigns), so a slow one taken up twice loses nothing."""
    stalled = timezone.now() - timedelta(seconds=settings.TASK_CLAIM_TIMEOUT)
    groupings = (CampaignGrouping.objects.all() if groupings is None else groupings).filter(
        Q(state=State.QUEUED, requested_at__lt=stalled)
        | Q(state=State.RUNNING, started_at__lt=stalled)
    )
    resumed = 0
    for grouping in groupings:
        # Compare and set: of two readers resuming at once, one enqueues.
        if CampaignGrouping.objects.filter(
            pk=grouping.pk, state=grouping.state, requested_at=grouping.requested_at
        ).update(state=State.QUEUED, requested_at=timezone.now()):
            group_campaigns_task.enqueue(grouping.plan_id)
            resumed += 1
    return resumed
