from django.urls import path

from coding import views

app_name = "coding"
urlpatterns = [
    path("plans/<slug:slug>/codes/", views.frame, name="frame"),
    path("plans/<slug:slug>/codes/suggest/", views.suggest, name="suggest"),
    path("plans/<slug:slug>/codes/suggest-codes/", views.suggest_codes, name="suggest_codes"),
    path("plans/<slug:slug>/coding-frame.csv", views.frame_download, name="frame_csv"),
    path("plans/<slug:slug>/codings.csv", views.codings_download, name="codings_csv"),
    path("plans/<slug:slug>/codes/import/", views.upload, name="upload"),
    path("plans/<slug:slug>/codes/publication/", views.publication, name="publication"),
    path("plans/<slug:slug>/codes/apply/", views.code_in_bulk, name="bulk"),
    path("suggestions/<int:pk>/", views.suggestions, name="suggestions"),
    path("suggested-themes/<int:pk>/", views.decide_theme, name="decide_theme"),
    path("codes/<int:pk>/", views.code_page, name="code"),
    path("codings/<int:pk>/", views.assignment, name="assignment"),
    path("comments/<int:pk>/codes/", views.comment_codes, name="comment"),
    path("plans/<slug:slug>/agreement/", views.samples, name="samples"),
    path("samples/<int:pk>/", views.sample, name="sample"),
    path("samples/<int:pk>/code/", views.second_coding, name="second_coding"),
    path("sample-items/<int:pk>/resolve/", views.resolve_item, name="resolve"),
]
