"""Creating an account. Signing in and out and passwords are Django's auth views (see urls.py)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.models import Group
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from accounts.forms import SignUpForm
from marginalia.next_url import safe_next_url


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
        return redirect(safe_next_url(request) or settings.LOGIN_REDIRECT_URL)
    return render(
        request, "registration/signup.html", {"form": form, "next": safe_next_url(request)}
    )
