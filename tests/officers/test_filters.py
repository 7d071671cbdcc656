"""The filters only officers get (officers.filters): by review, tag and response status."""

import re

import pytest

from officers.models import Review
from responses.models import Comment, Respondent
from tests.arranging import comment_on
from tests.factories import TagFactory
from tests.page_text import visible_text

pytestmark = pytest.mark.django_db

SECTION = "/plans/noms-third-sector-action-plan/sections/3.5/"


def test_the_public_sees_counts_by_stance_but_not_the_officers_filters(client, seed):
    text = visible_text(client.get(SECTION))

    assert "Recommendation: 1" in text
    assert "Not yet reviewed" not in text and "Response status" not in text
    assert "Stance" in text  # the public may still filter by stance


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


def test_officers_filters_read_who_then_what_then_their_own_marks(officer_client):
    html = officer_client.get(SECTION).content.decode()
    form = html[html.index("marginalia-filters") :]
    labels = [label.strip() for label in re.findall(r"<(?:label|legend)[^>]*>([^<]*)", form)]

    assert [label for label in labels if label not in dict(Comment.Stance.choices).values()] == [
        "Respondent",
        "Respondent kind",
        "Stance",
        "Theme",
        "Response status",
        "Tag",
        "Quotes the plan’s wording",
        "Not yet reviewed",
        "Sort by",
    ]


def test_officers_find_a_respondents_comments_by_part_of_the_name(officer_client, seed):
    plan, _ = seed
    comment_on(plan.sections.get(number="3.5"), text="From the Walrus Trust")
    Respondent.objects.filter(responses__comments__text="From the Walrus Trust").update(
        name="Walrus Trust"
    )

    text = visible_text(officer_client.get(SECTION, {"respondent": "walrus"}))

    assert "1 comment on 3.5" in text and "From the Walrus Trust" in text
