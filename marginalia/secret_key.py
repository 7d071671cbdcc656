"""The secret key is required with debug off (production), from DJANGO_SECRET_KEY; with debug
on, marginalia.settings puts a development key in its place.

Commands that sign nothing (makemigrations, migrate, collectstatic) run without it, so a
newcomer's first `manage.py` command works; serving requests (marginalia.wsgi) and
`check --deploy` refuse to go on without it, saying what to set.
"""

from django.conf import settings
from django.core.checks import Error, register
from django.core.exceptions import ImproperlyConfigured

MISSING = "Set DJANGO_SECRET_KEY when DJANGO_DEBUG is off."


def is_missing():
    try:
        return not settings.SECRET_KEY
    except ImproperlyConfigured:  # Django's own refusal of an empty key
        return True


def require_secret_key():
    """Before serving a request: stop, saying what to set, if there is no key."""
    if is_missing():
        raise ImproperlyConfigured(MISSING)


@register(deploy=True)
def check_secret_key(app_configs, **kwargs):
    return [Error(MISSING, id="marginalia.E001")] if is_missing() else []
