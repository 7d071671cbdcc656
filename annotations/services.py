"""Services that record officers' analysis. None of them touches what the respondent wrote."""

from django.db import transaction
from django.db.models.functions import Lower

from annotations.models import CommentTag, Review, Tag
from responses.models import Comment, Response, SectionLink, ThemeLink


@transaction.atomic
def annotate_comment(
    *, comment: Comment, stance, sections, themes, tags, new_tags, status, plan_change, note
) -> None:
    """Make the comment's stance, links, tags and review what the officer chose.

    Links and tags kept keep their rows (and a link its quoted wording); those removed are
    deleted, so history records each addition and removal.
    """
    if comment.stance != stance:
        comment.stance = stance
        comment.save(update_fields=["stance"])
    _set_links(comment.section_links, SectionLink, "section", sections, comment)
    _set_links(comment.theme_links, ThemeLink, "theme", themes, comment)
    wanted_tags = {*tags, *(_tag_named(name) for name in new_tags)}
    _set_links(comment.comment_tags, CommentTag, "tag", wanted_tags, comment)

    review = Review.objects.filter(comment=comment).first() or Review(comment=comment)
    changed = (review.status, review.plan_change, review.note) != (status, plan_change, note)
    if review.pk is None or changed:
        review.status, review.plan_change, review.note = status, plan_change, note
        review.full_clean()
        review.save()


def _set_links(manager, model, field, wanted, comment):
    current = {getattr(link, f"{field}_id"): link for link in manager.all()}
    wanted_ids = {target.pk for target in wanted}
    for target_id, link in current.items():
        if target_id not in wanted_ids:
            link.delete()
    for target in wanted:
        if target.pk not in current:
            link = model(comment=comment, **{field: target})
            link.full_clean()  # refuses a section or theme of another plan
            link.save()


def _tag_named(name):
    existing = Tag.objects.annotate(lower=Lower("name")).filter(lower=name.lower()).first()
    return existing or Tag.objects.create(name=name)


@transaction.atomic
def publish_response(*, response: Response, hide_name: bool) -> Response:
    if response.status == Response.Status.DRAFT:
        raise ValueError("A draft cannot be published.")
    response.status = Response.Status.PUBLISHED
    response.hide_respondent_name = hide_name
    response.save(update_fields=["status", "hide_respondent_name", "updated_at"])
    return response


@transaction.atomic
def unpublish_response(*, response: Response) -> Response:
    if response.status == Response.Status.PUBLISHED:
        response.status = Response.Status.SUBMITTED
        response.save(update_fields=["status", "updated_at"])
    return response
