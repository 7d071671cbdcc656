"""The body of a critique page is kept in the cache for every reader of its class
(responses.caching.shared_fragment): each reader still gets their own page around it, no reader
gets the body of another class, and no reader reads a body older than the last change."""

import pytest
from django.test import Client

from officers.models import Review
from responses.models import Respondent, Response
from tests.arranging import comment_on
from tests.factories import (
    CommentFactory,
    CommentTagFactory,
    ResponseFactory,
    SectionLinkFactory,
    UserFactory,
)
from tests.officers.annotation_form import annotation_form_data
from tests.page_text import visible_text

pytestmark = pytest.mark.django_db

PLAN = "/plans/noms-third-sector-action-plan/"
SECTION_3_5 = f"{PLAN}sections/3.5/"
PAGES = [
    PLAN,
    SECTION_3_5,
    f"{SECTION_3_5}?stance=recommendation",
    f"{PLAN}overview/",
    f"{PLAN}general/",
    "/search/?q=volunteering&plan=noms-third-sector-action-plan",
]


def _signed_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("url", PAGES)
def test_a_second_officer_reads_the_body_the_first_made_on_their_own_page(
    seed, url, django_assert_max_num_queries
):
    first, second = UserFactory(officer=True), UserFactory(officer=True)
    _signed_in(first).get(url)
    client = _signed_in(second)

    with django_assert_max_num_queries(6):
        page = client.get(url)

    assert page.status_code == 200
    text = visible_text(page)
    assert f"Sign out ({second.username})" in text
    assert first.username not in text


def test_a_name_hidden_from_the_public_stays_hidden_after_an_officer_read_it(seed):
    plan, _ = seed
    response = ResponseFactory(
        plan=plan,
        respondent__name="Ada Walrus",
        respondent__kind=Respondent.Kind.INDIVIDUAL,
        hide_respondent_name=True,
    )
    SectionLinkFactory(
        comment=CommentFactory(response=response, text="Walrus from a private person"),
        section=plan.sections.get(number="3.5"),
    )
    officer = _signed_in(UserFactory(officer=True))
    respondent = _signed_in(UserFactory(respondent=True))

    assert "Walrus from a private person" in visible_text(Client().get(SECTION_3_5))
    assert "Ada Walrus" in visible_text(officer.get(SECTION_3_5))
    assert "Ada Walrus" not in visible_text(respondent.get(SECTION_3_5))
    assert "Ada Walrus" not in visible_text(Client().get(SECTION_3_5))


def test_an_officers_review_shows_on_every_officers_page_at_once(seed):
    _, response = seed
    comment = response.comments.get(position=4)  # on 3.5
    reader = _signed_in(UserFactory(officer=True))
    annotator = _signed_in(UserFactory(officer=True))
    assert "Review: Reviewed" not in visible_text(reader.get(SECTION_3_5))

    annotator.post(f"/comments/{comment.pk}/", annotation_form_data(comment, status="reviewed"))

    assert Review.objects.get(comment=comment).status == "reviewed"
    assert "Review: Reviewed" in visible_text(reader.get(SECTION_3_5))


def test_an_officers_review_shows_in_every_officers_search_at_once(seed):
    _, response = seed
    comment = response.comments.get(position=4)  # "…the NOMS draft volunteering strategy…"
    search = "/search/?q=volunteering+strategy&plan=noms-third-sector-action-plan"
    reader = _signed_in(UserFactory(officer=True))
    annotator = _signed_in(UserFactory(officer=True))
    assert "Review: Reviewed" not in visible_text(reader.get(search))

    annotator.post(f"/comments/{comment.pk}/", annotation_form_data(comment, status="reviewed"))

    assert "Review: Reviewed" in visible_text(reader.get(search))


def test_an_admins_rename_of_a_tag_shows_on_the_officers_pages_at_once(seed):
    _, response = seed
    comment_tag = CommentTagFactory(comment=response.comments.get(position=4), tag__name="funding")
    officer = _signed_in(UserFactory(officer=True))
    assert "Walrus funding" not in visible_text(officer.get(SECTION_3_5))

    _signed_in(UserFactory(admin=True)).post(
        f"/admin/officers/tag/{comment_tag.tag.pk}/change/", {"name": "Walrus funding"}
    )

    assert "Walrus funding" in visible_text(officer.get(SECTION_3_5))


def test_a_respondent_reads_their_own_draft_as_it_now_stands(seed):
    plan, _ = seed
    owner = UserFactory(respondent=True)
    comment = comment_on(
        plan.sections.get(number="3.5"),
        text="Walrus first draft",
        status=Response.Status.DRAFT,
        owner=owner,
    )
    client = _signed_in(owner)
    assert "Walrus first draft" in visible_text(client.get(SECTION_3_5))

    comment.text = "Walrus second draft"
    comment.save()  # a draft's change bumps no generation

    assert "Walrus second draft" in visible_text(client.get(SECTION_3_5))
