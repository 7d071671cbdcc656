from django.urls import path

from responses.api import link_suggestions as api

app_name = "api"
urlpatterns = [
    path("plans/<slug:slug>/link-suggestions/", api.link_suggestions, name="link_suggestions"),
]
