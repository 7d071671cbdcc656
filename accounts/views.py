"""Creating an account, the pages that refuse too many attempts, and the password reset views
that need more than Django's own. Signing in and out is Django's auth views (see urls.py)."""

from axes.helpers import get_cool_off
from axes.utils import reset as unlock_sign_in
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from accounts.forms import ChoosePasswordForm, ResetPasswordForm, SignUpForm
from accounts.signup import (
    LINK_LIFETIME_DAYS,
    LinkNotUsable,
    account_to_be,
    email_signup_link,
    finish_signup,
)
from accounts.throttle import TOO_MANY_ATTEMPTS, too_many_attempts
from marginalia.next_url import safe_next_url


@require_http_methods(["GET", "POST"])
def signup(request):
    """The first step: a username and an email address; then, whatever the address, "Check your
    email" (accounts/signup.py says why)."""
    if request.user.is_authenticated:
        return redirect(settings.LOGIN_REDIRECT_URL)
    form = SignUpForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if too_many_attempts(request, action="signup"):
            form.refuse(TOO_MANY_ATTEMPTS)
            status = 429
        elif form.is_valid():
            email_signup_link(
                request=request,
                username=form.cleaned_data["username"],
                email=form.cleaned_data["email"],
                next_url=safe_next_url(request),
            )
            return redirect("signup_sent")
    return render(
        request,
        "registration/signup.html",
        {"form": form, "next": safe_next_url(request)},
        status=status,
    )


@require_GET
def signup_sent(request):
    return render(request, "registration/signup_sent.html", {"link_days": LINK_LIFETIME_DAYS})


@require_http_methods(["GET", "POST"])
def signup_finish(request, token):
    """The last step, from the emailed link: choose a password, and the account is made and
    signed in."""
    try:
        form = ChoosePasswordForm(account_to_be(token), request.POST or None)
        if request.method == "POST" and form.is_valid():
            user = finish_signup(request=request, form=form)
            messages.success(request, f"Your account is ready. You are signed in as {user}.")
            return redirect(safe_next_url(request) or settings.LOGIN_REDIRECT_URL)
    except LinkNotUsable as unusable:
        return render(
            request,
            "registration/signup_link_unusable.html",
            {"reason": unusable.reason, "link_days": LINK_LIFETIME_DAYS},
        )
    return render(request, "registration/signup_finish.html", {"form": form})


class PasswordResetView(auth_views.PasswordResetView):
    """Django's, refusing an address that has asked too often: each request sends an email."""

    form_class = ResetPasswordForm

    def post(self, request, *args, **kwargs):
        if too_many_attempts(request, action="password_reset"):
            form = self.get_form()
            form.refuse(TOO_MANY_ATTEMPTS)
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Django's; a new password set from the emailed link also ends a lock on signing in to the
    account, as the lockout page promises: whoever set it has shown the address is theirs."""

    def form_valid(self, form):
        response = super().form_valid(form)
        unlock_sign_in(username=form.user.get_username())
        return response


def locked_out(request, original_response=None, credentials=None):
    """What django-axes answers a sign-in it refuses (AXES_LOCKOUT_CALLABLE): a page saying for
    how long, and what to do meanwhile, rather than a bare 403."""
    minutes = int(get_cool_off(request).total_seconds() // 60)
    return render(
        request,
        "registration/locked_out.html",
        {"minutes": minutes, "failure_limit": settings.AXES_FAILURE_LIMIT},
        status=429,
    )
