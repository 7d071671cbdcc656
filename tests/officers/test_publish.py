import pytest

from responses.models import Respondent, Response
from tests.arranging import comment_on
from tests.factories import ResponseFactory, UserFactory
from tests.page_text import visible_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(seed):
    plan, _ = seed
    comment = comment_on(plan.sections.get(number="1.3"), text="Social enterprise needs detail.")
    Respondent.objects.filter(pk=comment.response.respondent_id).update(
        name="Jo Bloggs", kind="individual"
    )
    return comment.response


def publish(client, response, **data):
    return client.post(f"/responses/{response.pk}/publication/", {"action": "publish", **data})


def test_an_officer_publishes_a_submitted_response(client, submitted):
    client.force_login(UserFactory(officer=True))

    publish(client, submitted)
    client.logout()

    submitted.refresh_from_db()
    assert submitted.status == Response.Status.PUBLISHED
    assert "Social enterprise needs detail." in visible_text(
        client.get(f"/responses/{submitted.pk}/")
    )


def test_publishing_may_hide_an_individuals_name_without_touching_the_record(client, submitted):
    client.force_login(UserFactory(officer=True))
    publish(client, submitted, hide_name="on")
    officer_view = visible_text(client.get(f"/responses/{submitted.pk}/"))
    client.logout()

    public_pages = [
        visible_text(client.get(f"/responses/{submitted.pk}/")),
        visible_text(client.get("/plans/noms-third-sector-action-plan/sections/1.3/")),
        client.get(f"/responses/{submitted.pk}/copy.txt").content.decode(),
    ]
    for text in public_pages:
        assert "Jo Bloggs" not in text
        assert "Individual respondent" in text
    assert Respondent.objects.get(pk=submitted.respondent_id).name == "Jo Bloggs"
    assert (
        "Jo Bloggs" in officer_view and "shown publicly as ‘Individual respondent’" in officer_view
    )


def test_an_officer_unpublishes(client, submitted):
    client.force_login(UserFactory(officer=True))
    publish(client, submitted)

    client.post(f"/responses/{submitted.pk}/publication/", {"action": "unpublish"})
    client.logout()

    assert client.get(f"/responses/{submitted.pk}/").status_code == 404


def test_respondents_may_not_publish(client, submitted):
    client.force_login(UserFactory(respondent=True))

    assert publish(client, submitted).status_code == 403
    submitted.refresh_from_db()
    assert submitted.status == Response.Status.SUBMITTED


def test_a_draft_cannot_be_published(client, seed):
    plan, _ = seed
    draft = ResponseFactory(draft=True, plan=plan, owner=UserFactory(respondent=True))
    client.force_login(UserFactory(officer=True))

    assert publish(client, draft).status_code == 404  # an officer cannot even see others' drafts
    draft.refresh_from_db()
    assert draft.is_draft


def test_publishing_is_kept_in_the_responses_history(client, submitted):
    officer = UserFactory(officer=True)
    client.force_login(officer)

    publish(client, submitted)

    latest = submitted.history.latest()
    assert (latest.status, latest.history_user) == ("published", officer)
