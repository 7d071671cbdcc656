from django.urls import path

from work import views

app_name = "work"
urlpatterns = [
    path("work/", views.home, name="home"),
    path("plans/<slug:slug>/moderation/", views.moderation, name="moderation"),
]
