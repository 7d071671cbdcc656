"""Where to send a user back to after a form: the `next` parameter, when it stays on this site."""

from django.utils.http import url_has_allowed_host_and_scheme


def safe_next_url(request, default=None):
    """The POST or GET `next` URL if it points at this site (never elsewhere); else `default`."""
    next_url = request.POST.get("next") or request.GET.get("next", "")
    if next_url and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return next_url
    return default
