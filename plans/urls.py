from django.urls import path

from plans import views

app_name = "plans"
urlpatterns = [
    path("", views.plan_list, name="plan_list"),
    path("plans/<slug:slug>/", views.plan_detail, name="plan"),
    path("plans/<slug:slug>/overview/", views.plan_overview, name="overview"),
    path("plans/<slug:slug>/sections/<str:number>/", views.section_detail, name="section"),
]
