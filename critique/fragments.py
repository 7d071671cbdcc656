"""The body of a critique page, kept in the cache for every reader of its class.

Below its heading, a critique page (the plan's previews, a page of comments on a part, the
figures) is the same for every reader who reads alike (critique.readers.reader_class) and asks
the same URL: it is kept in the cache under the plan's generation, which every write a reader
could see bumps in its own transaction, so no reader is shown a body older than the last change.
The page around it (the reader's name, their sign-out form, their messages) is rendered afresh
for each request, so a signed-in reader's page is never another's. A reader who owns responses
on the plan reads their own drafts, which change without a bump: their body is rendered afresh.
"""

import hashlib

from django.core.cache import cache

from critique.readers import reader_class

# A new generation makes a body stale; the timeout only frees the space of bodies nobody reads.
FRAGMENT_TIMEOUT = 60 * 60


def shared_fragment(request, plan, render):
    """What `render()` returns (HTML, or a dict of HTML pieces) for this request's URL about
    `plan`, from the cache when a reader of the same class asked it since the last change."""
    if plan.reader_owns_responses:
        return render()
    url = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    key = f"critique:fragment:{plan.pk}:{plan.generation}:{reader_class(request.user)}:{url}"
    fragment = cache.get(key)
    if fragment is None:
        fragment = render()
        cache.set(key, fragment, FRAGMENT_TIMEOUT)
    return fragment
