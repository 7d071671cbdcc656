"""Pages that show a response as its respondent wrote it."""

from django.http import Http404
from django.shortcuts import render

from responses.selectors import readable_response


def response_detail(request, pk):
    response = readable_response(pk=pk, viewer=request.user)
    if response is None:
        raise Http404("No response with that number that you may read.")
    return render(
        request, "responses/response_detail.html", {"response": response, "plan": response.plan}
    )
