"""Arranging what the visibility tests tell apart: a comment in a response of the status asked
for (submitted, draft or published), and the test client signed in as each kind of reader."""

from django.utils import timezone

from responses.models import Response
from tests.factories import CommentFactory, ResponseFactory, SectionLinkFactory, UserFactory

READERS = ["anonymous", "another respondent", "owner", "officer", "admin"]


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


def sign_in(client, who, *, owner=None):
    """Sign `client` in as one of READERS: nobody, a respondent who is not `owner`, `owner`
    themselves, a policy officer or an admin."""
    users = {
        "anonymous": lambda: None,
        "another respondent": lambda: UserFactory(respondent=True),
        "owner": lambda: owner,
        "officer": lambda: UserFactory(officer=True),
        "admin": lambda: UserFactory(admin=True),
    }
    user = users[who]()
    if user is not None:
        client.force_login(user)
