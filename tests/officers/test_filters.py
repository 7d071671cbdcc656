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
        "Sections",
        "Response status",
        "Tag",
        "Quotes the plan’s wording",
        "Not yet reviewed",
        "Code",
        "No code yet",
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


SEARCH = "/search/"


def test_officers_filter_by_sections_typed_as_numbers_and_ranges(officer_client, seed):
    plan, _ = seed
    comment_on(plan.sections.get(number="2.8"), text="Mentoring matters in prisons.")
    comment_on(plan.sections.get(number="3.5"), text="Mentoring matters in the community.")

    by_range = visible_text(
        officer_client.get(SEARCH, {"plan": plan.slug, "q": "mentoring", "sections": "1.3–2.8"})
    )
    by_number = visible_text(
        officer_client.get(SEARCH, {"plan": plan.slug, "q": "mentoring", "sections": "para 3.5"})
    )

    assert "Mentoring matters in prisons." in by_range
    # Applying other filters keeps the words searched.
    search = officer_client.get(SEARCH, {"plan": plan.slug, "q": "mentoring"}).content.decode()
    assert '<input type="hidden" name="q" value="mentoring">' in search
    assert "Mentoring matters in the community." not in by_range
    assert "Mentoring matters in the community." in by_number
    assert "Mentoring matters in prisons." not in by_number


def test_a_section_the_plan_lacks_is_named_in_the_filters_error(officer_client, seed):
    page = officer_client.get(SECTION, {"sections": "2.8, 9.9"})

    assert page.status_code == 200
    html = page.content.decode()
    assert "This plan has no section 9.9: check the numbers." in visible_text(page)
    assert '<details class="govuk-details marginalia-filters" open>' in html


def test_the_section_finder_reads_the_plans_section_titles(client, seed):
    plan, _ = seed
    page = client.get(f"/plans/{plan.slug}/sections.json")

    sections = page.json()["sections"]
    assert sections[0][0] == plan.sections.in_natural_order().first().number
    assert [number for number, _title in sections] == [
        section.number for section in plan.sections.in_natural_order()
    ]
    assert client.get("/plans/no-such-plan/sections.json").status_code == 404
