"""Officers' counts by stance on the plan and section pages, each linking to what it counts."""

import pytest

from responses.models import Respondent
from tests.factories import CommentFactory, ResponseFactory, SectionLinkFactory
from tests.page_text import visible_text

pytestmark = pytest.mark.django_db

SECTION = "/plans/noms-third-sector-action-plan/sections/3.5/"


def test_officers_see_counts_by_stance(officer_client):
    text = visible_text(officer_client.get(SECTION))

    assert "Recommendation: 1" in text and "Concern: 1" in text


def test_query_count_stays_constant_with_filters_on(
    officer_client, seed, django_assert_max_num_queries
):
    plan, _ = seed
    section = plan.sections.get(number="3.5")
    for _ in range(40):
        response = ResponseFactory(plan=plan, respondent__kind=Respondent.Kind.ORGANISATION)
        comment = CommentFactory(response=response, position=1, stance="recommendation")
        SectionLinkFactory(comment=comment, section=section)

    with django_assert_max_num_queries(25):
        page = officer_client.get(
            SECTION, {"stance": "recommendation", "respondent_kind": "organisation"}
        )
    with django_assert_max_num_queries(25):
        plan_page = officer_client.get(
            "/plans/noms-third-sector-action-plan/", {"stance": "recommendation"}
        )

    assert "20 comments on 3.5" not in visible_text(page)  # paginated: 41 in all
    assert "41 comments on 3.5" in visible_text(page)
    assert plan_page.status_code == 200


def test_what_was_recommended_about_3_5_is_two_clicks_from_the_plan(officer_client):
    plan_page = officer_client.get("/plans/noms-third-sector-action-plan/").content.decode()
    link = "/plans/noms-third-sector-action-plan/sections/3.5/?stance=recommendation"

    assert f'href="{link}"' in plan_page  # click 1: "Recommendation: 1" beside 3.5
    text = visible_text(officer_client.get(link))  # lands on the answer
    assert "1 comment on 3.5" in text and "highlighted in the actions under 3.5" in text
