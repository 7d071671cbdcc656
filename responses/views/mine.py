"""Your responses: drafts to continue and submitted ones to read."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from responses.models import Response


@login_required
def my_responses(request):
    responses = Response.objects.filter(owner=request.user).select_related("plan", "respondent")
    return render(
        request, "responses/my_responses.html", {"responses": responses.order_by("-updated_at")}
    )
