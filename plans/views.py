"""The site's front page: what Marginalia is, the consultations open now, then the closed; and
a plan's section numbers and titles as JSON, for the type-ahead that finds a section."""

from django.db.models import Count
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from plans.models import Plan


def plan_list(request):
    today = timezone.localdate()
    # How many revised versions each plan has (the one consulted on is not a PlanVersion).
    plans = list(Plan.objects.annotate(version_count=Count("versions")).order_by("title"))
    open_now = sorted(
        (plan for plan in plans if plan.is_open(today)),
        key=lambda plan: (plan.closes_on is None, plan.closes_on or today),
    )
    upcoming = [plan for plan in plans if plan.opens_on and plan.opens_on > today]
    closed = sorted(
        (plan for plan in plans if plan.closes_on and plan.closes_on < today),
        key=lambda plan: plan.closes_on,
        reverse=True,
    )
    return render(
        request,
        "plans/plan_list.html",
        {"open_now": open_now, "upcoming": upcoming, "closed": closed, "any": bool(plans)},
    )


@require_safe
@cache_control(max_age=300)
def section_titles(request, slug):
    """The plan's sections in natural order, [number, title] each: public, as the plan is."""
    plan = get_object_or_404(Plan, slug=slug)
    return JsonResponse(
        {
            "sections": [
                [section.number, section.title] for section in plan.sections.in_natural_order()
            ]
        }
    )
