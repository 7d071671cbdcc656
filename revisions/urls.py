from django.urls import path

from revisions import views

app_name = "revisions"
urlpatterns = [
    path("plans/<slug:slug>/versions/", views.versions, name="versions"),
    path("plans/<slug:slug>/versions/import/", views.import_revision, name="import"),
    path(
        "plans/<slug:slug>/versions/import/outline/",
        views.import_revision_outline,
        name="import_outline",
    ),
    path("plans/<slug:slug>/versions/<id:number>/", views.what_changed, name="what_changed"),
    path(
        "plans/<slug:slug>/versions/<id:number>/sections/<str:section>/",
        views.revised_section,
        name="revised_section",
    ),
    path(
        "plans/<slug:slug>/versions/<id:number>/quotes-to-check/",
        views.quotes_to_check,
        name="quotes_to_check",
    ),
    path(
        "plans/<slug:slug>/versions/<id:number>/matches/",
        views.correct_matches,
        name="correct_matches",
    ),
]
