from functools import wraps

from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from opendata.api import comments, link_suggestions, plans, sections, web_annotations
from plans.models import Plan
from responses.caching import cached_for_the_public


def _cached(view):
    """The view's answers to the public, from the cache under the plan's generation. Writes
    reach the view itself, which refuses them (405), whatever the plan."""
    cached = cached_for_the_public(
        lambda slug, **_: Plan.objects.filter(slug=slug),
        generation_of_page=lambda slug, **_: Plan.objects.generation_by_slug(slug),
    )(view)

    @wraps(view)  # the API schema reads the view's class from it
    def answer(request, **kwargs):
        if request.method in ("GET", "HEAD"):
            return cached(request, **kwargs)
        return view(request, **kwargs)

    return answer


app_name = "api"
urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("plans/", plans.PlanList.as_view(), name="plan_list"),
    path("plans/<slug:slug>/", plans.PlanDetail.as_view(), name="plan"),
    path(
        "plans/<slug:slug>/comments/",
        _cached(comments.PlanComments.as_view()),
        name="plan_comments",
    ),
    path(
        "plans/<slug:slug>/annotations.jsonld",
        _cached(web_annotations.PlanWebAnnotations.as_view()),
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
        _cached(comments.SectionComments.as_view()),
        name="section_comments",
    ),
    path(
        "plans/<slug:slug>/link-suggestions/",
        link_suggestions.link_suggestions,
        name="link_suggestions",
    ),
]
