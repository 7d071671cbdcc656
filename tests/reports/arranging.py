"""Arranging the summary report's tests: who said what, when, in which state."""

import datetime

from django.utils import timezone

from responses.models import Respondent, Response
from tests.factories import (
    CommentFactory,
    RespondentFactory,
    ResponseFactory,
    SectionLinkFactory,
)


def comment_by(
    plan,
    name,
    *,
    text="A comment.",
    section="2.8",
    status=Response.Status.SUBMITTED,
    submitted_on=None,
    kind=Respondent.Kind.ORGANISATION,
    owner=None,
    **comment_fields,
):
    """A comment by respondent `name` in a new response to `plan`, on `section` (None for the
    whole plan), submitted at noon on `submitted_on` (today by default)."""
    submitted = status != Response.Status.DRAFT
    when = timezone.make_aware(
        datetime.datetime.combine(submitted_on or timezone.localdate(), datetime.time(12))
    )
    response = ResponseFactory(
        plan=plan,
        respondent=RespondentFactory(name=name, kind=kind),
        status=status,
        owner=owner,
        submitted_at=when if submitted else None,
        reference=None if not submitted else f"R-{name[:20]}-{when:%Y%m%d}",
    )
    comment = CommentFactory(response=response, position=1, text=text, **comment_fields)
    if section:
        SectionLinkFactory(comment=comment, section=plan.sections.get(number=section))
    return comment
