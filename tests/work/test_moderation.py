"""The moderation queue (/plans/<slug>/moderation/): a plan's submitted responses wait with their
respondent's consent and the personal data found in them, until an officer approves them (they
are published, as each respondent agreed) or rejects them with a reason; a campaign's
near-copies are one row, moderated together."""

import pytest

from officers.models import Moderation
from responses.models import Campaign, Response
from tests.arranging import comment_on
from tests.factories import UserFactory
from tests.page_text import visible_text

pytestmark = pytest.mark.django_db

QUEUE = "/plans/noms-third-sector-action-plan/moderation/"


@pytest.fixture
def officer(client):
    client.force_login(UserFactory(officer=True))
    return client


@pytest.fixture
def waiting(seed):
    plan, _ = seed
    section = plan.sections.get(number="3.5")
    named = comment_on(section, text="Good plan. Email jo@example.org.").response
    withheld = comment_on(section, text="Keep this private.").response
    Response.objects.filter(pk=withheld.pk).update(publication_consent="withheld")
    unknown = comment_on(section, text="By post.").response
    Response.objects.filter(pk=unknown.pk).update(publication_consent="", channel="post")
    return {"named": named, "withheld": withheld, "unknown": unknown}


def _chosen(*responses):
    return [f"r-{response.pk}" for response in responses]


def test_the_queue_lists_each_response_with_its_consent_and_personal_data(officer, waiting):
    page = visible_text(officer.get(QUEUE))

    assert "3 waiting" in page
    assert "1 with personal data found, to decide" in page
    assert "1 whose consent nobody has recorded" in page
    assert "1 whose respondent asked not to be published" in page
    assert f"{waiting['named'].reference}" in page and "1 to decide" in page
    assert "Do not publish my response" in page and "Not recorded" in page


def test_filters_choose_by_consent_and_by_personal_data_to_decide(officer, waiting):
    by_consent = visible_text(officer.get(QUEUE, {"consent": "none"}))
    by_finding = visible_text(officer.get(QUEUE, {"personal_data": "1"}))

    assert waiting["unknown"].reference in by_consent
    assert waiting["named"].reference not in by_consent
    assert waiting["named"].reference in by_finding
    assert waiting["withheld"].reference not in by_finding


def test_approving_publishes_those_agreed_and_says_why_the_others_were_not(officer, waiting):
    page = officer.post(
        QUEUE, {"chosen": _chosen(*waiting.values()), "action": "approve"}, follow=True
    )

    text = visible_text(page)
    assert "Published 1 response." in text
    assert f"{waiting['withheld'].reference} was not published. Its respondent asked" in text
    assert f"{waiting['unknown'].reference} was not published. Nobody has recorded" in text
    statuses = {name: Response.objects.get(pk=r.pk).status for name, r in waiting.items()}
    assert statuses == {"named": "published", "withheld": "submitted", "unknown": "submitted"}
    assert Moderation.objects.get(response=waiting["named"]).decision == "approved"
    assert waiting["named"].reference not in visible_text(officer.get(QUEUE))


def test_rejecting_needs_a_reason_and_takes_the_response_out_of_the_queue(officer, waiting):
    chosen = {"chosen": _chosen(waiting["withheld"]), "action": "reject"}

    refused = visible_text(officer.post(QUEUE, chosen, follow=True))
    officer.post(QUEUE, {**chosen, "reason": "Asked not to be published"})

    assert "Say why the responses are rejected." in refused
    moderation = Moderation.objects.get(response=waiting["withheld"])
    assert (moderation.decision, moderation.reason) == ("rejected", "Asked not to be published")
    assert waiting["withheld"].reference not in visible_text(officer.get(QUEUE))
    assert Response.objects.get(pk=waiting["withheld"].pk).status == "submitted"


def test_a_campaigns_near_copies_are_one_row_moderated_together(officer, seed):
    plan, _ = seed
    section = plan.sections.get(number="3.5")
    campaign = Campaign.objects.create(plan=plan, shared_text="We ask for more volunteers.")
    members = [comment_on(section, text="We ask for more volunteers.").response for _ in range(3)]
    Response.objects.filter(pk__in=[m.pk for m in members]).update(campaign=campaign)

    page = visible_text(officer.get(QUEUE))
    officer.post(QUEUE, {"chosen": [f"c-{campaign.pk}"], "action": "approve"})

    assert "A campaign: 3 near-copies of one letter, moderated together." in page
    assert set(Response.objects.filter(campaign=campaign).values_list("status", flat=True)) == {
        "published"
    }


def test_nothing_chosen_is_told_and_an_officers_home_counts_the_queue(officer, waiting):
    page = visible_text(officer.post(QUEUE, {"action": "approve"}, follow=True))
    home = visible_text(officer.get("/work/"))

    assert "Choose the responses to approve or reject." in page
    assert "Responses to moderate 3 Moderate" in home


def test_the_queue_is_paged_by_its_rows_a_campaign_counting_as_one(officer, seed):
    plan, _ = seed
    section = plan.sections.get(number="3.5")
    campaign = Campaign.objects.create(plan=plan, shared_text="One letter.")
    copies = [comment_on(section, text=f"One letter, copy {n}.").response for n in range(30)]
    Response.objects.filter(pk__in=[copy.pk for copy in copies]).update(campaign=campaign)
    alone = [comment_on(section, text=f"Alone {n}.").response for n in range(25)]

    first = officer.get(QUEUE).content.decode()
    second = officer.get(QUEUE, {"page": 2}).content.decode()

    # 26 rows (the campaign's and 25 others), 20 a page.
    assert first.count('name="chosen"') == 20 and second.count('name="chosen"') == 6
    assert (first + second).count("Choose the campaign of 30 near-copies") == 1
    for response in alone:
        assert response.reference in first + second
