from django.urls import path

app_name = "reports"
urlpatterns: list = []  # the summary report's formats, being built
