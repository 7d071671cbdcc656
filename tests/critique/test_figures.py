"""The figures the critique pages count (critique.figures) are kept under the plan's critique
generation, which an officer's review or tag alone leaves as it is; figures filtered by reviews
or tags are kept under the generation every change bumps. Whichever way, an officer reads the
counts as they now stand."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from plans.models import Plan
from tests.factories import CommentTagFactory, UserFactory
from tests.officers.annotation_form import annotation_form_data
from tests.page_text import visible_text

pytestmark = pytest.mark.django_db

SECTION_3_5 = "/plans/noms-third-sector-action-plan/sections/3.5/"


def _officer():
    client = Client()
    client.force_login(UserFactory(officer=True))
    return client


def _generations(plan):
    plan = Plan.objects.get(pk=plan.pk)
    return plan.generation, plan.critique_generation


def _annotate(comment, **changes):
    page = _officer().post(f"/comments/{comment.pk}/", annotation_form_data(comment, **changes))
    assert page.status_code == 302


def test_a_review_alone_leaves_the_critique_generation_and_a_stance_moves_it(seed):
    plan, response = seed
    comment = response.comments.get(position=4)  # on 3.5
    generation, critique_generation = _generations(plan)

    _annotate(comment, status="reviewed")
    assert _generations(plan) == (generation + 1, critique_generation)

    _annotate(comment, stance="concern", status="reviewed")
    assert _generations(plan) == (generation + 2, critique_generation + 1)


@pytest.mark.parametrize("url", [SECTION_3_5, f"{SECTION_3_5}?stance=recommendation"])
def test_after_a_review_alone_the_officers_pages_count_nothing_again(seed, url):
    _, response = seed
    reader = _officer()
    reader.get(url)

    _annotate(response.comments.get(position=4), status="reviewed")

    with CaptureQueriesContext(connection) as queries:
        assert "Review: Reviewed" in visible_text(reader.get(url))
    assert not [query for query in queries if "COUNT(" in query["sql"].upper()]


def test_an_officer_reads_a_changed_stance_in_the_counts_at_once(seed):
    _, response = seed
    comment = response.comments.get(position=4)
    reader = _officer()
    assert "Concern: 1 Recommendation: 1" in visible_text(reader.get(SECTION_3_5))

    _annotate(comment, stance="concern" if comment.stance == "recommendation" else "recommendation")

    assert "Concern: 1 Recommendation: 1" not in visible_text(reader.get(SECTION_3_5))


def test_counts_filtered_by_review_follow_a_review_at_once(seed):
    _, response = seed
    comment = response.comments.get(position=4)
    reader = _officer()
    url = f"{SECTION_3_5}?not_reviewed=on"
    assert "2 comments on 3.5" in visible_text(reader.get(url))

    _annotate(comment, status="reviewed")

    assert "1 comment on 3.5" in visible_text(reader.get(url))


def test_counts_filtered_by_tag_follow_an_admins_removal_of_the_tag_at_once(seed):
    _, response = seed
    comment_tag = CommentTagFactory(comment=response.comments.get(position=4), tag__name="funding")
    reader = _officer()
    url = f"{SECTION_3_5}?tag={comment_tag.tag.pk}"
    assert "1 comment on 3.5" in visible_text(reader.get(url))

    admin = Client()
    admin.force_login(UserFactory(admin=True))
    admin.post(f"/admin/officers/commenttag/{comment_tag.pk}/delete/", {"post": "yes"})

    assert "0 comments on 3.5" in visible_text(reader.get(url))
