"""A plan's retention period: after the day its `personal_data_kept_until` names, its
respondents' personal details are erased, their comments kept anonymised (privacy.erasure). The
background runner does it on the day after (privacy.tasks), and `manage.py apply_retention`
for cron; doing it again erases only what came since."""

from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from plans.models import Plan
from privacy.erasure import erase_details_of_plan


def erasure_due_at(plan):
    """When the plan's retention period ends: the start of the day after the day it names."""
    day = plan.personal_data_kept_until + timedelta(days=1)
    return timezone.make_aware(datetime.combine(day, time.min))


def due_plans(today=None):
    today = today or timezone.localdate()
    return Plan.objects.filter(personal_data_kept_until__lt=today)


def apply_retention(plans=None, *, today=None):
    """Erase the personal details of the respondents to each plan (of `plans`, else all) whose
    retention period has ended; the tombstones."""
    erasures = []
    for plan in (plans if plans is not None else Plan.objects.all()) & due_plans(today):
        with transaction.atomic():
            # One runner at a time erases a plan: the next finds nothing left to erase.
            plan = Plan.objects.select_for_update().get(pk=plan.pk)
            erasure = erase_details_of_plan(
                plan,
                reason="The plan's retention period ended: respondents' personal details were "
                f"kept until {plan.personal_data_kept_until:%-d %B %Y}.",
            )
        if erasure is not None:
            erasures.append(erasure)
    return erasures
