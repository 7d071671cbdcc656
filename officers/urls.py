from django.urls import path

from officers import views

app_name = "officers"
urlpatterns = [
    path("comments/<int:pk>/", views.annotate, name="annotate"),
    path("comments/<int:pk>/revert/", views.revert, name="revert"),
    path("responses/<int:pk>/publication/", views.publication, name="publication"),
]
