from django.urls import path

from plans import views

app_name = "plans"
urlpatterns = [
    path("", views.plan_list, name="plan_list"),
    path("plans/import/", views.import_plan, name="import_plan"),
    path("plans/import/outline/", views.import_outline, name="import_outline"),
]
