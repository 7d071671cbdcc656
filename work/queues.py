"""What waits for an officer in each plan: the queues of their home page (/work/).

Each queue is counted where its own page lists it: responses waiting to be moderated
(officers.moderation), comments not yet reviewed (officers), links
suggested for received responses and not yet confirmed (intake), imports not yet imported
(intake), and quotes a revision moved that nobody has checked (revisions).
"""

from dataclasses import dataclass

from django.db.models import Count

from coding.models import Assignment
from intake.models import ImportBatch
from intake.selectors import comments_to_check
from officers.moderation import awaiting_moderation
from officers.selectors import next_unreviewed, unreviewed_comments
from plans.models import Plan
from revisions.models import PlanVersion, RevisedQuote


@dataclass
class PlanWork:
    plan: Plan
    not_reviewed: int
    next_unreviewed: int | None
    links_to_check: int
    imports_open: int
    quotes_to_check: int
    version_to_check: PlanVersion | None
    to_moderate: int = 0
    codes_to_confirm: int = 0

    @property
    def waiting(self):
        return (
            self.not_reviewed
            + self.links_to_check
            + self.imports_open
            + self.quotes_to_check
            + self.to_moderate
            + self.codes_to_confirm
        )


def work_of_plans() -> list[PlanWork]:
    """Each plan's queues, the plans with most waiting first."""
    plans = list(Plan.objects.order_by("title"))
    to_confirm = dict(
        Assignment.objects.filter(origin=Assignment.Origin.SUGGESTED)
        .values_list("code__plan")
        .annotate(count=Count("pk"))
    )
    open_imports = dict(
        ImportBatch.objects.exclude(stage=ImportBatch.Stage.DONE)
        .values_list("plan")
        .annotate(count=Count("pk"))
    )
    versions = {}
    quotes = dict(
        RevisedQuote.objects.filter(to_check=True)
        .values_list("version")
        .annotate(count=Count("pk"))
    )
    for version in PlanVersion.objects.filter(pk__in=quotes).order_by("number"):
        versions[version.plan_id] = version  # the latest version with quotes to check
    work = [
        PlanWork(
            plan=plan,
            not_reviewed=unreviewed_comments(plan).count(),
            next_unreviewed=next_unreviewed(plan),
            links_to_check=comments_to_check(plan).count(),
            imports_open=open_imports.get(plan.pk, 0),
            quotes_to_check=quotes.get(versions[plan.pk].pk, 0) if plan.pk in versions else 0,
            version_to_check=versions.get(plan.pk),
            to_moderate=awaiting_moderation(plan).count(),
            codes_to_confirm=to_confirm.get(plan.pk, 0),
        )
        for plan in plans
    ]
    return sorted(work, key=lambda each: -each.waiting)
