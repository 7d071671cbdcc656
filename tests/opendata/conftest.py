"""Arranging what the API visibility tests read: comments not everyone may see."""

import pytest

from responses.models import Respondent, Response
from tests.arranging import comment_on
from tests.factories import RespondentFactory, UserFactory


@pytest.fixture
def hidden_individual(seed):
    """A published comment on 2.8 by an individual whose name publishing hid."""
    plan, _ = seed
    owner = UserFactory(respondent=True)
    comment = comment_on(
        plan.sections.get(number="2.8"),
        text="Hidden name walrus",
        status=Response.Status.PUBLISHED,
        owner=owner,
    )
    comment.response.respondent = RespondentFactory(
        name="Jo Bloggs", kind=Respondent.Kind.INDIVIDUAL, user=owner
    )
    comment.response.hide_respondent_name = True
    comment.response.save()
    return comment
