from django.urls import path

from plans import views

app_name = "plans"
urlpatterns = [
    path("", views.plan_list, name="plan_list"),
    path("plans/<slug:slug>/sections.json", views.section_titles, name="section_titles"),
]
