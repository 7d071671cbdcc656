"""What officers read besides the comments: their own annotations of them."""

from django.db.models import Prefetch, prefetch_related_objects

from officers.models import CommentTag

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
