import pytest

from officers.models import Review, Tag
from responses.models import Comment
from tests.factories import PlanFactory, ResponseFactory, SectionFactory, UserFactory
from tests.officers.annotation_form import annotation_form_data
from tests.page_text import visible_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def comment(seed):
    _, response = seed
    return response.comments.get(position=4)  # recommends, about 3.5


def url(comment):
    return f"/comments/{comment.pk}/"


def test_anonymous_visitors_are_sent_to_sign_in(client, comment):
    assert client.get(url(comment))["Location"].startswith("/accounts/login/")


def test_respondents_may_not_annotate(client, comment):
    client.force_login(UserFactory(respondent=True))

    assert client.get(url(comment)).status_code == 403
    assert (
        client.post(url(comment), annotation_form_data(comment, stance="concern")).status_code
        == 403
    )
    comment.refresh_from_db()
    assert comment.stance == "recommendation"


def test_an_officer_sets_stance_links_tags_status_and_note(client, comment):
    client.force_login(UserFactory(officer=True))
    plan = comment.response.plan
    existing = Tag.objects.create(name="commissioning")
    data = annotation_form_data(
        comment,
        stance="concern",
        sections=[
            str(plan.sections.get(number="3.5").pk),
            str(plan.sections.get(number="1.11").pk),
        ],
        themes=[str(plan.themes.get(name="Transforming public services").pk)],
        tags=[str(existing.pk)],
        new_tags="small organisations, Commissioning",
        status="acted_on",
        plan_change="3.5 now names volunteering in commissioning.",
        note="Raised by several organisations.",
    )
    original_text = comment.text

    page = client.post(url(comment), data)

    assert page.status_code == 302
    comment.refresh_from_db()
    assert comment.text == original_text
    assert comment.stance == "concern"
    assert sorted(comment.sections.values_list("number", flat=True)) == ["1.11", "3.5"]
    assert list(comment.themes.values_list("name", flat=True)) == ["Transforming public services"]
    assert sorted(comment.comment_tags.values_list("tag__name", flat=True)) == [
        "commissioning",
        "small organisations",
    ]
    assert Tag.objects.count() == 2  # "Commissioning" is the existing tag, whatever its case
    review = Review.objects.get(comment=comment)
    assert (review.status, review.note) == ("acted_on", "Raised by several organisations.")


def test_removing_a_wrong_link(client, comment):
    client.force_login(UserFactory(officer=True))

    client.post(url(comment), annotation_form_data(comment, sections=[], general="on"))

    assert not comment.section_links.exists()


def test_acted_on_needs_the_plan_change(client, comment):
    client.force_login(UserFactory(officer=True))

    page = client.post(url(comment), annotation_form_data(comment, status="acted_on"))

    assert "Say which change to the plan the comment led to." in visible_text(page)
    assert not Review.objects.filter(comment=comment).exists()


def test_a_section_of_another_plan_is_refused(client, comment):
    client.force_login(UserFactory(officer=True))
    foreign = SectionFactory(plan=PlanFactory(), number="3.5")

    page = client.post(url(comment), annotation_form_data(comment, sections=[str(foreign.pk)]))

    assert "Choose sections of this plan only." in visible_text(page)
    assert list(comment.sections.values_list("number", flat=True)) == ["3.5"]


def test_officers_see_their_annotations_beside_the_comment(client, comment):
    client.force_login(UserFactory(officer=True))
    client.post(
        url(comment), annotation_form_data(comment, new_tags="mentoring", status="reviewed")
    )

    text = visible_text(client.get("/plans/noms-third-sector-action-plan/sections/3.5/"))

    assert "Review: Reviewed" in text and "Tags: mentoring" in text


def test_the_public_never_sees_annotations(client, comment):
    Review.objects.create(comment=comment, status="reviewed", note="Secret officer note")

    text = visible_text(client.get("/plans/noms-third-sector-action-plan/sections/3.5/"))

    assert "Secret officer note" not in text and "Annotate" not in text and "Review:" not in text


def test_a_draft_comment_cannot_be_annotated(client, seed):
    plan, _ = seed
    draft = ResponseFactory(draft=True, plan=plan, owner=UserFactory(respondent=True))
    draft_comment = Comment.objects.create(response=draft, position=1, text="Mine")
    client.force_login(UserFactory(officer=True))

    assert client.get(url(draft_comment)).status_code == 404


def test_a_question_with_nothing_to_choose_is_not_asked(client, comment):
    client.force_login(UserFactory(officer=True))
    Tag.objects.all().delete()
    assert "Tags" not in visible_text(client.get(url(comment))).split("New tags")[0]

    Tag.objects.create(name="commissioning")
    assert "Tags commissioning" in visible_text(client.get(url(comment)))
