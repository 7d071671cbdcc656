"""Open data: a plan's sections in natural order (1.3, 1.11, 1.15, 2.8), and one by its number."""

from rest_framework import generics

from opendata.api.lookups import plan_or_404, section_or_404
from opendata.api.serializers import SectionSerializer


class SectionList(generics.ListAPIView):
    serializer_class = SectionSerializer

    def get_queryset(self):
        plan = plan_or_404(self.kwargs["slug"])
        return plan.sections.in_natural_order().select_related("plan", "theme", "parent")


class SectionDetail(generics.RetrieveAPIView):
    serializer_class = SectionSerializer

    def get_object(self):
        return section_or_404(self.kwargs["slug"], self.kwargs["number"])
