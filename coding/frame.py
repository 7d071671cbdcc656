"""The coding frame and comments coded by it: codes added, renamed, moved and removed; a comment
coded by an officer (one or many at once), a suggested code confirmed or taken off; a suggested
theme accepted as a code (its comments given it as suggested, with their scores), merged into
another code, or discarded. Every assignment keeps where it came from and who confirmed or gave
it (Assignment.Origin), with its history."""

from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from coding.models import Assignment, Code, SuggestedMember, SuggestedTheme
from coding.publication import coding_changed
from plans.models import Plan


class CannotCode(Exception):
    """Why a change to the frame or a coding was refused; nothing was changed."""


def add_code(plan: Plan, name: str, *, parent: Code | None = None, description="") -> Code:
    name = " ".join(name.split())
    if not name:
        raise CannotCode("Enter the code's name.")
    if parent is not None and (parent.plan_id != plan.pk or parent.parent_id is not None):
        raise CannotCode("A sub-theme belongs to one of this plan's themes.")
    siblings = Code.objects.filter(plan=plan, parent=parent)
    if siblings.annotate(lowered=Lower("name")).filter(lowered=name.lower()).exists():
        where = f"under {parent.name}" if parent else "among the themes"
        raise CannotCode(f"There is a code called “{name}” {where} already.")
    try:
        with transaction.atomic():
            return Code.objects.create(
                plan=plan, parent=parent, name=name[:120], description=description.strip()
            )
    except IntegrityError as clash:  # another officer added it meanwhile
        raise CannotCode(f"There is a code called “{name}” already.") from clash


def code_comments(comments, code: Code, *, by) -> int:
    """Give `code` to each of `comments` (a queryset of the code's plan), as coded by officer
    `by`: a suggested assignment of it becomes confirmed. How many comments gained it."""
    comments = comments.filter(response__plan=code.plan_id)
    now = timezone.now()
    with transaction.atomic():
        confirmed = Assignment.objects.filter(
            code=code, comment__in=comments, origin=Assignment.Origin.SUGGESTED
        )
        for assignment in confirmed:
            _confirmed(assignment, by=by, at=now)
        missing = comments.exclude(codings__code=code).values_list("pk", flat=True)
        made = [
            Assignment(comment_id=pk, code=code, origin=Assignment.Origin.OFFICER, by=by, at=now)
            for pk in missing.iterator()
        ]
        bulk_create_with_history(made, Assignment, batch_size=2_000, default_user=by)
        coding_changed(code.plan_id)
    return len(made)


def confirm(assignment: Assignment, *, by) -> Assignment:
    if assignment.origin != Assignment.Origin.SUGGESTED:
        raise CannotCode("Only a suggested code is confirmed.")
    return _confirmed(assignment, by=by, at=timezone.now())


def _confirmed(assignment, *, by, at):
    assignment.origin, assignment.by, assignment.at = Assignment.Origin.CONFIRMED, by, at
    assignment.save()
    coding_changed(assignment.code.plan_id)
    return assignment


def quote(assignment: Assignment, quoted: bool) -> Assignment:
    """Choose the comment to quote for its code in the report, or no longer."""
    assignment.quoted = quoted
    assignment.save(update_fields=["quoted"])
    coding_changed(assignment.code.plan_id)
    return assignment


def uncode(assignment: Assignment) -> None:
    assignment.delete()
    coding_changed(assignment.code.plan_id)


def change_code(code: Code, *, name, parent, description) -> Code:
    """Rename a code, move it under a theme (or out), say what it means."""
    name = " ".join(name.split())[:120]
    if not name:
        raise CannotCode("Enter the code's name.")
    if parent is not None and (parent.pk == code.pk or code.children.exists()):
        raise CannotCode("A theme with sub-themes cannot become a sub-theme.")
    clash = Code.objects.filter(plan=code.plan_id, parent=parent, name__iexact=name).exclude(
        pk=code.pk
    )
    if clash.exists():
        raise CannotCode(f"There is a code called “{name}” there already.")
    code.name, code.parent, code.description = name, parent, description.strip()
    code.save()
    coding_changed(code.plan_id)
    return code


def remove_code(code: Code) -> None:
    code.delete()
    coding_changed(code.plan_id)


@transaction.atomic
def accept(theme: SuggestedTheme, *, name: str, parent: Code | None = None, into=None) -> Code:
    """Accept a suggested theme: as a new code called `name` (under `parent`), or merged `into`
    a code there is; its comments are given the code as suggested, with their scores (a code
    they have already is left as it is)."""
    if theme.decision != SuggestedTheme.Decision.OPEN:
        raise CannotCode(f"“{theme.label}” was decided already.")
    plan = theme.suggesting.plan
    code = into if into is not None else add_code(plan, name, parent=parent)
    if code.plan_id != plan.pk:
        raise CannotCode("Choose a code of this plan's coding frame.")
    members = (
        SuggestedMember.objects.filter(theme=theme)
        .exclude(comment__codings__code=code)
        .values_list("comment_id", "score")
    )
    now = timezone.now()
    bulk_create_with_history(
        [
            Assignment(
                comment_id=pk, code=code, origin=Assignment.Origin.SUGGESTED, score=score, at=now
            )
            for pk, score in members.iterator()
        ],
        Assignment,
        batch_size=2_000,
    )
    theme.decision, theme.code = SuggestedTheme.Decision.ACCEPTED, code
    theme.save(update_fields=["decision", "code"])
    return code


def discard(theme: SuggestedTheme) -> None:
    if theme.decision != SuggestedTheme.Decision.OPEN:
        raise CannotCode(f"“{theme.label}” was decided already.")
    theme.decision = SuggestedTheme.Decision.DISCARDED
    theme.save(update_fields=["decision"])
