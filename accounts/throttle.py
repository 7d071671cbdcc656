"""Limits per client address: whose address a request comes from, and how many attempts it may
make at what costs us an email (signing up, asking for a password reset).

`client_address` is the one rule for a request's address: django-axes locks sign-in by it
(AXES_CLIENT_IP_CALLABLE), the link-suggestions API throttles by it, and so does
`too_many_attempts` here. Behind a proxy REMOTE_ADDR is the proxy's; the proxy's header is
trusted only when settings.CLIENT_IP_HEADER names it (DJANGO_CLIENT_IP_HEADER), since any client
can send an X-Forwarded-For of its own to anyone who reads one blindly.
"""

import ipaddress

from django.conf import settings
from django.core.cache import cache

WINDOW_MINUTES = 15
# Enough for someone mistyping a few times, too few to try many usernames or to send many emails.
ATTEMPTS_PER_WINDOW = 10
TOO_MANY_ATTEMPTS = f"Too many attempts from your address. Try again in {WINDOW_MINUTES} minutes."


def client_address(request):
    """The address the request comes from: the last address in the header settings.CLIENT_IP_HEADER
    names, which is the one our own proxy wrote (those before it the client may have made up),
    else REMOTE_ADDR, as when the header is unset, missing or not an address."""
    header = getattr(settings, "CLIENT_IP_HEADER", "")
    forwarded = request.META.get(header, "") if header else ""
    candidate = forwarded.split(",")[-1].strip()
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return request.META.get("REMOTE_ADDR")


def too_many_attempts(request, *, action):
    """Count one attempt at `action` ("signup", "password_reset") from the request's address, and
    say whether that address has now made more than ATTEMPTS_PER_WINDOW in its window.

    The window starts at the address's first attempt and lasts WINDOW_MINUTES; the count lives in
    the cache (shared by every process when REDIS_URL is set), so it needs no table and no cleanup.
    """
    key = f"throttle:{action}:{client_address(request)}"
    window_seconds = WINDOW_MINUTES * 60
    cache.add(key, 0, timeout=window_seconds)
    try:
        attempts = cache.incr(key)
    except ValueError:  # the window ended between add and incr: this attempt starts a new one
        cache.set(key, 1, timeout=window_seconds)
        attempts = 1
    return attempts > ATTEMPTS_PER_WINDOW
