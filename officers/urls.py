from django.urls import path

from officers import campaign_views, views

app_name = "officers"
urlpatterns = [
    path("comments/<id:pk>/", views.annotate, name="annotate"),
    path("comments/<id:pk>/revert/", views.revert, name="revert"),
    path("comments/<id:pk>/redactions/", views.redactions, name="redactions"),
    path("responses/<id:pk>/publication/", views.publication, name="publication"),
    path("responses/<id:pk>/consent-to-publish/", views.consent, name="consent"),
    path("plans/<slug:slug>/campaigns/", campaign_views.campaigns, name="campaigns"),
    path("campaigns/<id:pk>/", campaign_views.campaign, name="campaign"),
    path(
        "campaigns/<id:pk>/redactions/",
        campaign_views.campaign_redactions,
        name="campaign_redactions",
    ),
    path("responses/<id:pk>/split-out/", campaign_views.split_out_member, name="split_out"),
]
