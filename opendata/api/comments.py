"""Open data: the comments on a plan or on one of its sections, as many as the caller may read
(published ones for everyone; submitted ones for officers too; a draft for its owner), 50 a page,
each in a fixed number of queries however many comments there are.

Pages follow a cursor, not a page number: the database reads from where the last page ended
(comments in the order they were written: by their id) instead of counting and skipping every
comment before, so the 2,000th page costs what the first does.
"""

from django.db.models import Prefetch
from rest_framework import generics
from rest_framework.exceptions import NotFound
from rest_framework.pagination import CursorPagination

from coding.publication import codings_read_by
from opendata.api.lookups import plan_or_404, readable_comments, section_or_404
from opendata.api.serializers import CommentSerializer
from responses.selectors import section_comments, theme_links_with_themes, with_links

# A comment id is a 64-bit integer at most: 19 digits.
MAX_ID_DIGITS = 19


class CommentPagination(CursorPagination):
    page_size = 50
    ordering = "id"

    def decode_cursor(self, request):
        """The cursor, refused as invalid (404, as DRF refuses a cursor it cannot decode) unless
        its position is a comment id: a tampered one ("p=abc", "p=1.5e308") must not reach the
        database's filter."""
        cursor = super().decode_cursor(request)
        if cursor is not None and cursor.position is not None:
            position = str(cursor.position)
            if not (position.isascii() and position.isdigit() and len(position) <= MAX_ID_DIGITS):
                raise NotFound(self.invalid_cursor_message)
        return cursor


class PlanComments(generics.ListAPIView):
    serializer_class = CommentSerializer
    pagination_class = CommentPagination

    def get_queryset(self):
        plan = plan_or_404(self.kwargs["slug"])
        return with_codes(
            with_links(readable_comments(self.request.user, plan)), self.request, plan
        )


class SectionComments(generics.ListAPIView):
    serializer_class = CommentSerializer
    pagination_class = CommentPagination

    def get_queryset(self):
        section = section_or_404(self.kwargs["slug"], self.kwargs["number"])
        comments = readable_comments(self.request.user, section.plan)
        # section_comments prefetches the section links, with the quotes.
        return with_codes(
            section_comments(section=section, comments=comments).prefetch_related(
                theme_links_with_themes()
            ),
            self.request,
            section.plan,
        )


def with_codes(comments, request, plan):
    """Each comment's codes the reader may read, in one more query (CommentSerializer.codes)."""
    return comments.prefetch_related(
        Prefetch(
            "codings",
            queryset=codings_read_by(request.user, plan).select_related("code__parent"),
            to_attr="readable_codings",
        )
    )
