"""The filters every reader gets on the critique pages (responses.filters): GET parameters kept
by pagination, by stance, kind, quotes and sort; a bad value is reported, not a 500."""

import pytest

from tests.arranging import comment_on
from tests.page_text import visible_text

pytestmark = pytest.mark.django_db

SECTION = "/plans/noms-third-sector-action-plan/sections/3.5/"


def test_what_organisations_recommended_about_3_5_takes_one_filter(officer_client):
    text = visible_text(
        officer_client.get(SECTION, {"stance": "recommendation", "respondent_kind": "organisation"})
    )

    assert "1 comment on 3.5" in text
    assert "This should be highlighted in the actions under 3.5." in text
    assert "one-sided relationship" not in text


def test_filters_are_get_parameters_kept_by_pagination(officer_client, seed):
    plan, _ = seed
    section = plan.sections.get(number="2.8")
    for n in range(25):
        comment_on(section, text=f"Concern number {n:02d}", stance="concern")

    page = officer_client.get(
        "/plans/noms-third-sector-action-plan/sections/2.8/", {"stance": "concern"}
    )

    assert "25 comments on 2.8" in visible_text(page)
    assert "stance=concern&amp;page=2" in page.content.decode()


def test_quotes_the_plans_wording(officer_client):
    text = visible_text(officer_client.get(SECTION, {"quotes": "on"}))

    assert "1 comment on 3.5" in text
    assert "local community anchor organisations" in text


def test_sorting_by_respondent(officer_client, seed):
    plan, _ = seed
    section = plan.sections.get(number="3.5")
    comment_on(section, text="From Aardvark Trust").response.respondent.__class__.objects.filter(
        responses__comments__text="From Aardvark Trust"
    ).update(name="Aardvark Trust")

    text = visible_text(officer_client.get(SECTION, {"sort": "respondent"}))

    assert text.index("From Aardvark Trust") < text.index("under 3.5")


def test_a_bad_filter_value_is_reported_not_a_500(officer_client):
    page = officer_client.get(SECTION, {"stance": "furious", "tag": "abc"})

    assert page.status_code == 200
    assert "There is a problem" in visible_text(page)
