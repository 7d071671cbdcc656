"""Consent to publish (responses.consent): asked of a respondent on the site before they check
their response, recorded by an officer for one received outside the site, and honoured by
publishing: a response whose respondent said no, or whose answer nobody recorded, is never
published; one published without its name hides an organisation's name as well as a person's."""

import pytest

from responses.models import HIDDEN_ORGANISATION_NAME, Respondent, Response
from tests.factories import CommentFactory, RespondentFactory, ResponseFactory, UserFactory
from tests.page_text import visible_text
from tests.responses.respond_helpers import comment_form_data
from tests.responses.test_hidden_names import _reads, _surfaces

pytestmark = pytest.mark.django_db


def test_continuing_from_the_comments_asks_about_publication_before_the_check(client, draft):
    draft.publication_consent = ""
    draft.save()

    section = str(draft.plan.sections.get(number="2.8").pk)
    page = client.post(
        f"/responses/{draft.pk}/comments/",
        comment_form_data(
            [{"text": "Demonstration projects help.", "stance": "welcomes", "sections": [section]}],
            version=draft.version,
            action="review",
        ),
    )
    assert page["Location"] == f"/responses/{draft.pk}/consent/"

    asked = visible_text(client.get(page["Location"]))
    assert "May we publish your response?" in asked
    assert "Publish my response without my name" in asked
    unanswered = client.post(f"/responses/{draft.pk}/consent/", {})
    assert "Choose whether we may publish your response, with or without your name." in (
        visible_text(unanswered)
    )

    answered = client.post(f"/responses/{draft.pk}/consent/", {"publication_consent": "withheld"})

    assert answered["Location"] == f"/responses/{draft.pk}/review/"
    draft.refresh_from_db()
    assert (draft.publication_consent, draft.consent_recorded_by) == ("withheld", None)
    assert "Publication Do not publish my response Change" in visible_text(
        client.get(answered["Location"])
    )


def test_a_draft_without_an_answer_is_not_submitted(client, draft):
    draft.publication_consent = ""
    draft.save()
    CommentFactory(response=draft, position=1, text="Demonstration projects help.")

    refused = client.post(f"/responses/{draft.pk}/submit/", {"version": str(draft.version)})

    assert refused["Location"] == f"/responses/{draft.pk}/consent/"
    draft.refresh_from_db()
    assert draft.status == Response.Status.DRAFT
    assert "Say whether we may publish your response before you submit it." in visible_text(
        client.get(refused["Location"])
    )


@pytest.fixture
def officer(client):
    client.force_login(UserFactory(officer=True))
    return client


def _received(seed, consent, channel=Response.Channel.POST):
    plan, _ = seed
    response = ResponseFactory(
        plan=plan,
        status=Response.Status.SUBMITTED,
        channel=channel,
        publication_consent=consent,
        respondent=RespondentFactory(name="Post Trust"),
    )
    CommentFactory(response=response, position=1, text="By post, about volunteers.")
    return response


@pytest.mark.parametrize(
    ("consent", "why"),
    [
        ("withheld", "Its respondent asked for it not to be published."),
        ("", "Nobody has recorded whether its respondent agrees to publication"),
    ],
)
def test_a_response_is_not_published_against_or_without_its_respondents_consent(
    officer, seed, consent, why
):
    response = _received(seed, consent)

    page = officer.post(
        f"/responses/{response.pk}/publication/", {"action": "publish"}, follow=True
    )

    assert f"This response cannot be published. {why}" in visible_text(page)
    response.refresh_from_db()
    assert response.status == Response.Status.SUBMITTED


def test_an_officer_records_what_a_respondent_by_post_said_then_publishes(officer, seed):
    response = _received(seed, "")
    page = visible_text(officer.get(f"/responses/{response.pk}/"))
    assert "Consent to publish: not recorded, so it cannot be published." in page

    officer.post(
        f"/responses/{response.pk}/consent-to-publish/", {"publication_consent": "anonymous"}
    )
    officer.post(f"/responses/{response.pk}/publication/", {"action": "publish"})

    response.refresh_from_db()
    assert response.status == Response.Status.PUBLISHED
    assert response.consent_recorded_by is not None
    public = visible_text(officer.get(f"/responses/{response.pk}/"))
    assert f"shown publicly as ‘{HIDDEN_ORGANISATION_NAME}’" in public

    # Withheld later: it is unpublished at once.
    officer.post(
        f"/responses/{response.pk}/consent-to-publish/", {"publication_consent": "withheld"}
    )
    response.refresh_from_db()
    assert response.status == Response.Status.SUBMITTED


def test_an_online_respondents_own_answer_is_not_changed_by_an_officer(officer, seed):
    response = _received(seed, "withheld", channel=Response.Channel.ONLINE)

    page = officer.post(
        f"/responses/{response.pk}/consent-to-publish/",
        {"publication_consent": "named"},
        follow=True,
    )

    assert "Its respondent answered on the site" in visible_text(page)
    response.refresh_from_db()
    assert response.publication_consent == "withheld"


def test_a_response_recorded_by_an_officer_carries_what_its_respondent_said(officer, seed):
    plan, _ = seed
    officer.post(
        f"/plans/{plan.slug}/imports/record/",
        {
            "name": "Letter Trust",
            "kind": "organisation",
            "channel": "post",
            "publication_consent": "named",
            "text": "We welcome section 3.5.",
        },
    )

    response = Response.objects.get(respondent__name="Letter Trust")
    assert response.publication_consent == Response.Consent.NAMED
    assert response.consent_recorded_by is not None


def test_an_organisation_published_without_its_name_is_hidden_everywhere(client, seed):
    plan, _ = seed
    respondent = RespondentFactory(name="Okapi Foundation", kind=Respondent.Kind.ORGANISATION)
    response = ResponseFactory(
        plan=plan, respondent=respondent, publication_consent=Response.Consent.ANONYMOUS
    )
    comment = CommentFactory(response=response, position=1, text="Okapi words on 3.5.")
    comment.section_links.create(section=plan.sections.get(number="3.5"))

    for surface, text in _reads(client, _surfaces(comment)).items():
        assert "Okapi Foundation" not in text, surface
        assert HIDDEN_ORGANISATION_NAME in text, surface
