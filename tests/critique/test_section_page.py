import pytest

from tests.factories import CommentFactory, ResponseFactory, SectionFactory, SectionLinkFactory
from tests.page_text import visible_text

pytestmark = pytest.mark.django_db

SECTION_URL = "/plans/noms-third-sector-action-plan/sections/{}/"


def test_section_page_lists_only_its_own_critique(client, seed):
    text = visible_text(client.get(SECTION_URL.format("3.5")))

    assert "2 comments on 3.5" in text
    assert "This should be highlighted in the actions under 3.5." in text
    assert "Section 3.5: table two, for example" in text
    assert "Point 1.11" not in text


def test_section_page_highlights_the_quoted_wording(client, seed):
    html = client.get(SECTION_URL.format("3.5")).content.decode()

    assert (
        '<mark class="marginalia-quote">make use of the local community anchor organisations</mark>'
        in html
    )


def test_section_page_links_to_the_previous_and_next_sections(client, seed):
    html = client.get(SECTION_URL.format("1.11")).content.decode()

    assert f'href="{SECTION_URL.format("1.3")}" rel="prev"' in html
    assert f'href="{SECTION_URL.format("1.15")}" rel="next"' in html


def test_first_and_last_sections_have_one_neighbour(client, seed):
    first = client.get(SECTION_URL.format("1.3")).content.decode()
    last = client.get(SECTION_URL.format("3.5")).content.decode()

    assert 'rel="prev"' not in first and f'href="{SECTION_URL.format("1.11")}" rel="next"' in first
    assert 'rel="next"' not in last and f'href="{SECTION_URL.format("2.8")}" rel="prev"' in last


def test_comments_link_to_their_response(client, seed):
    _, response = seed
    html = client.get(SECTION_URL.format("1.11")).content.decode()

    assert f'href="/responses/{response.pk}/#comment-' in html


def test_unknown_section_is_404(client, seed):
    assert client.get(SECTION_URL.format("4.7")).status_code == 404
    assert client.get(SECTION_URL.format("not-a-number")).status_code == 404


def test_comments_are_paginated(client):
    section = SectionFactory(number="1.1")
    for n in range(25):
        SectionLinkFactory(
            section=section,
            comment__response__plan=section.plan,
            comment__text=f"Remark number {n:02d}.",
        )

    first = visible_text(client.get(f"{section.get_absolute_url()}"))
    second = visible_text(client.get(f"{section.get_absolute_url()}?page=2"))

    assert "25 comments on 1.1" in first
    assert "Remark number 00." in first and "Remark number 20." not in first
    assert "Remark number 20." in second and "Remark number 24." in second
    assert client.get(f"{section.get_absolute_url()}?page=99").status_code == 200


def test_section_page_query_count_does_not_grow_with_comments(
    client, django_assert_max_num_queries
):
    section = SectionFactory(number="1.1")
    other = SectionFactory(plan=section.plan, number="1.2")
    for _ in range(60):
        comment = CommentFactory(response=ResponseFactory(plan=section.plan))
        SectionLinkFactory(comment=comment, section=section)
        SectionLinkFactory(comment=comment, section=other)

    with django_assert_max_num_queries(8):
        page = client.get(section.get_absolute_url())

    assert "60 comments on 1.1" in visible_text(page)
    assert "Also critiques: 1.2" in visible_text(page)
