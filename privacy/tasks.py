"""The retention runner, run by `manage.py db_worker`: a plan whose retention date is set is
queued to have its respondents' personal details erased on the day after (django-tasks'
run_after), once the transaction that set it commits."""

from django.db import transaction
from django_tasks import task

from plans.models import Plan
from privacy.retention import apply_retention, erasure_due_at


def request_retention(plan) -> None:
    if plan.personal_data_kept_until is None:
        return
    due = erasure_due_at(plan)
    transaction.on_commit(lambda: apply_retention_task.using(run_after=due).enqueue(plan.pk))


@task()
def apply_retention_task(plan_id):
    """Erase what the plan's retention period says is due (nothing if its date moved since);
    how many records went."""
    erasures = apply_retention(Plan.objects.filter(pk=plan_id))
    return sum(sum(erasure.counts.values()) for erasure in erasures)


def when_saved(sender, instance, **kwargs):
    request_retention(instance)
