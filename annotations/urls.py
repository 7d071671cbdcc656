from django.urls import path

from annotations import views

app_name = "annotations"
urlpatterns = [
    path("comments/<int:pk>/", views.comment_annotations, name="comment"),
    path("comments/<int:pk>/revert/", views.revert, name="revert"),
    path("responses/<int:pk>/publication/", views.publication, name="publication"),
]
