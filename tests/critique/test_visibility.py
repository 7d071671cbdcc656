"""No page, search or count shows an unpublished response to someone who may not see it."""

import pytest

from tests.arranging import sign_in
from tests.factories import UserFactory
from tests.page_text import visible_text

pytestmark = pytest.mark.django_db

PLAN = "/plans/noms-third-sector-action-plan/"


def pages(comment):
    response_id = comment.response.pk
    return [
        PLAN,
        f"{PLAN}sections/3.5/",
        "/search/?q=zebra",
        f"/responses/{response_id}/",
    ]


@pytest.mark.parametrize(
    ("who", "sees_submitted", "sees_draft"),
    [
        ("anonymous", False, False),
        ("another respondent", False, False),
        ("owner", True, True),
        ("officer", True, False),
        ("admin", True, False),
    ],
)
def test_who_sees_unpublished_comments_on_every_page(
    client, unpublished, who, sees_submitted, sees_draft
):
    sign_in(client, who, owner=unpublished["owner"])

    for path in pages(unpublished["submitted"])[:3]:
        text = visible_text(client.get(path))
        assert ("okapi" in text) == sees_submitted, (who, path)
        assert ("quokka" in text) == sees_draft, (who, path)


@pytest.mark.parametrize(
    ("who", "submitted_status", "draft_status"),
    [
        ("anonymous", 404, 404),
        ("another respondent", 404, 404),
        ("owner", 200, 200),
        ("officer", 200, 404),
        ("admin", 200, 404),
    ],
)
def test_who_may_open_an_unpublished_response(
    client, unpublished, who, submitted_status, draft_status
):
    sign_in(client, who, owner=unpublished["owner"])

    assert (
        client.get(f"/responses/{unpublished['submitted'].response.pk}/").status_code
        == submitted_status
    )
    assert client.get(f"/responses/{unpublished['draft'].response.pk}/").status_code == draft_status
    assert (
        client.get(f"/responses/{unpublished['submitted'].response.pk}/copy.txt").status_code
        == submitted_status
    )


def test_counts_leave_out_what_the_viewer_may_not_see(client, unpublished):
    anonymous = visible_text(client.get(f"{PLAN}sections/3.5/"))
    client.force_login(UserFactory(officer=True))
    officer = visible_text(client.get(f"{PLAN}sections/3.5/"))

    assert "2 comments on 3.5" in anonymous
    assert "3 comments on 3.5" in officer
