"""The background work of a revision, run by `manage.py db_worker`: following the comments'
quotes into it, which reads every quote of the plan."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Min
from django.utils import timezone
from django_tasks import task

from plans.models import Plan
from revisions import services
from revisions.models import PlanVersion


@task()
def follow_quotes(plan_id, from_number):
    """Follow the plan's quotes into its revisions from `from_number` on; returns how many."""
    plan = Plan.objects.filter(pk=plan_id).first()
    if plan is None:  # deleted since
        return 0
    return services.follow_quotes(plan, from_number)


def resume_stalled_following(versions=None) -> int:
    """Queue again the following of quotes into every plan's revisions (of `versions`, else
    all) asked for longer than the claim timeout ago and not done: its worker died. Following
    again is harmless: each version's quotes are replaced in one transaction, an officer's
    placings kept. Returns how many plans were resumed."""
    stalled = timezone.now() - timedelta(seconds=settings.TASK_CLAIM_TIMEOUT)
    versions = PlanVersion.objects.all() if versions is None else versions
    waiting = (
        versions.filter(quotes_followed_at=None, quotes_requested_at__lt=stalled)
        .values("plan")
        .annotate(first=Min("number"))
    )
    resumed = 0
    for plan_id, first in waiting.values_list("plan", "first"):
        # Compare and set: of two readers resuming at once, one enqueues.
        if PlanVersion.objects.filter(
            plan=plan_id, quotes_followed_at=None, quotes_requested_at__lt=stalled
        ).update(quotes_requested_at=timezone.now()):
            follow_quotes.enqueue(plan_id, first)
            resumed += 1
    return resumed
