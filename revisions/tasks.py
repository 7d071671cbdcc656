"""The background work of a revision, run by `manage.py db_worker`: following the comments'
quotes into it, which reads every quote of the plan."""

from django_tasks import task

from plans.models import Plan
from revisions import services


@task()
def follow_quotes(plan_id, from_number):
    """Follow the plan's quotes into its revisions from `from_number` on; returns how many."""
    plan = Plan.objects.filter(pk=plan_id).first()
    if plan is None:  # deleted since
        return 0
    return services.follow_quotes(plan, from_number)
