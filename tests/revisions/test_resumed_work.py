"""Background work whose worker died is taken up again: campaign grouping left "working" and
quotes left "being followed" are queued again once the claim timeout has passed, when their page
is opened or by `manage.py resume_work`, and finish with nothing lost or doubled."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from plans.outline import read_outline
from responses.models import CampaignGrouping
from revisions.models import QuoteFollowing, RevisedQuote
from revisions.services import save_revision
from tests.background import run_queued_tasks
from tests.factories import UserFactory
from tests.revisions.arranging import revised_text

pytestmark = pytest.mark.django_db
PLAN = "noms-third-sector-action-plan"
LONG_AGO = timezone.now() - timedelta(hours=1)


@pytest.fixture
def abandoned_following(seed):
    """Version 2 saved and its following queued, then the worker died: its task lost."""
    plan, _response = seed
    version = save_revision(plan, read_outline(revised_text(plan)), label="Final")
    QuoteFollowing.objects.create(plan=plan, requested_at=LONG_AGO)
    return version


def test_quotes_left_being_followed_are_followed_when_the_page_is_opened(
    client, abandoned_following
):
    client.get(f"/plans/{PLAN}/versions/2/")
    run_queued_tasks()

    abandoned_following.refresh_from_db()
    assert abandoned_following.quotes_followed_at is not None
    links = abandoned_following.plan.sections.filter(comment_links__exact__gt="").count()
    assert RevisedQuote.objects.filter(version=abandoned_following).count() == links


def test_following_asked_for_recently_is_left_to_its_worker(client, abandoned_following):
    QuoteFollowing.objects.filter(plan=abandoned_following.plan).update(requested_at=timezone.now())

    client.get(f"/plans/{PLAN}/versions/2/")

    assert run_queued_tasks() == 0


def test_a_grouping_left_running_is_grouped_again_when_officers_look(client, seed):
    plan, _response = seed
    CampaignGrouping.objects.create(
        plan=plan, state=CampaignGrouping.State.WORKING, claimed_at=LONG_AGO, requested_at=LONG_AGO
    )
    client.force_login(UserFactory(officer=True))

    client.get(f"/plans/{PLAN}/campaigns/")
    run_queued_tasks()

    assert CampaignGrouping.objects.get(plan=plan).state == CampaignGrouping.State.DONE


def test_resume_work_takes_up_every_kind(seed, abandoned_following):
    plan = abandoned_following.plan
    CampaignGrouping.objects.create(
        plan=plan, state=CampaignGrouping.State.QUEUED, requested_at=LONG_AGO
    )
    out = StringIO()

    call_command("resume_work", stdout=out)
    run_queued_tasks()

    assert "campaign groupings: 1 resumed" in out.getvalue()
    assert "plans' quotes to follow: 1 resumed" in out.getvalue()
    abandoned_following.refresh_from_db()
    assert abandoned_following.quotes_followed_at is not None
    assert CampaignGrouping.objects.get(plan=plan).state == CampaignGrouping.State.DONE
