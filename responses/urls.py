from django.urls import path

from responses.views import mine, reading, respond

app_name = "responses"
urlpatterns = [
    path("plans/<slug:slug>/respond/", respond.start, name="respond"),
    path("responses/mine/", mine.my_responses, name="mine"),
    path("responses/<id:pk>/copy.txt", reading.response_copy, name="copy"),
    path("responses/<id:pk>/comments/", respond.edit_comments, name="edit_comments"),
    path("responses/<id:pk>/paste/", respond.paste, name="paste"),
    path("responses/<id:pk>/consent/", respond.consent, name="consent"),
    path("responses/<id:pk>/review/", respond.review, name="review"),
    path("responses/<id:pk>/submit/", respond.submit, name="submit"),
    path("responses/<id:pk>/submitted/", respond.submitted, name="submitted"),
]
