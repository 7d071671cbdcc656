"""A comment's history, read from django-simple-history's records, and reverting one change.

One comment's history spans several tables: its stance (Comment), its review (Review), and its
links to sections, themes and tags. Each change is described for a reader and can be undone;
undoing is itself a change, recorded like any other.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction

from officers.models import CommentTag, Redaction, Review
from plans.models import Plan
from responses.models import Comment, SectionLink, ThemeLink

REVIEW_FIELDS = ["status", "plan_change", "note"]


@dataclass(frozen=True)
class Change:
    kind: str  # "comment", "review", "section", "theme" or "tag"
    history_id: int
    at: datetime
    user: object
    description: str
    can_revert: bool


# kind -> (the model whose history it is, the field naming what a link points at)
LINKS = {
    "section": (SectionLink, "section"),
    "theme": (ThemeLink, "theme"),
    "tag": (CommentTag, "tag"),
}
# The kinds of change that are the officers' own marks, counted by none of the figures.
ANNOTATIONS_ONLY = {"review", "tag"}
LINK_WORDS = {
    "section": ("Linked to {}", "Unlinked from {}"),
    "theme": ("Linked to the theme ‘{}’", "Unlinked from the theme ‘{}’"),
    "tag": ("Tagged ‘{}’", "Tag ‘{}’ removed"),
}


def comment_history(comment: Comment) -> list[Change]:
    """Every change to the comment's analysis, newest first."""
    changes = [*_stance_changes(comment), *_review_changes(comment)]
    changes += _redaction_changes(comment)
    for kind, (model, target) in LINKS.items():
        records = model.history.filter(comment_id=comment.pk).select_related(target, "history_user")
        added, removed = LINK_WORDS[kind]
        for record in records:
            name = _describe_target(kind, getattr(record, target))
            if record.history_type in ("+", "-"):
                words = added if record.history_type == "+" else removed
                changes.append(_change(kind, record, words.format(name), can_revert=True))
    return sorted(changes, key=lambda change: (change.at, change.history_id), reverse=True)


REDACTION_WORDS = {
    Redaction.State.PROPOSED: "Found {kind} “{words}”, to decide",
    Redaction.State.REDACTED: "Redacted “{words}” ({kind}) for the public",
    Redaction.State.SET_ASIDE: "Set aside “{words}”: not personal data",
    Redaction.State.LIFTED: "Lifted the redaction of “{words}”",
}


def _redaction_changes(comment):
    """Each step of each redaction: found, redacted, set aside, lifted, with why. Undone by the
    next step (lifting), not reverted."""
    records = Redaction.history.filter(comment_id=comment.pk).select_related("history_user")
    last_state = {}
    changes = []
    for record in records.order_by("history_date", "history_id"):
        if record.history_type == "-" or last_state.get(record.id) == record.state:
            continue
        last_state[record.id] = record.state
        words = REDACTION_WORDS[record.state].format(
            words=record.exact, kind=Redaction.Kind(record.kind).label.lower()
        )
        if record.reason and record.state != Redaction.State.PROPOSED:
            words += f" (why: {record.reason})"
        changes.append(_change("redaction", record, words, can_revert=False))
    return changes


def _describe_target(kind, target):
    if target is None:
        return "(deleted)"
    return target.title if kind == "section" else target.name


def _change(kind, record, description, *, can_revert):
    return Change(
        kind=kind,
        history_id=record.history_id,
        at=record.history_date,
        user=record.history_user,
        description=description,
        can_revert=can_revert,
    )


def _stance_changes(comment):
    labels = dict(Comment.Stance.choices)
    records = list(comment.history.select_related("history_user").order_by("history_date"))
    for previous, record in zip([None, *records], records, strict=False):
        if record.history_type == "+":
            yield _change("comment", record, "Comment written by the respondent", can_revert=False)
        elif previous is not None and previous.stance != record.stance:
            description = f"Stance: {labels[previous.stance]} → {labels[record.stance]}"
            yield _change("comment", record, description, can_revert=True)


def _review_changes(comment):
    labels = dict(Review.Status.choices)
    records = list(
        Review.history.filter(comment_id=comment.pk)
        .select_related("history_user")
        .order_by("history_date")
    )
    for previous, record in zip([None, *records], records, strict=False):
        parts = []
        if previous is None or previous.status != record.status:
            parts.append(f"Review status: {labels[record.status]}")
        if (previous.plan_change if previous else "") != record.plan_change:
            parts.append(f"Plan change: {record.plan_change or '(none)'}")
        if (previous.note if previous else "") != record.note:
            parts.append("Internal note changed" if record.note else "Internal note removed")
        if parts and record.history_type != "-":
            yield _change("review", record, "; ".join(parts), can_revert=True)


class CannotRevert(Exception):
    pass


@transaction.atomic
def revert_change(*, comment: Comment, kind: str, history_id: int) -> None:
    """Undo one change of `comment`'s history: restore what was before it."""
    # Officers count and filter by all of it, and the public reads a published one's stance and
    # links; a review or a tag alone changes none of the counts.
    Plan.objects.filter(pk=comment.response.plan_id).bump_generation(
        annotations_only=kind in ANNOTATIONS_ONLY
    )
    if kind == "comment":
        record = _record(Comment.history, history_id, id=comment.pk)
        previous = record.prev_record
        if previous is None:
            raise CannotRevert("The comment as written cannot be reverted.")
        comment.stance = previous.stance
        comment.save(update_fields=["stance"])
    elif kind == "review":
        record = _record(Review.history, history_id, comment_id=comment.pk)
        previous = record.prev_record
        review = Review.objects.get(comment=comment)
        before = previous or Review()  # before the first review: the defaults
        for field in REVIEW_FIELDS:
            setattr(review, field, getattr(before, field))
        review.full_clean()
        review.save()
    elif kind in LINKS:
        model, target = LINKS[kind]
        record = _record(model.history, history_id, comment_id=comment.pk)
        target_id = getattr(record, f"{target}_id")
        existing = model.objects.filter(comment=comment, **{f"{target}_id": target_id})
        if record.history_type == "+":
            existing.delete()
        elif record.history_type == "-" and not existing.exists():
            restored = record.instance
            restored.pk = None
            restored.full_clean()
            restored.save()
    else:
        raise CannotRevert("Unknown kind of change.")


def _record(history_manager, history_id, **belongs_to):
    record = history_manager.filter(history_id=history_id, **belongs_to).first()
    if record is None:
        raise CannotRevert("That change is not part of this comment's history.")
    return record
