"""Open data: the plans under consultation, each with its themes and where to find the rest."""

from rest_framework import generics

from opendata.api.serializers import PlanSerializer
from plans.models import Plan


class PlanList(generics.ListAPIView):
    queryset = Plan.objects.prefetch_related("themes")
    serializer_class = PlanSerializer


class PlanDetail(generics.RetrieveAPIView):
    queryset = Plan.objects.prefetch_related("themes")
    serializer_class = PlanSerializer
    lookup_field = "slug"
