"""Arranging a plan's revision as an officer's import would: its text, saved as the next
version, its quotes followed as the worker would follow them."""

from plans.outline import read_outline
from revisions.services import save_revision
from revisions.tasks import request_following
from tests.background import run_queued_tasks

ENCOURAGED = "sub-contracting and consortia building will be encouraged where appropriate"


def revised_text(plan, **rewordings):
    """The plan's sections as text, a number's line then its wording, with those named (by
    number, dots as underscores: 1_11) reworded, and those reworded to None left out."""
    lines = []
    for section in plan.sections.in_natural_order():
        wording = rewordings.get(section.number.replace(".", "_"), section.text)
        if wording is not None:
            lines.append(f"{section.number}\n{wording}")
    return "\n\n".join(lines)


def revise(plan, text, label="Revised plan", published_on=None):
    """`text` saved as the plan's next version; its quotes followed, as the worker would."""
    version = save_revision(plan, read_outline(text), label=label, published_on=published_on)
    request_following(version.plan_id, version.number)
    run_queued_tasks()
    version.refresh_from_db()
    return version
