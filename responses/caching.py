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
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404

from responses.models import Response

# Everything this project keeps in the cache is kept here, under one of a plan's generations:
# a new generation makes what was kept stale, so the timeout only frees the space of what
# nobody reads. Each kind is named in its key: "page" (the public's whole pages), "fragment"
# (the body readers of one class share), "figures" (critique.figures), "revision-counts"
# (revisions.selectors).
TIMEOUT = 60 * 60


def plan_key(kind, plan_id, generation, *parts):
    """The cache key of what is kept of `kind` for the plan at `generation`, told apart by
    `parts` (plain values, joined as they are)."""
    return ":".join(str(part) for part in (kind, plan_id, generation, *parts))


def kept(key, make):
    """What is kept under `key`, or, when nothing is, `make()`'s value, kept for next time."""
    value = cache.get(key)
    if value is None:
        value = make()
        cache.set(key, value, TIMEOUT)
    return value


def cached_for_the_public(plans_of_page, *, generation_of_page=None):
    """Cache the view's answers for anonymous readers. `plans_of_page(**view_kwargs)` is a
    queryset of the page's plan: the view is given it as `plan`, and there is no page (404)
    without it. The plan tells whether the reader owns responses to it (`reader_owns_responses`):
    their drafts change without a new generation, so what they read is never taken from a cache.
    `generation_of_page(**view_kwargs)`, if given, is a quicker way to the plan's id and
    generation, all a page read from the cache needs."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, **kwargs):
            if not _cacheable(request):
                plans = with_reader_ownership(plans_of_page(**kwargs), request.user)
                return view(request, plan=get_object_or_404(plans), **kwargs)
            # A page read from the cache needs no more of its plan than its generation.
            if generation_of_page is None:
                found = plans_of_page(**kwargs).values_list("pk", "generation").first()
            else:
                found = generation_of_page(**kwargs)
            if found is None:
                raise Http404("No such plan.")
            return _from_cache(
                request,
                found,
                lambda: view(
                    request,
                    plan=plans_of_page(**kwargs)
                    .annotate(reader_owns_responses=Value(False))
                    .get(pk=found[0]),
                    **kwargs,
                ),
            )

        return wrapper

    return decorator


def with_reader_ownership(plans, user):
    """`plans` annotated with `reader_owns_responses`: whether `user` owns responses to each,
    whose drafts change without a new generation, so that what they read is never shared."""
    if not user.is_authenticated:
        return plans.annotate(reader_owns_responses=Value(False))
    owned = Response.objects.filter(plan=OuterRef("pk"), owner_id=user.pk)
    return plans.annotate(reader_owns_responses=Exists(owned))


def cached_page(request, plan, respond):
    """`respond()`'s answer to `request`, about `plan`: from the cache for an anonymous reader
    when it is there, else made and, when it is a whole page of 200, kept."""
    return cached_page_of_generation(request, (plan.pk, plan.generation), respond)


def cached_page_of_generation(request, generation, respond):
    """cached_page, for a plan known only by its id and generation (`generation`:
    Plan.objects.generation_by_slug's pair), all a page read from the cache needs."""
    if not _cacheable(request):
        return respond()
    return _from_cache(request, generation, respond)


def _cacheable(request):
    return (
        request.method == "GET" and not request.user.is_authenticated and not _has_messages(request)
    )


def _from_cache(request, plan, respond):
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
        cache.set(key, (response.content, response["Content-Type"]), TIMEOUT)
        response["X-Cache"] = "miss"
    return response


def _page_key(request, plan):
    plan_id, generation = plan
    # The API writes absolute links, with the host asked; what the reader accepts chooses
    # between its formats (JSON or JSON-LD).
    asked = f"{request.get_host()} {request.get_full_path()} {request.META.get('HTTP_ACCEPT', '')}"
    return plan_key("page", plan_id, generation, hashlib.sha256(asked.encode()).hexdigest())


def _has_messages(request):
    """Whether a message waits to be shown: a page holding it is this reader's alone."""
    storage = messages.get_messages(request)
    waiting = bool(list(storage))
    storage.used = False  # looking must not use them up: the page still shows them
    return waiting


def shared_fragment(request, plan, render, *, readers, reader_owns_responses):
    """What `render()` returns (HTML, or a dict of HTML pieces) for this request's URL about
    `plan`, from the cache when a reader of the same class (`readers`:
    officers.permissions.reader_class) asked it since the last change.

    Below its heading, a page that shows the plan's critique (the plan's previews, a page of
    comments on a part, the figures, what a revision changed) is the same for every reader who
    reads alike and asks the same URL: it is kept under the plan's generation, which every
    write a reader could see bumps in its own transaction, so no reader is shown a body older
    than the last change. The page around it (the reader's name, their sign-out form, their
    messages) is rendered afresh for each request, so a signed-in reader's page is never
    another's. A reader who owns responses on the plan (`reader_owns_responses`) reads their
    own drafts, which change without a bump: their body is rendered afresh."""
    if reader_owns_responses:
        return render()
    url = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return kept(plan_key("fragment", plan.pk, plan.generation, readers, url), render)
