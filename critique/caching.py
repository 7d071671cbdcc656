"""The public's pages from the cache (Django's cache framework: Redis or each process's memory).

A page an anonymous reader asks for is kept under its plan's generation, which every change the
public would see bumps inside the transaction of the change (`Plan.objects.bump_generation`), so a
page is never read from the cache once what it shows has changed. Pages of signed-in readers are
never cached: they hold each reader's own tools, drafts and messages.
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
    """Cache the view's pages for anonymous readers. `plans_of_page(**view_kwargs)` is a queryset
    of the page's plan: the view is given it as `plan`, and there is no page (404) without it.
    The plan tells whether the reader owns responses to it (`reader_owns_responses`): their
    drafts change without a new generation, so what they read is never taken from the cache."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, **kwargs):
            plans = plans_of_page(**kwargs)
            owned = Response.objects.filter(plan=OuterRef("pk"), owner_id=request.user.pk)
            if request.user.is_authenticated:
                plans = plans.annotate(reader_owns_responses=Exists(owned))
            else:
                plans = plans.annotate(reader_owns_responses=Value(False))
            plan = get_object_or_404(plans)
            if request.method != "GET" or request.user.is_authenticated or _has_messages(request):
                return view(request, plan=plan, **kwargs)
            key = _page_key(plan, request.get_full_path())
            cached = cache.get(key)
            if cached is not None:
                content, content_type = cached
                return _page(content, content_type, "hit")
            response = view(request, plan=plan, **kwargs)
            if response.status_code == 200 and not response.streaming:
                cache.set(key, (response.content, response["Content-Type"]), PAGE_TIMEOUT)
                response["X-Cache"] = "miss"
            return response

        return wrapper

    return decorator


def _page_key(plan, full_path):
    path = hashlib.sha256(full_path.encode()).hexdigest()
    return f"critique:page:{plan.pk}:{plan.generation}:{path}"


def _page(content, content_type, state):
    page = HttpResponse(content, content_type=content_type)
    page["X-Cache"] = state
    return page


def _has_messages(request):
    """Whether a message waits to be shown: a page holding it is this reader's alone."""
    storage = messages.get_messages(request)
    waiting = bool(list(storage))
    storage.used = False  # looking must not use them up: the page still shows them
    return waiting
