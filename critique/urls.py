from django.urls import path

from critique.views import plan, response, search

app_name = "critique"
urlpatterns = [
    path("plans/<slug:slug>/", plan.plan_detail, name="plan"),
    path("plans/<slug:slug>/overview/", plan.plan_overview, name="overview"),
    path("plans/<slug:slug>/sections/<str:number>/", plan.section_detail, name="section"),
    path("plans/<slug:slug>/themes/<id:pk>/", plan.theme_detail, name="theme"),
    path("plans/<slug:slug>/general/", plan.general_comments, name="general"),
    path("search/", search.search, name="search"),
    path("responses/<id:pk>/", response.response_detail, name="response"),
]
