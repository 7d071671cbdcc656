"""Reading one response as its respondent wrote it: the copy to keep, and the look-up every page
of a response uses."""

from django.http import Http404, HttpResponse
from django.template.loader import render_to_string

from responses.selectors import readable_response


def get_readable_response(request, pk):
    """The response if the user may read it; 404 otherwise, so hidden responses stay unknown."""
    response = readable_response(pk=pk, viewer=request.user)
    if response is None:
        raise Http404("No response with that number that you may read.")
    return response


def response_copy(request, pk):
    """A plain-text copy of the response, to keep."""
    response = get_readable_response(request, pk)
    text = render_to_string(
        "responses/response_copy.txt",
        {
            "response": response,
            "plan": response.plan,
            "respondent_name": response.name_shown_to(request.user),
            "shows_description": not response.name_hidden_from(request.user),
            "user": request.user,
        },
    )
    download = HttpResponse(text, content_type="text/plain; charset=utf-8")
    name = response.reference or f"draft-response-{response.pk}"
    download["Content-Disposition"] = f'attachment; filename="{name}.txt"'
    return download
