"""/plans/<slug>/campaigns/: the threshold in use, grouping again in the background, and each
campaign once with its count."""

from decimal import Decimal

import pytest

from responses.models import CampaignGrouping
from tests.background import run_queued_tasks
from tests.factories import PlanFactory, UserFactory
from tests.officers.campaigns import plan_with_campaign
from tests.page_text import visible_text
from tests.responses.campaign_letters import OWN_PARAGRAPH, response_saying, signed

pytestmark = pytest.mark.django_db


def url(plan):
    return f"/plans/{plan.slug}/campaigns/"


@pytest.fixture
def officer(client):
    client.force_login(UserFactory(officer=True))
    return client


def test_it_sends_the_public_to_sign_in(client):
    page = client.get(url(PlanFactory()))

    assert page.status_code == 302
    assert page["Location"].startswith("/accounts/login/")


def test_it_refuses_a_respondent(client):
    client.force_login(UserFactory(respondent=True))

    assert client.get(url(PlanFactory())).status_code == 403


def test_an_unknown_plan_is_not_found(officer):
    assert officer.get("/plans/no-such-plan/campaigns/").status_code == 404


def test_it_lists_each_campaign_once_with_its_count_and_the_threshold_in_use(officer):
    plan = PlanFactory()
    response_saying(plan, "A response of its own, about the bus timetable and the car park.")
    plan, campaign, _ = plan_with_campaign(plan=plan)

    text = visible_text(officer.get(url(plan)))

    assert "1 campaign" in text
    assert "at a similarity threshold of 0.80 : 4 submitted and published responses" in text
    assert f"3 {campaign.first_words}" in text
    assert text.count("Dear Sir or Madam") == 1


def test_a_plan_never_grouped_says_so_and_offers_to_group(officer):
    text = visible_text(officer.get(url(PlanFactory())))

    assert "have not been grouped yet" in text
    assert "Group the responses" in text
    assert "0 campaigns" in text


def test_setting_the_threshold_groups_again_in_the_background(officer):
    plan = PlanFactory()
    response_saying(plan, signed("Ann Lee", added=OWN_PARAGRAPH))
    plan, _, _ = plan_with_campaign(["Bo Diaz"], plan=plan)

    answer = officer.post(url(plan), {"threshold": "0.95"}, follow=True)

    text = visible_text(answer)
    assert "Grouping has started" in text
    assert "Grouping at a similarity threshold of 0.95: waiting for a worker" in text
    assert '<meta http-equiv="refresh"' in answer.content.decode()
    assert "1 campaign" in text  # the campaigns as they were, until the worker is done

    run_queued_tasks()
    text = visible_text(officer.get(url(plan)))
    assert "at a similarity threshold of 0.95" in text
    assert "0 campaigns" in text
    assert CampaignGrouping.objects.get(plan=plan).threshold == Decimal("0.95")


@pytest.mark.parametrize(
    ("threshold", "message"),
    [
        ("0.4", "The similarity threshold must be 0.50 or more."),
        ("1.5", "The similarity threshold must be 1.00 or less."),
        ("high", "Enter the similarity threshold as a number, like 0.80."),
        ("", "Enter a similarity threshold from 0.50 to 1.00."),
        ("0.855", "Give the similarity threshold to two decimal places, like 0.85."),
    ],
)
def test_a_threshold_it_cannot_use_is_refused_with_a_message(officer, threshold, message):
    plan = PlanFactory()

    answer = officer.post(url(plan), {"threshold": threshold})

    assert answer.status_code == 200
    assert "There is a problem" in visible_text(answer)
    assert message in visible_text(answer)
    assert not CampaignGrouping.objects.filter(plan=plan).exists()


def test_it_says_how_many_responses_came_since_the_last_grouping(officer):
    plan, _, _ = plan_with_campaign()
    response_saying(plan, signed("Fay Wu"))

    text = visible_text(officer.get(url(plan)))

    assert "1 response has been submitted or imported since then" in text


def test_the_plan_page_links_officers_to_its_campaigns(client, officer):
    plan = PlanFactory()

    assert f'href="{url(plan)}"' in officer.get(f"/plans/{plan.slug}/").content.decode()
    officer.logout()
    assert url(plan) not in client.get(f"/plans/{plan.slug}/").content.decode()
