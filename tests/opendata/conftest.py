"""Arranging what the API visibility tests read: comments not everyone may see."""

import pytest

from responses.models import Respondent, Response
from tests.factories import RespondentFactory
from tests.officers.officers import comment_on
from tests.responses.respond_helpers import make_user


@pytest.fixture
def hidden_individual(seed):
    """A published comment on 2.8 by an individual whose name publishing hid."""
    plan, _ = seed
    owner = make_user("jo")
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
