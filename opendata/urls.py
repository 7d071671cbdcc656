from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from opendata.api import comments, link_suggestions, plans, sections, web_annotations

app_name = "api"
urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("plans/", plans.PlanList.as_view(), name="plan_list"),
    path("plans/<slug:slug>/", plans.PlanDetail.as_view(), name="plan"),
    path("plans/<slug:slug>/comments/", comments.PlanComments.as_view(), name="plan_comments"),
    path(
        "plans/<slug:slug>/annotations.jsonld",
        web_annotations.PlanWebAnnotations.as_view(),
        name="plan_web_annotations",
    ),
    path("plans/<slug:slug>/sections/", sections.SectionList.as_view(), name="section_list"),
    path(
        "plans/<slug:slug>/sections/<str:number>/",
        sections.SectionDetail.as_view(),
        name="section",
    ),
    path(
        "plans/<slug:slug>/sections/<str:number>/comments/",
        comments.SectionComments.as_view(),
        name="section_comments",
    ),
    path(
        "plans/<slug:slug>/link-suggestions/",
        link_suggestions.link_suggestions,
        name="link_suggestions",
    ),
]
