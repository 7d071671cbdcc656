"""Who reads codes: officers always, every coding with where it came from; everyone else only
once the plan's coding frame is published (coding.models.PublishedFrame), and then only the
codings officers gave or confirmed, never those the machine only suggested."""

from coding.models import BY_OFFICERS, Assignment, PublishedFrame
from officers.permissions import can_annotate
from plans.models import Plan


def is_published(plan) -> bool:
    return PublishedFrame.objects.filter(plan=plan).exists()


def reads_codes(viewer, plan) -> bool:
    return can_annotate(viewer) or is_published(plan)


def codings_read_by(viewer, plan):
    """The plan's codings `viewer` may read (none if they read no codes)."""
    codings = Assignment.objects.filter(code__plan=plan)
    if can_annotate(viewer):
        return codings
    if not is_published(plan):
        return codings.none()
    return codings.filter(origin__in=BY_OFFICERS)


def codes_by_comment(viewer, plan, comment_ids) -> dict:
    """{comment id: [(code as "Theme › Sub-theme", origin)]} of `comment_ids`, as `viewer` may
    read them: one query."""
    found = {}
    for coding in (
        codings_read_by(viewer, plan)
        .filter(comment_id__in=comment_ids)
        .select_related("code__parent")
        .order_by("comment_id", "code__parent__name", "code__name")
    ):
        found.setdefault(coding.comment_id, []).append((str(coding.code), coding.origin))
    return found


def coding_changed(plan_id) -> None:
    """A coding or a code changed: no cached page (an officer's comment cards show codes) or
    API answer of the plan may show the old ones. Like a tag, it leaves the figures alone
    (plans.Plan.bump_generation)."""
    Plan.objects.filter(pk=plan_id).bump_generation(annotations_only=True)


def publish(plan, *, by) -> None:
    PublishedFrame.objects.get_or_create(plan=plan, defaults={"published_by": by})
    coding_changed(plan.pk)


def unpublish(plan) -> None:
    PublishedFrame.objects.filter(plan=plan).delete()
    coding_changed(plan.pk)
