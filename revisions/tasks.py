"""The background work of a revision, run by `manage.py db_worker`: following the comments'
quotes into it, which reads every quote of the plan. Asked for by request_following once a
revision is saved, its matches corrected or a quote placed; the plan's QuoteFollowing is a job
of marginalia.jobs' shape."""

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from marginalia import jobs
from revisions import services
from revisions.models import PlanVersion, QuoteFollowing

State = QuoteFollowing.State


@transaction.atomic
def request_following(plan_id, from_number=2) -> QuoteFollowing:
    """Ask for the plan's quotes to be followed into its revisions from `from_number` on, in
    the background once this transaction commits; those versions show their quotes as being
    followed until then. Asked again while it waits, it follows from the lower number."""
    PlanVersion.objects.filter(plan=plan_id, number__gte=from_number).update(
        quotes_followed_at=None
    )
    following, created = QuoteFollowing.objects.select_for_update().get_or_create(
        plan_id=plan_id, defaults={"from_number": from_number}
    )
    if not created:
        following.from_number = (
            min(following.from_number, from_number) if following.at_work else from_number
        )
        following.state, following.requested_at = State.QUEUED, timezone.now()
        following.claimed_at, following.failure = None, ""
        following.save()
    transaction.on_commit(lambda: follow_quotes.enqueue(plan_id))
    return following


@task()
def follow_quotes(plan_id):
    """Follow the plan's quotes as last asked, once, whichever worker takes it first; returns
    how many, or None when another worker took the request."""
    following = QuoteFollowing.objects.select_related("plan").filter(plan_id=plan_id).first()
    if following is None:  # the plan was deleted since
        return None
    this_request = QuoteFollowing.objects.filter(requested_at=following.requested_at)
    if not jobs.claim(this_request, following.pk):
        return None
    try:
        followed = services.follow_quotes(following.plan, following.from_number)
    except Exception as error:
        jobs.fail(QuoteFollowing.objects, following.pk, error, requested_at=following.requested_at)
        raise
    jobs.finish(QuoteFollowing.objects, following.pk, requested_at=following.requested_at)
    return followed


def resume_stalled_following(followings=None) -> int:
    """Queue again the following of every plan's quotes (of `followings`, else all) whose
    worker died. Following again is harmless: each version's quotes are replaced in one
    transaction, an officer's placings kept. Returns how many were resumed."""
    return jobs.resume_stalled(
        QuoteFollowing.objects.all() if followings is None else followings,
        lambda following: follow_quotes.enqueue(following.plan_id),
    )
