from django.contrib import admin
from django.http import HttpResponse
from django.urls import include, path, register_converter

from marginalia.fields import DatabaseIdConverter

# Before the apps' URLs, which use it: `<id:pk>`, an id the database can hold.
register_converter(DatabaseIdConverter, "id")


def health(request):
    """For the load balancer: the app is up and serving."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("", include("plans.urls")),
    path("", include("plan_import.urls")),  # before critique: /plans/import/ is not a plan
    path("", include("intake.urls")),
    path("", include("revisions.urls")),
    path("", include("coding.urls")),
    path("", include("critique.urls")),
    path("", include("responses.urls")),
    path("", include("officers.urls")),
    path("", include("work.urls")),
    path("", include("privacy.urls")),
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("django.contrib.auth.urls")),
    path("api/", include("opendata.urls")),
    path("reports/", include("reports.urls")),
    path("admin/", admin.site.urls),
    path("health/", health, name="health"),
]
