import pytest

from officers.models import Review
from responses.models import Respondent
from tests.arranging import comment_on
from tests.factories import (
    CommentFactory,
    ResponseFactory,
    SectionLinkFactory,
    TagFactory,
    UserFactory,
)
from tests.page_text import visible_text

pytestmark = pytest.mark.django_db

SECTION = "/plans/noms-third-sector-action-plan/sections/3.5/"


@pytest.fixture
def officer_client(client, seed):
    client.force_login(UserFactory(officer=True))
    return client


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


def test_officers_see_counts_by_stance(officer_client):
    text = visible_text(officer_client.get(SECTION))

    assert "Recommendation: 1" in text and "Concern: 1" in text


def test_the_public_sees_no_counts_by_stance_nor_officers_filters(client, seed):
    text = visible_text(client.get(SECTION))

    assert "Recommendation: 1" not in text
    assert "Not yet reviewed" not in text
    assert "Stance" in text  # the public may still filter by stance


def test_quotes_the_plans_wording(officer_client):
    text = visible_text(officer_client.get(SECTION, {"quotes": "on"}))

    assert "1 comment on 3.5" in text
    assert "local community anchor organisations" in text


def test_not_yet_reviewed_and_tag_and_theme(officer_client, seed):
    plan, response = seed
    reviewed = response.comments.get(position=4)
    Review.objects.create(comment=reviewed, status=Review.Status.REVIEWED)
    tagged = response.comments.get(position=12)
    tag = TagFactory(name="commissioning")
    tagged.comment_tags.create(tag=tag)

    not_reviewed = visible_text(officer_client.get(SECTION, {"not_reviewed": "on"}))
    by_tag = visible_text(officer_client.get(SECTION, {"tag": tag.pk}))
    theme = plan.themes.get(name="Strengthening communities")
    by_theme = visible_text(
        officer_client.get("/plans/noms-third-sector-action-plan/", {"theme": theme.pk})
    )

    assert "1 comment on 3.5" in not_reviewed and "one-sided relationship" in not_reviewed
    assert "1 comment on 3.5" in by_tag and "one-sided relationship" in by_tag
    assert "Volunteering sits well" in by_theme and "Point 1.11" not in by_theme


def test_status_filter_separates_submitted_from_published(officer_client, seed):
    plan, _ = seed
    comment_on(plan.sections.get(number="3.5"), text="Fresh submission")

    submitted = visible_text(officer_client.get(SECTION, {"status": "submitted"}))

    assert "1 comment on 3.5" in submitted and "Fresh submission" in submitted


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
