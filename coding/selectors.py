"""What an officer's comment card shows of the coding frame: each comment's codes, read with the
page's comments in one more query."""

from django.db.models import Prefetch

from coding.models import Assignment


def with_codings(comments):
    """`comments`, a queryset, each with `officer_codings`: its codes and where each came from."""
    return comments.prefetch_related(
        Prefetch(
            "codings",
            queryset=Assignment.objects.select_related("code__parent").order_by(
                "code__parent__name", "code__name"
            ),
            to_attr="officer_codings",
        )
    )
