"""A plan of real size for the tests of big-plan pages: twelve chapters of 26 sections each
(312 in all), numbered as real plans are (3, 3.1 … 3.22, 3.7.1 … 3.7.3), each chapter a theme."""

from plans.models import Plan, Section, Theme
from plans.ordering import sort_key
from tests.factories import PlanFactory

CHAPTERS = 12


def _numbers(chapter):
    yield str(chapter)
    for second in range(1, 23):
        yield f"{chapter}.{second}"
        if second == 7:
            yield from (f"{chapter}.7.{third}" for third in range(1, 4))


def large_plan(**plan_fields) -> Plan:
    plan = PlanFactory(**plan_fields)
    themes = Theme.objects.bulk_create(
        Theme(plan=plan, name=f"Theme of chapter {chapter}") for chapter in range(1, CHAPTERS + 1)
    )
    Section.objects.bulk_create(
        Section(
            plan=plan,
            number=number,
            sort_key=sort_key(number),
            heading=f"Chapter {chapter} heading" if "." not in number else f"Heading {number}",
            text=f"The wording of section {number}, on the work of chapter {chapter}.",
            theme=themes[chapter - 1],
        )
        for chapter in range(1, CHAPTERS + 1)
        for number in _numbers(chapter)
    )
    return plan
