from django.urls import path

from plan_import import views

app_name = "plan_import"

urlpatterns = [
    path("plans/import/", views.import_plan, name="import_plan"),
    path("plans/import/outline/", views.import_outline, name="import_outline"),
]
