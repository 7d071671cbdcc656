"""Who may export the summary report: administrators, that is staff with the permission
reports.export_report (superusers have every permission).

What the report holds is a separate rule, Response.objects.visible_to(user).
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied


def can_export(user):
    return user.is_authenticated and user.is_staff and user.has_perm("reports.export_report")


def report_admin_required(view):
    """Anonymous visitors are sent to sign in; signed-in users who may not export get 403."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can_export(request.user):
            raise PermissionDenied("Only administrators may export the summary report.")
        return view(request, *args, **kwargs)

    return wrapper
