"""Who may do officers' work: annotate comments and publish responses.

Reading is a separate rule, Response.objects.visible_to(user).
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from responses.models import reads_submitted_responses


def can_annotate(user):
    return user.is_authenticated and user.has_perm("officers.annotate_comment")


def can_publish(user):
    return user.is_authenticated and user.has_perm("responses.publish_response")


def officer_required(view):
    """Anonymous visitors are sent to sign in; signed-in users who are not officers get 403."""

    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        if not can_annotate(request.user):
            raise PermissionDenied("Only policy officers may annotate comments.")
        return view(request, *args, **kwargs)

    return wrapper


def reader_class(user):
    """What sets apart what `user` reads on the pages that show the critique (the critique's and
    the revisions'), besides their own name and drafts: whether they read the submitted
    responses (and the names publishing hides), and whether they get the officers' filters and
    tools. Readers of a class read the same pages (responses.caching.shared_fragment)."""
    reads = "submitted" if reads_submitted_responses(user) else "published"
    return f"{reads}:{'officer' if can_annotate(user) else 'reader'}"
