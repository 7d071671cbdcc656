"""A response as its respondent wrote it, to whoever may read it: its page and a copy to keep."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string

from officers.permissions import can_publish
from responses.selectors import readable_response


def _get_readable_response(request, pk):
    """The response if the user may read it; 404 otherwise, so hidden responses stay unknown."""
    response = readable_response(pk=pk, viewer=request.user)
    if response is None:
        raise Http404("No response with that number that you may read.")
    return response


def response_detail(request, pk):
    response = _get_readable_response(request, pk)
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


def response_copy(request, pk):
    """A plain-text copy of the response, to keep."""
    response = _get_readable_response(request, pk)
    text = render_to_string(
        "critique/response_copy.txt",
        {
            "response": response,
            "plan": response.plan,
            "respondent_name": response.name_shown_to(request.user),
            "shows_description": not response.name_hidden_from(request.user),
        },
    )
    download = HttpResponse(text, content_type="text/plain; charset=utf-8")
    name = response.reference or f"draft-response-{response.pk}"
    download["Content-Disposition"] = f'attachment; filename="{name}.txt"'
    return download
