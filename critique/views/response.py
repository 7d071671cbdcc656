"""A response as its respondent wrote it, to whoever may read it, with officers' publication."""

from django.shortcuts import render

from officers.permissions import can_publish
from responses.views.reading import get_readable_response


def response_detail(request, pk):
    response = get_readable_response(request, pk)
    return render(
        request,
        "critique/response.html",
        {
            "response": response,
            "plan": response.plan,
            "is_owner": response.is_owned_by(request.user),
            "can_publish": can_publish(request.user) and not response.is_draft,
        },
    )
