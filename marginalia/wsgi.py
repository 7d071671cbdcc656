"""WSGI entry point, for gunicorn and other servers."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marginalia.settings")
application = get_wsgi_application()

from marginalia.secret_key import require_secret_key  # noqa: E402  (once Django is set up)

require_secret_key()
