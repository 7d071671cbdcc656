"""Writing a plan: a new plan saved from the outline read from its document (plans.outline)."""

from django.db import transaction

from plans.models import Plan, Section, Theme
from plans.outline import Outline


class PlanExists(Exception):
    pass


@transaction.atomic
def save_outline(outline: Outline, *, slug, title, reference_prefix, **details) -> Plan:
    """A new plan called `title` at `slug` with the outline's themes and sections, each section
    under its nearest numbered ancestor (2.8.1 under 2.8, or under 2 if there is no 2.8). All of
    it or, if anything is refused, nothing. `details`: the plan's other fields (publisher,
    summary, the consultation's dates)."""
    if Plan.objects.filter(slug=slug).exists():
        raise PlanExists(f"A plan at '{slug}' exists already; choose another slug.")
    plan = Plan(title=title, slug=slug, reference_prefix=reference_prefix, **details)
    plan.full_clean()
    plan.save()
    themes = {name: Theme.objects.create(plan=plan, name=name) for name in outline.themes}
    saved = {}
    for read in outline.sections:
        section = Section(
            plan=plan,
            number=read.number,
            heading=read.heading[:300],
            text=read.text,
            theme=themes.get(read.theme),
            parent=_nearest_ancestor(read.number, saved),
        )
        section.full_clean()
        section.save()
        saved[read.number] = section
    return plan


def _nearest_ancestor(number, saved):
    levels = number.split(".")
    for depth in range(len(levels) - 1, 0, -1):
        ancestor = saved.get(".".join(levels[:depth]))
        if ancestor is not None:
            return ancestor
    return None
