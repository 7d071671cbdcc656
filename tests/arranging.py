"""Arranging comments in tests: a comment on one of a plan's sections, in a new response of the
status asked for (submitted, draft or published), owned by a user or by nobody."""

from django.utils import timezone

from responses.models import Response
from tests.factories import CommentFactory, ResponseFactory, SectionLinkFactory


def comment_on(section, *, text, status=Response.Status.SUBMITTED, owner=None, **comment_fields):
    """A comment on `section` in a new response of the given status."""
    submitted = status != Response.Status.DRAFT
    response = ResponseFactory(
        plan=section.plan,
        status=status,
        owner=owner,
        submitted_at=timezone.now() if submitted else None,
        reference=None if not submitted else f"X-{text[:20]}-{timezone.now().timestamp()}",
    )
    comment = CommentFactory(response=response, position=1, text=text, **comment_fields)
    SectionLinkFactory(comment=comment, section=section)
    return comment
