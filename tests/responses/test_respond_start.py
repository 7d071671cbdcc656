import datetime

import pytest
from django.utils import timezone

from responses.models import Respondent, Response
from tests.factories import ResponseFactory, UserFactory
from tests.page_text import visible_text

pytestmark = pytest.mark.django_db

START = "/plans/noms-third-sector-action-plan/respond/"
WHO = {
    "kind": "organisation",
    "name": "Clinks",
    "description": "Supports voluntary organisations.",
    "method": "sections",
}


def test_the_plan_page_offers_to_respond(client, seed):
    html = client.get("/plans/noms-third-sector-action-plan/").content.decode()

    assert f'href="{START}"' in html
    assert "Respond to this consultation" in html


def test_responding_requires_signing_in(client, seed):
    page = client.get(START)

    assert page.status_code == 302
    assert page["Location"].startswith("/accounts/login/?next=")


def test_starting_creates_a_draft_owned_by_the_user(client, seed):
    user = UserFactory(respondent=True)
    client.force_login(user)

    page = client.post(START, WHO)

    draft = Response.objects.get(owner=user)
    assert draft.status == Response.Status.DRAFT
    assert draft.respondent.name == "Clinks"
    assert draft.respondent.kind == Respondent.Kind.ORGANISATION
    assert page["Location"] == f"/responses/{draft.pk}/comments/"


def test_choosing_to_paste_leads_to_the_paste_page(client, seed):
    client.force_login(UserFactory(respondent=True))

    page = client.post(START, {**WHO, "method": "paste"})

    assert page["Location"].endswith("/paste/")


def test_starting_again_continues_the_same_draft(client, seed):
    user = UserFactory(respondent=True)
    client.force_login(user)

    client.post(START, WHO)
    client.post(START, {**WHO, "kind": "individual", "name": "Jo Bloggs"})

    draft = Response.objects.get(owner=user)
    assert draft.respondent.name == "Jo Bloggs"


def test_who_is_responding_is_remembered_for_the_next_response(client, seed):
    plan, _ = seed
    user = UserFactory(respondent=True)
    client.force_login(user)
    client.post(START, WHO)
    Response.objects.filter(owner=user).update(
        status=Response.Status.SUBMITTED, submitted_at=timezone.now(), reference="NOMS-TSAP-999999"
    )

    html = client.get(START).content.decode()

    assert 'value="Clinks"' in html
    assert "Supports voluntary organisations." in html


def test_missing_answers_are_listed_in_the_error_summary(client, seed):
    client.force_login(UserFactory(respondent=True))

    page = client.post(START, {"kind": "", "name": "", "method": "sections"})

    text = visible_text(page)
    assert "There is a problem" in text
    assert "Enter your name or your organisation’s name." in text
    assert 'href="#id_name"' in page.content.decode()
    assert not Response.objects.exists() or Response.objects.count() == 1  # only the seed


def test_after_the_closing_date_no_response_can_be_started(client, seed):
    plan, _ = seed
    plan.closes_on = timezone.localdate() - datetime.timedelta(days=1)
    plan.save()
    client.force_login(UserFactory(respondent=True))

    page = client.post(START, WHO)

    assert page.status_code == 403
    assert "This consultation has closed" in visible_text(page)
    assert Response.objects.filter(status=Response.Status.DRAFT).count() == 0


def test_a_draft_is_404_to_another_user(client, seed):
    plan, _ = seed
    draft = ResponseFactory(draft=True, plan=plan, owner=UserFactory(respondent=True))
    client.force_login(UserFactory(respondent=True))

    for path in ["", "comments/", "paste/", "review/", "copy.txt"]:
        assert client.get(f"/responses/{draft.pk}/{path}").status_code == 404, path
    assert client.post(f"/responses/{draft.pk}/submit/", {"version": "0"}).status_code == 404


def test_a_new_description_leaves_what_a_submitted_response_says_of_its_respondent(client, seed):
    plan, _ = seed
    user = UserFactory(officer=True, respondent=True)
    submitted = ResponseFactory(
        plan=plan,
        owner=user,
        status=Response.Status.SUBMITTED,
        respondent__user=user,
        respondent__kind="organisation",
        respondent__name="Clinks",
        respondent__description="Supports voluntary organisations in prisons.",
    )
    client.force_login(user)

    client.post(START, {**WHO, "description": "A new line about us."})

    page = visible_text(client.get(f"/responses/{submitted.pk}/"))
    assert "Supports voluntary organisations in prisons." in page
    assert "A new line about us." not in page
    draft = Response.objects.get(owner=user, status=Response.Status.DRAFT)
    assert draft.respondent.description == "A new line about us."
    assert draft.respondent_id != submitted.respondent_id


def test_a_draft_alone_keeps_its_respondent_record_when_its_description_changes(client, seed):
    user = UserFactory(respondent=True)
    client.force_login(user)
    client.post(START, WHO)

    client.post(START, {**WHO, "description": "Said better."})

    assert Respondent.objects.filter(user=user).count() == 1
    assert Respondent.objects.get(user=user).description == "Said better."
