from django.urls import path

from intake import views

app_name = "intake"
urlpatterns = [
    path("plans/<slug:slug>/imports/", views.batches, name="batches"),
    path("plans/<slug:slug>/imports/new/", views.new_import, name="new_import"),
    path("plans/<slug:slug>/imports/record/", views.record, name="record"),
    path("plans/<slug:slug>/links-to-check/", views.links_to_check, name="links_to_check"),
    path("imports/<id:pk>/", views.batch_detail, name="batch"),
    path("plans/<slug:slug>/imports/survey/", views.new_survey, name="new_survey"),
    path("imports/<id:pk>/mapping/", views.mapping, name="mapping"),
    path("imports/<id:pk>/confirm/", views.confirm, name="confirm"),
    path("imports/<id:pk>/progress.json", views.progress, name="progress"),
    path("imports/documents/<id:pk>/original", views.original, name="original"),
]
