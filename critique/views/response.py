"""A response as its respondent wrote it, to whoever may read it, with officers' publication."""

from django.shortcuts import render

from intake.models import ImportedDocument
from officers.permissions import can_annotate, can_publish
from plans.models import Plan
from responses.caching import cached_for_the_public
from responses.models import Response
from responses.views.reading import get_readable_response


@cached_for_the_public(
    lambda pk: Plan.objects.filter(responses__pk=pk),
    generation_of_page=lambda pk: Response.objects.plan_generation_of(pk),
)
def response_detail(request, pk, plan):
    response = get_readable_response(request, pk)
    return render(
        request,
        "critique/response.html",
        {
            "response": response,
            "plan": response.plan,
            "is_owner": response.is_owned_by(request.user),
            "can_publish": can_publish(request.user) and not response.is_draft,
            # Officers see the campaign a response is in, and split it out there.
            "officer": can_annotate(request.user),
            # Officers download the document a response was imported from, beside it.
            "original": ImportedDocument.objects.filter(response=response)
            .only("pk", "filename", "cells")
            .first()
            if can_annotate(request.user)
            else None,
        },
    )
