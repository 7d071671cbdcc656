"""Account pages. Django's auth views are routed here first so they use the GOV.UK forms;
marginalia/urls.py then includes django.contrib.auth.urls for the rest (logout, the done pages)."""

from django.contrib.auth import views as auth_views
from django.urls import path

from accounts import views
from accounts.forms import ChangePasswordForm, NewPasswordForm, SignInForm

urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("signup/sent/", views.signup_sent, name="signup_sent"),
    path("signup/finish/<str:token>/", views.signup_finish, name="signup_finish"),
    path("login/", auth_views.LoginView.as_view(form_class=SignInForm), name="login"),
    path("password_reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(form_class=NewPasswordForm),
        name="password_reset_confirm",
    ),
    path(
        "password_change/",
        auth_views.PasswordChangeView.as_view(form_class=ChangePasswordForm),
        name="password_change",
    ),
]
