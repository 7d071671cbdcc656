"""A campaign read once on the plan's pages: its copies listed once, with how many it stands for,
while every member still counts in the counts by stance and the overview."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from plans.models import Plan
from responses.campaigns.grouping import group_campaigns
from responses.models import Comment, Response
from tests.factories import PlanFactory, SectionFactory, SectionLinkFactory, UserFactory
from tests.page_text import visible_text
from tests.responses.campaign_letters import response_saying, signed

pytestmark = pytest.mark.django_db

OWN_WORDS = "The bus timetable changes in May and the car park closes at six in the evening."


@pytest.fixture
def section():
    """Section 1.1 of a plan, critiqued by a campaign of three copies (each a concern) and by
    one response of its own (a recommendation); grouped."""
    section = SectionFactory(plan=PlanFactory(), number="1.1")
    for name in ("Ann Lee", "Bo Diaz", "Cy Ng"):
        _critique(section, signed(name))
    own = _critique(section, OWN_WORDS)
    Comment.objects.filter(response=own).update(stance=Comment.Stance.RECOMMENDATION)
    group_campaigns(plan=section.plan, threshold=0.8)
    return section


def _critique(section, text, **fields):
    """A response whose every comment critiques `section`, each comment a concern."""
    response = response_saying(section.plan, text, **fields)
    for comment in response.comments.all():
        SectionLinkFactory(comment=comment, section=section)
    return response


def _officer(client):
    client.force_login(UserFactory(officer=True))
    return client


def test_a_section_lists_a_campaign_once_saying_how_many_it_stands_for(client, section):
    text = visible_text(client.get(section.get_absolute_url()))

    assert text.count("Dear Sir or Madam") == 1
    assert "One of 3 responses sent as near-copies of one letter (a campaign)" in text
    assert OWN_WORDS in text


def test_counts_by_stance_count_each_member_of_a_campaign(client, section):
    text = visible_text(_officer(client).get(section.get_absolute_url()))

    # Each letter is three comments, all on 1.1: 9 concerns from the campaign's 3 members,
    # listed as the first member's 3.
    assert "10 comments on 1.1" in text
    assert "Concern: 9" in text and "Recommendation: 1" in text
    assert "so 4 are listed here" in text


def test_the_overview_counts_each_member_of_a_campaign(client, section):
    text = visible_text(client.get(f"/plans/{section.plan.slug}/overview/"))

    # Section, welcomes, concern, recommendation, question, general, total.
    assert "1.1 0 9 1 0 0 10" in text
    plan_text = visible_text(client.get(f"/plans/{section.plan.slug}/"))
    assert "10 comments." in plan_text
    assert "10 comments on 1.1" in plan_text


def test_the_plan_page_previews_a_campaign_once(client, section):
    text = visible_text(client.get(f"/plans/{section.plan.slug}/"))

    # The two most recent: the response of its own, and the campaign's last paragraph once.
    assert OWN_WORDS in text
    assert text.count("Yours faithfully") == 1
    assert "One of 3 responses sent as near-copies" in text


def test_officers_get_a_link_to_the_campaign_and_the_public_does_not(client, section):
    campaign = section.plan.campaigns.get()
    link = f'href="/campaigns/{campaign.pk}/"'

    assert link not in client.get(section.get_absolute_url()).content.decode()
    assert link in _officer(client).get(section.get_absolute_url()).content.decode()


def test_the_public_counts_only_the_members_it_may_read(client, section):
    member = section.plan.campaigns.get().members.order_by("pk").first()
    Response.objects.filter(pk=member.pk).update(status=Response.Status.SUBMITTED)

    text = visible_text(client.get(section.get_absolute_url()))

    assert "One of 2 responses sent as near-copies" in text
    assert text.count("Dear Sir or Madam") == 1


def test_a_filter_leaving_one_member_shows_it_as_any_other(client, section):
    text = visible_text(client.get(section.get_absolute_url(), {"stance": "concern"}))
    assert text.count("Dear Sir or Madam") == 1

    Comment.objects.filter(response__campaign__isnull=False).exclude(
        response=section.plan.campaigns.get().members.order_by("pk").last()
    ).update(stance=Comment.Stance.QUESTION)
    Plan.objects.filter(pk=section.plan_id).bump_generation()
    text = visible_text(client.get(section.get_absolute_url(), {"stance": "concern"}))
    assert "near-copies" not in text
    assert text.count("Dear Sir or Madam") == 1


def test_a_campaign_costs_a_page_two_queries_more_than_none(
    client, section, django_assert_max_num_queries
):
    plain = SectionFactory(plan=PlanFactory(), number="1.1")
    for number in range(4):
        _critique(plain, f"{OWN_WORDS} Response {number}.")
    _officer(client).get("/")  # the session read once
    with CaptureQueriesContext(connection) as without_campaigns:
        client.get(plain.get_absolute_url())

    # Counting the pages, and how many copies each campaign shown stands for.
    with django_assert_max_num_queries(len(without_campaigns) + 2):
        page = client.get(section.get_absolute_url())

    assert page.status_code == 200


def test_a_response_page_tells_officers_its_campaign(client, section):
    member = section.plan.campaigns.get().members.first()

    text = visible_text(_officer(client).get(member.get_absolute_url()))

    assert "One of the near-copies of a letter: read the campaign" in text


def test_a_search_lists_a_campaigns_copies_once_and_counts_them_all(client, section):
    response = client.get("/search/", {"plan": section.plan.slug, "q": "Madam"})

    text = visible_text(response)
    assert "3 comments found" in text
    assert text.count("Dear Sir or Madam") == 1
    assert "One of 3 responses sent as near-copies of one letter (a campaign)" in text
