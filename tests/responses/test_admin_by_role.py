"""Responses in the admin by role: a staff account that is a respondent too (every sign-up is)
sees none of them; an officer sees what the site shows them and may not publish without the
permission to; no one reads another's draft there."""

import pytest

from responses.models import Response
from tests.arranging import comment_on
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def responses(seed):
    plan, published = seed
    section = plan.sections.get(number="3.5")
    submitted = comment_on(section, text="Submitted").response
    draft = comment_on(section, text="Drafted", status=Response.Status.DRAFT).response
    return published, submitted, draft


def _staff_respondent():
    user = UserFactory(respondent=True, is_staff=True)
    assert user.groups.filter(name="Respondents").exists()
    return user


@pytest.mark.parametrize(
    "url",
    [
        "/admin/responses/response/",
        "/admin/responses/comment/",
        "/admin/responses/respondent/",
        "/admin/responses/campaign/",
        "/admin/responses/campaigngrouping/",
    ],
)
def test_a_staff_respondent_sees_no_responses_in_the_admin(client, responses, url):
    client.force_login(_staff_respondent())

    assert client.get(url).status_code == 403


def test_a_staff_respondent_cannot_open_or_change_a_response(client, responses):
    _published, submitted, draft = responses
    client.force_login(_staff_respondent())

    for response in (submitted, draft):
        assert client.get(f"/admin/responses/response/{response.pk}/change/").status_code == 403
    posted = client.post(
        f"/admin/responses/response/{submitted.pk}/change/", {"status": "published"}
    )
    assert posted.status_code == 403
    submitted.refresh_from_db()
    assert submitted.status == "submitted"
    assert "Responses" not in client.get("/admin/").content.decode()


def test_an_officer_reads_submitted_responses_but_no_draft(client, responses):
    published, submitted, draft = responses
    officer = UserFactory(officer=True, is_staff=True)
    client.force_login(officer)

    listing = client.get("/admin/responses/response/")

    assert listing.status_code == 200
    shown = set(listing.context["cl"].queryset.values_list("pk", flat=True))
    assert {published.pk, submitted.pk} <= shown
    assert draft.pk not in shown
    assert client.get(f"/admin/responses/response/{draft.pk}/change/").status_code == 302


def test_an_officer_without_the_publish_permission_cannot_publish_in_the_admin(client, responses):
    _published, submitted, _draft = responses
    officer = UserFactory(
        is_staff=True,
        permissions=[
            "responses.view_submitted_response",
            "responses.view_response",
            "responses.change_response",
        ],
    )
    assert not officer.has_perm("responses.publish_response")
    client.force_login(officer)

    form = client.get(f"/admin/responses/response/{submitted.pk}/change/")

    assert form.status_code == 200
    assert "status" not in form.context["adminform"].form.fields
    assert "hide_respondent_name" not in form.context["adminform"].form.fields


def test_an_admin_still_manages_responses(client, responses):
    _published, submitted, _draft = responses
    client.force_login(UserFactory(admin=True))

    assert client.get("/admin/responses/response/").status_code == 200
    form = client.get(f"/admin/responses/response/{submitted.pk}/change/")
    assert "status" in form.context["adminform"].form.fields
