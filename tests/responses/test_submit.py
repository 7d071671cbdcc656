import datetime

import pytest
from django.utils import timezone

from responses.drafts import submit_response
from responses.models import Response
from tests.factories import CommentFactory, PlanFactory, ResponseFactory, UserFactory
from tests.page_text import visible_text
from tests.responses.respond_helpers import comment_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(client, seed):
    plan, _ = seed
    user = UserFactory(respondent=True, email="jo@example.org")
    client.force_login(user)
    draft = ResponseFactory(draft=True, plan=plan, owner=user)
    section = str(plan.sections.get(number="2.8").pk)
    client.post(
        f"/responses/{draft.pk}/comments/",
        comment_form_data(
            [{"text": "Demonstration projects help.", "stance": "welcomes", "sections": [section]}],
            version=0,
        ),
    )
    draft.refresh_from_db()
    return draft


def submit(client, draft, version=None):
    return client.post(
        f"/responses/{draft.pk}/submit/",
        {"version": str(draft.version if version is None else version)},
    )


def test_review_shows_the_response_beside_the_sections_it_critiques(client, draft):
    text = visible_text(client.get(f"/responses/{draft.pk}/review/"))

    assert "Check your response before you submit it" in text
    assert "Section 2.8" in text and "Demonstration projects help." in text
    assert "Section 1.11" not in text  # only the sections this response critiques


def test_submitting_gives_a_reference_a_confirmation_page_and_an_email(
    client, draft, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = submit(client, draft)

    draft.refresh_from_db()
    assert draft.status == Response.Status.SUBMITTED
    assert draft.reference == "NOMS-TSAP-000002"  # the plan's second, after the seed's
    assert page["Location"] == f"/responses/{draft.pk}/submitted/"
    text = visible_text(client.get(page["Location"]))
    assert "Response submitted" in text and draft.reference in text
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["jo@example.org"]
    assert draft.reference in mailoutbox[0].subject and draft.reference in mailoutbox[0].body
    assert "your responses page:\nhttp://testserver/responses/mine/\n" in mailoutbox[0].body


def test_submitting_twice_creates_one_response_and_one_email(
    client, draft, mailoutbox, django_capture_on_commit_callbacks
):
    version = draft.version
    with django_capture_on_commit_callbacks(execute=True):
        first = submit(client, draft, version)
        second = submit(client, draft, version)  # a double click or a refresh

    assert first["Location"] == second["Location"]
    assert Response.objects.filter(owner=draft.owner).count() == 1
    assert len(mailoutbox) == 1


def test_a_submission_whose_email_never_went_is_confirmed_when_submitted_again(
    client, draft, mailoutbox, django_capture_on_commit_callbacks
):
    version = draft.version
    submit(client, draft, version)  # committed, then the process died before its email went
    assert mailoutbox == []

    with django_capture_on_commit_callbacks(execute=True):
        again = submit(client, draft, version)  # the respondent saw an error and tries again

    assert again["Location"] == f"/responses/{draft.pk}/submitted/"
    assert len(mailoutbox) == 1
    draft.refresh_from_db()
    assert draft.reference in mailoutbox[0].subject

    with django_capture_on_commit_callbacks(execute=True):
        submit(client, draft, version)
    assert len(mailoutbox) == 1


def test_a_submitted_response_is_read_only_for_its_respondent(client, draft):
    submit(client, draft)

    page = client.get(f"/responses/{draft.pk}/comments/", follow=True)
    client.post(
        f"/responses/{draft.pk}/comments/",
        comment_form_data([{"text": "Changed!", "stance": "general", "general": "on"}], version=99),
    )

    assert "can no longer be changed" in visible_text(page)
    assert list(draft.comments.values_list("text", flat=True)) == ["Demonstration projects help."]
    assert client.get(f"/responses/{draft.pk}/").status_code == 200


def test_the_respondent_can_download_a_copy(client, draft):
    submit(client, draft)

    download = client.get(f"/responses/{draft.pk}/copy.txt")

    assert download["Content-Disposition"] == 'attachment; filename="NOMS-TSAP-000002.txt"'
    text = download.content.decode()
    assert "Demonstration projects help." in text and "on section 2.8" in text
    draft.refresh_from_db()
    assert f"Status: Submitted (on {draft.submitted_at:%-d %B %Y}, " in text


def test_after_the_closing_date_a_draft_cannot_be_submitted(client, draft):
    draft.plan.closes_on = timezone.localdate() - datetime.timedelta(days=1)
    draft.plan.save()

    page = submit(client, draft)

    assert page.status_code == 403
    assert "This consultation has closed" in visible_text(page)
    draft.refresh_from_db()
    assert draft.status == Response.Status.DRAFT


def test_an_empty_draft_cannot_be_submitted(client, seed):
    plan, _ = seed
    user = UserFactory(respondent=True)
    client.force_login(user)
    empty = ResponseFactory(draft=True, plan=plan, owner=user)

    page = submit(client, empty)

    assert page["Location"] == f"/responses/{empty.pk}/comments/"
    empty.refresh_from_db()
    assert empty.is_draft


def test_submitted_responses_are_read_by_officers_but_not_the_public(client, draft):
    submit(client, draft)
    client.logout()
    assert client.get(f"/responses/{draft.pk}/").status_code == 404
    assert "Demonstration projects help." not in visible_text(
        client.get("/plans/noms-third-sector-action-plan/")
    )

    client.force_login(UserFactory(officer=True))

    assert client.get(f"/responses/{draft.pk}/").status_code == 200
    section_page = visible_text(client.get("/plans/noms-third-sector-action-plan/sections/2.8/"))
    assert "Demonstration projects help." in section_page
    assert "Submitted, not published" in section_page


def test_my_responses_lists_only_the_users_own(client, draft, seed):
    ResponseFactory(draft=True, plan=draft.plan, owner=UserFactory(respondent=True))

    text = visible_text(client.get("/responses/mine/"))

    assert text.count("Continue") == 1
    assert draft.respondent.name in text


def test_each_plans_references_count_from_one(client):
    """Issue 22: a new plan's first reference was RRPP-000003, the counter shared by plans."""
    first_plan, second_plan = PlanFactory(reference_prefix="AA"), PlanFactory(reference_prefix="BB")
    references = []
    for plan in [first_plan, second_plan, second_plan, first_plan]:
        draft = ResponseFactory(plan=plan, draft=True, owner=UserFactory())
        CommentFactory(response=draft)
        references.append(submit_response(response=draft, version=draft.version).reference)

    assert references == ["AA-000001", "BB-000001", "BB-000002", "AA-000002"]
