import pytest

from responses.models import Response
from responses.seed import SEED_TEXT, read_seed_response
from tests.factories import (
    CommentFactory,
    ResponseFactory,
    SectionFactory,
    SectionLinkFactory,
    ThemeFactory,
    ThemeLinkFactory,
)
from tests.page_text import visible_text

pytestmark = pytest.mark.django_db


def test_response_page_shows_all_twelve_paragraphs_once_each_in_order(client, seed):
    _, response = seed
    text = visible_text(client.get(f"/responses/{response.pk}/"))
    _, paragraphs = read_seed_response(SEED_TEXT.read_text(encoding="utf-8"))

    assert len(paragraphs) == 12
    positions = [text.index(paragraph) for paragraph in paragraphs]
    assert positions == sorted(positions)
    assert all(text.count(paragraph) == 1 for paragraph in paragraphs)


def test_response_page_shows_none_of_the_page_residue(client, seed):
    _, response = seed
    text = visible_text(client.get(f"/responses/{response.pk}/"))

    assert "Skip navigation |" not in text
    assert "Response by Volunteering England Volunteering England is" not in text
    assert "“Securing" not in text


def test_each_comment_links_to_the_sections_it_critiques(client, seed):
    _, response = seed
    html = client.get(f"/responses/{response.pk}/").content.decode()

    for number in ["1.11", "3.5", "1.15", "2.8", "1.3"]:
        assert f'href="/plans/noms-third-sector-action-plan/sections/{number}/"' in html
    assert "the whole plan" in visible_text(html)


def test_draft_and_submitted_responses_are_not_public(client):
    draft = ResponseFactory(status=Response.Status.DRAFT, submitted_at=None, reference=None)
    submitted = ResponseFactory(status=Response.Status.SUBMITTED)

    assert client.get(f"/responses/{draft.pk}/").status_code == 404
    assert client.get(f"/responses/{submitted.pk}/").status_code == 404
    assert client.get("/responses/999999/").status_code == 404


def test_response_page_query_count_does_not_grow_with_comments(
    client, django_assert_max_num_queries
):
    response = ResponseFactory()
    sections = [SectionFactory(plan=response.plan, number=f"1.{n}") for n in range(1, 11)]
    themes = ThemeFactory.create_batch(3, plan=response.plan)
    for position in range(1, 201):
        comment = CommentFactory(response=response, position=position)
        SectionLinkFactory(comment=comment, section=sections[position % 10])
        ThemeLinkFactory(comment=comment, theme=themes[position % 3])

    with django_assert_max_num_queries(6):
        page = client.get(response.get_absolute_url())

    assert page.status_code == 200
    assert page.content.decode().count('href="/plans/') >= 200
