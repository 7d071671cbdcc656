"""How the API finds what a URL names, limited to what the caller may read.

Plans and sections are public. A comment is readable when its response is
(`visible_comments`, which goes through `Response.objects.visible_to`). An unknown plan or
section is a JSON 404, as DRF renders `Http404`.
"""

from django.shortcuts import get_object_or_404

from plans.models import Plan, Section
from responses.selectors import visible_comments


def plan_or_404(slug) -> Plan:
    return get_object_or_404(Plan, slug=slug)


def section_or_404(slug, number) -> Section:
    return get_object_or_404(
        Section.objects.select_related("plan", "theme", "parent"), plan__slug=slug, number=number
    )


def readable_comments(viewer, plan):
    """The comments on `plan` that `viewer` may read, in reading order."""
    return visible_comments(viewer).filter(response__plan=plan)
