"""Open data: the comments on a plan or on one of its sections, as many as the caller may read
(published ones for everyone; submitted ones for officers too; a draft for its owner), 50 a page,
each in a fixed number of queries however many comments there are."""

from django.db.models import Prefetch
from rest_framework import generics
from rest_framework.pagination import PageNumberPagination

from plans.ordering import natural_order
from responses.api.permissions import plan_or_404, readable_comments, section_or_404
from responses.api.serializers import CommentSerializer
from responses.models import SectionLink, ThemeLink
from responses.selectors import section_comments

THEME_LINKS = Prefetch("theme_links", queryset=ThemeLink.objects.select_related("theme"))
SECTION_LINKS = Prefetch(
    "section_links",
    queryset=SectionLink.objects.select_related("section__plan").order_by(
        *natural_order("section__number")
    ),
)


class CommentPagination(PageNumberPagination):
    page_size = 50


class PlanComments(generics.ListAPIView):
    serializer_class = CommentSerializer
    pagination_class = CommentPagination

    def get_queryset(self):
        plan = plan_or_404(self.kwargs["slug"])
        return readable_comments(self.request.user, plan).prefetch_related(
            SECTION_LINKS, THEME_LINKS
        )


class SectionComments(generics.ListAPIView):
    serializer_class = CommentSerializer
    pagination_class = CommentPagination

    def get_queryset(self):
        section = section_or_404(self.kwargs["slug"], self.kwargs["number"])
        comments = readable_comments(self.request.user, section.plan)
        # section_comments prefetches the section links, with the quotes.
        return section_comments(section=section, comments=comments).prefetch_related(THEME_LINKS)
