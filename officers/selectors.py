"""What officers read besides the comments: their own annotations of them, and the comments
still waiting for one."""

from django.db.models import Prefetch, prefetch_related_objects

from officers.models import CommentTag, Review
from responses.models import Comment, Response

# What an officer's comment card shows under the comment: its tags and its review.
ANNOTATIONS = [
    Prefetch("comment_tags", queryset=CommentTag.objects.select_related("tag")),
    "review",
]


def with_annotations(comments):
    """`comments`, a queryset, with their review (in the same query) and their tags (one more)."""
    return comments.select_related("review").prefetch_related(ANNOTATIONS[0])


def load_annotations(comments):
    """The same for comments already read (a list, or a page of them), in two queries."""
    prefetch_related_objects(list(comments), *ANNOTATIONS)


def unreviewed_comments(plan):
    """The plan's comments an officer has yet to review, in the order they came: those of
    submitted or published responses with no review, or one still 'not reviewed'."""
    return (
        Comment.objects.filter(response__plan=plan)
        .exclude(response__status=Response.Status.DRAFT)
        .exclude(review__status__in=[Review.Status.REVIEWED, Review.Status.ACTED_ON])
        .order_by("pk")
    )


def next_unreviewed(plan, *, after=None):
    """The id of the first unreviewed comment of `plan` after comment `after` (by id), or from
    the start when none comes after it; None when every comment is reviewed."""
    waiting = unreviewed_comments(plan).exclude(pk=after).values_list("pk", flat=True)
    if after is not None:
        later = waiting.filter(pk__gt=after).first()
        if later is not None:
            return later
    return waiting.first()
