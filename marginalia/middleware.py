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


class NulCharacterMiddleware:
    """A NUL byte in a request's address, its query or a form field is refused with a clear 400:
    no page or query means one (PostgreSQL cannot store one), and a view must not be the place
    that finds out. Uploaded files are not fields: their readers judge their bytes."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _has_nul(request):
            return HttpResponse(
                "The request contains a NUL character, which no page of this site accepts.",
                status=400,
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)


def _has_nul(request):
    if "\x00" in request.path:
        return True
    if any("\x00" in text for key, values in request.GET.lists() for text in (key, *values)):
        return True
    # The API reads JSON only, through its own parsers: its body is left for them to read.
    if (
        request.method == "POST"
        and request.content_type in FORM_CONTENT_TYPES
        and not request.path.startswith(API_PATH)
    ):
        return any(
            "\x00" in text for key, values in request.POST.lists() for text in (key, *values)
        )
    return False


FORM_CONTENT_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
API_PATH = "/api/"
