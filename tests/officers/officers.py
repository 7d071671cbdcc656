"""Arranging officers and unpublished responses in tests."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from responses.models import Response
from tests.factories import CommentFactory, ResponseFactory, SectionLinkFactory


def make_officer(username="officer"):
    officer = get_user_model().objects.create_user(
        username, f"{username}@example.org", "pw-long-enough-1"
    )
    officer.groups.add(Group.objects.get(name="Policy officers"))
    return officer


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
