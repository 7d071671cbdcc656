"""Creating an account without telling anyone whether an email address already has one.

Signing up always ends on the same "Check your email" page. What differs is the email, which only
the owner of the address reads: a link to finish creating the account, or, when the address
already has an account, a note saying someone tried to sign up with it and how to sign in or
reset the password. The account is made only when the link is followed and a password chosen.

The link carries the username and email address, signed (django.core.signing) so that nobody can
forge one, and works for as long as a password reset link. Nothing is stored until then: an
abandoned sign-up leaves no account behind to hold its username or address. Once an account has
the address, every link for it is spent, so a link never signs anyone in twice.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import login
from django.contrib.auth.models import Group, User
from django.core import signing
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse

SALT = "accounts.signup"
LINK_LIFETIME_SECONDS = settings.PASSWORD_RESET_TIMEOUT
LINK_LIFETIME_DAYS = LINK_LIFETIME_SECONDS // (24 * 60 * 60)
# Signed in with our own backend: django-axes's, listed first, only watches sign-in attempts.
BACKEND = "accounts.backends.ModelBackendReadingPermissionsOnce"


class LinkNotUsable(Exception):
    """A sign-up link that cannot finish an account; `reason` says why, for the page."""

    EXPIRED = "expired"  # forged, mangled or too old
    USED = "used"  # an account has the address already
    USERNAME_TAKEN = "username_taken"  # someone took the username after the link was sent

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def email_signup_link(*, request, username, email, next_url=None):
    """Email `email` a link to finish creating the account `username`, or, if the address already
    has an account, tell its owner instead; create and change nothing."""
    existing = list(User.objects.filter(email__iexact=email))
    context = {
        "username": username,
        "link_days": LINK_LIFETIME_DAYS,
        "sign_in_link": _absolute(request, reverse("login"), next_url),
        "reset_link": _absolute(request, reverse("password_reset")),
    }
    if existing:
        for account in existing:
            _send(
                "registration/signup_existing_email",
                {**context, "account": account},
                to=account.email,
            )
        return
    token = signing.dumps({"username": username, "email": email}, salt=SALT)
    finish_link = _absolute(request, reverse("signup_finish", args=[token]), next_url)
    _send("registration/signup_email", {**context, "finish_link": finish_link}, to=email)


def account_to_be(token):
    """The unsaved account a sign-up link is for; LinkNotUsable if it cannot finish one."""
    try:
        signed = signing.loads(token, salt=SALT, max_age=LINK_LIFETIME_SECONDS)
    except signing.BadSignature:  # SignatureExpired included
        raise LinkNotUsable(LinkNotUsable.EXPIRED) from None
    if User.objects.filter(email__iexact=signed["email"]).exists():
        raise LinkNotUsable(LinkNotUsable.USED)
    if User.objects.filter(username__iexact=signed["username"]).exists():
        raise LinkNotUsable(LinkNotUsable.USERNAME_TAKEN)
    return User(username=signed["username"], email=signed["email"])


def finish_signup(*, request, form):
    """Create the account `form` (a ChoosePasswordForm, valid) holds, as a respondent, and sign
    its owner in; LinkNotUsable if the same link finished an account a moment ago."""
    try:
        with transaction.atomic():
            user = form.save()
            # The group's permissions (made by migration accounts 0001) let the account respond.
            user.groups.add(Group.objects.get(name="Respondents"))
    except IntegrityError:  # the same username, saved by another request in the meantime
        raise LinkNotUsable(LinkNotUsable.USED) from None
    login(request, user, backend=BACKEND)
    return user


def _absolute(request, path, next_url=None):
    query = f"?{urlencode({'next': next_url})}" if next_url else ""
    return request.build_absolute_uri(f"{path}{query}")


def _send(template, context, *, to):
    subject = "".join(render_to_string(f"{template}_subject.txt", context).splitlines())
    send_mail(subject, render_to_string(f"{template}.txt", context), None, [to])
