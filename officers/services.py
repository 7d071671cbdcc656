"""Services that record officers' analysis. None of them touches what the respondent wrote."""

from django.db import transaction
from django.db.models.functions import Lower
from django.utils import timezone

from officers.models import CommentTag, Review, Tag
from plans.models import Plan
from responses.consent import check_publishable
from responses.models import Comment, Response
from responses.services import (
    SECTION_LINK_KEY,
    THEME_LINK_KEY,
    replace_links,
    section_link_row,
    theme_link_row,
)


@transaction.atomic
def annotate_comment(
    *, comment: Comment, stance, sections, themes, tags, new_tags, status, plan_change, note
) -> None:
    """Make the comment's stance, links, tags and review what the officer chose.

    Links and tags kept keep their rows (and a link its quoted wording); those removed are
    deleted, so history records each addition and removal.
    """
    critique_changed = comment.stance != stance
    if critique_changed:
        comment.stance = stance
        comment.save(update_fields=["stance"])
    # An officer has now seen its links: it leaves the queue of links to check (intake). Not a
    # change to the comment's history: reverting an officer's change must find that change.
    Comment.objects.filter(pk=comment.pk, links_checked_at=None).update(
        links_checked_at=timezone.now()
    )
    critique_changed |= replace_links(
        comment.section_links,
        _links_kept_or_added(comment.section_links, "section", sections, section_link_row, comment),
        key=SECTION_LINK_KEY,
    )
    critique_changed |= replace_links(
        comment.theme_links,
        _links_kept_or_added(comment.theme_links, "theme", themes, theme_link_row, comment),
        key=THEME_LINK_KEY,
    )
    wanted_tags = {*tags, *(_tag_named(name) for name in new_tags)}
    replace_links(
        comment.comment_tags,
        [CommentTag(comment=comment, tag=tag) for tag in wanted_tags],
        key=("tag_id",),
    )

    # Officers count and filter by all of it, and the public reads a published one's stance and
    # links; a review or a tag alone changes none of the counts.
    Plan.objects.filter(pk=comment.response.plan_id).bump_generation(
        annotations_only=not critique_changed
    )

    review = Review.objects.filter(comment=comment).first() or Review(comment=comment)
    changed = (review.status, review.plan_change, review.note) != (status, plan_change, note)
    if review.pk is None or changed:
        review.status, review.plan_change, review.note = status, plan_change, note
        review.full_clean()
        review.save()


def _links_kept_or_added(stored, field, targets, link_row, comment):
    """Links to each of `targets`: those stored kept as they are, with the wording they quote
    and the words that suggested them; a new link (`link_row`'s) for each target not yet
    linked."""
    chosen = {target.pk for target in targets}
    kept = [link for link in stored.all() if getattr(link, f"{field}_id") in chosen]
    linked = {getattr(link, f"{field}_id") for link in kept}
    added = [link_row(comment, target) for target in targets if target.pk not in linked]
    return kept + added


def _tag_named(name):
    existing = Tag.objects.annotate(lower=Lower("name")).filter(lower=name.lower()).first()
    return existing or Tag.objects.create(name=name)


@transaction.atomic
def publish_response(*, response: Response, hide_name: bool) -> Response:
    """Publish `response` as its respondent agreed (responses.consent): CannotPublish if they
    did not, or nobody recorded what they said."""
    if response.status == Response.Status.DRAFT:
        raise ValueError("A draft cannot be published.")
    check_publishable(response)
    response.status = Response.Status.PUBLISHED
    response.hide_respondent_name = hide_name
    response.save(update_fields=["status", "hide_respondent_name", "updated_at"])
    Plan.objects.filter(pk=response.plan_id).bump_generation()
    return response


@transaction.atomic
def unpublish_response(*, response: Response) -> Response:
    if response.status == Response.Status.PUBLISHED:
        response.status = Response.Status.SUBMITTED
        response.save(update_fields=["status", "updated_at"])
        Plan.objects.filter(pk=response.plan_id).bump_generation()
    return response
