"""Creating an account. Signing in and out and passwords are Django's auth views (see urls.py)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.models import Group
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from accounts.forms import SignUpForm


@require_http_methods(["GET", "POST"])
def signup(request):
    if request.user.is_authenticated:
        return redirect(settings.LOGIN_REDIRECT_URL)
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        # The group's permissions (made by migration accounts 0001) let the account respond.
        user.groups.add(Group.objects.get(name="Respondents"))
        login(request, user)
        messages.success(request, f"Your account is ready. You are signed in as {user}.")
        return redirect(_safe_next(request) or settings.LOGIN_REDIRECT_URL)
    return render(request, "registration/signup.html", {"form": form, "next": _safe_next(request)})


def _safe_next(request):
    """The page to return to after signing up, if it is on this site; otherwise None."""
    next_url = request.POST.get("next", request.GET.get("next", ""))
    if url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return next_url
    return None
