import pytest

from responses.models import Comment
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_seeded(client, seed):
    client.force_login(UserFactory(admin=True))
    return client


@pytest.mark.parametrize(
    "path",
    [
        "/admin/plans/plan/",
        "/admin/plans/section/",
        "/admin/plans/theme/",
        "/admin/responses/respondent/",
        "/admin/responses/response/",
        "/admin/responses/comment/",
        "/admin/officers/tag/",
        "/admin/officers/review/",
        "/admin/officers/commenttag/",
    ],
)
def test_admin_lists_every_model(admin_client_seeded, path):
    assert admin_client_seeded.get(path).status_code == 200


def test_admin_shows_a_plans_sections_inline(admin_client_seeded, seed):
    plan, _ = seed
    page = admin_client_seeded.get(f"/admin/plans/plan/{plan.pk}/change/")

    assert page.status_code == 200
    assert 'value="1.11"' in page.content.decode()


def test_admin_shows_a_comments_links_inline(admin_client_seeded):
    comment = Comment.objects.get(text__startswith="A key area of concern")
    html = admin_client_seeded.get(
        f"/admin/responses/comment/{comment.pk}/change/"
    ).content.decode()

    assert "Section links" in html
    assert "\nconsidered</textarea>" in html


def test_admin_shows_a_comments_history(admin_client_seeded):
    comment = Comment.objects.get(text__startswith="A key area of concern")

    page = admin_client_seeded.get(f"/admin/responses/comment/{comment.pk}/history/")

    assert page.status_code == 200
    assert "Created" in page.content.decode()


def test_admin_requires_staff(client, seed):
    page = client.get("/admin/plans/plan/")

    assert page.status_code == 302
    assert "/admin/login/" in page["Location"]
