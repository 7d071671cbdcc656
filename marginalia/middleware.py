"""When the database cannot be reached (it is restarting, or SQLite's write lock was not freed
in time), the reader is told to try again in a moment (503, Retry-After), not shown an error:
the transaction that failed saved nothing, and every write can be safely repeated."""

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.warning("Database unavailable for %s: %s", request.path, exception)
        # Rendered without the request: the page must not ask the database for the reader.
        page = HttpResponse(render_to_string("503.html"), status=503)
        page["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return page
