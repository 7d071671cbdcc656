"""The public's pages and API answers from the cache (Django's cache framework: Redis, or each
process's memory).

What an anonymous reader asks of a plan is kept under the plan's generation, which every change a
reader could see bumps inside the transaction of the change (`Plan.objects.bump_generation`), so
nothing is read from the cache once what it shows has changed. What signed-in readers ask is never
cached: it holds each reader's own tools, drafts and messages.
"""

import hashlib
from functools import wraps

from django.contrib import messages
from django.core.cache import cache
from django.db.models import Exists, OuterRef, Value
from django.http import HttpResponse
from django.shortcuts import get_object_or_404

from responses.models import Response

# A new generation makes a page stale; the timeout only frees the space of pages nobody reads.
PAGE_TIMEOUT = 60 * 60


def cached_for_the_public(plans_of_page):
    """Cache the view's answers for anonymous readers. `plans_of_page(**view_kwargs)` is a
    queryset of the page's plan: the view is given it as `plan`, and there is no page (404)
    without it. The plan tells whether the reader owns responses to it (`reader_owns_responses`):
    their drafts change without a new generation, so what they read is never taken from a cache."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, **kwargs):
            plans = plans_of_page(**kwargs)
            if request.user.is_authenticated:
                owned = Response.objects.filter(plan=OuterRef("pk"), owner_id=request.user.pk)
                plans = plans.annotate(reader_owns_responses=Exists(owned))
            else:
                plans = plans.annotate(reader_owns_responses=Value(False))
            plan = get_object_or_404(plans)
            return cached_page(request, plan, lambda: view(request, plan=plan, **kwargs))

        return wrapper

    return decorator


def cached_page(request, plan, respond):
    """`respond()`'s answer to `request`, about `plan`: from the cache for an anonymous reader
    when it is there, else made and, when it is a whole page of 200, kept."""
    if request.method != "GET" or request.user.is_authenticated or _has_messages(request):
        return respond()
    key = _page_key(request, plan)
    cached = cache.get(key)
    if cached is not None:
        content, content_type = cached
        page = HttpResponse(content, content_type=content_type)
        page["X-Cache"] = "hit"
        return page
    response = respond()
    if hasattr(response, "render") and not response.is_rendered:  # an API answer, say
        response.render()
    if response.status_code == 200 and not response.streaming:
        cache.set(key, (response.content, response["Content-Type"]), PAGE_TIMEOUT)
        response["X-Cache"] = "miss"
    return response


def _page_key(request, plan):
    # The API writes absolute links, with the host asked; what the reader accepts chooses
    # between its formats (JSON or JSON-LD).
    asked = f"{request.get_host()} {request.get_full_path()} {request.META.get('HTTP_ACCEPT', '')}"
    digest = hashlib.sha256(asked.encode()).hexdigest()
    return f"page:{plan.pk}:{plan.generation}:{digest}"


def _has_messages(request):
    """Whether a message waits to be shown: a page holding it is this reader's alone."""
    storage = messages.get_messages(request)
    waiting = bool(list(storage))
    storage.used = False  # looking must not use them up: the page still shows them
    return waiting
