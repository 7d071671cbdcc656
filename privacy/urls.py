from django.urls import path

from privacy import views

app_name = "privacy"
urlpatterns = [
    path("privacy/", views.respondents, name="respondents"),
    path("privacy/respondents/<int:pk>/erase/", views.erase, name="erase"),
    path("privacy/respondents/<int:pk>/data.zip", views.respondent_data, name="respondent_data"),
    path("my-data/", views.my_data, name="my_data"),
    path("my-data/your-data.zip", views.my_data_download, name="my_data_download"),
    path("plans/<slug:slug>/retention/", views.retention, name="retention"),
]
