from django.urls import path

from officers import views

app_name = "officers"
urlpatterns = [
    path("comments/<id:pk>/", views.annotate, name="annotate"),
    path("comments/<id:pk>/revert/", views.revert, name="revert"),
    path("responses/<id:pk>/publication/", views.publication, name="publication"),
]
