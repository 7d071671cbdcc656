import re

import pytest

from responses.models import Response
from tests.factories import CommentFactory, ResponseFactory, SectionFactory, SectionLinkFactory
from tests.page_text import section_block, visible_text

pytestmark = pytest.mark.django_db


def test_plan_page_shows_sections_in_natural_order(client, seed):
    html = client.get("/plans/noms-third-sector-action-plan/").content.decode()

    headings = re.findall(r'id="section-([\d.]+)-heading"', html)
    assert headings == ["1.3", "1.11", "1.15", "2.8", "3.5"]


def test_each_section_sits_beside_only_its_own_critique(client, seed):
    html = client.get("/plans/noms-third-sector-action-plan/").content.decode()

    assert "consortia building being ‘encouraged’" in section_block(html, "1.11")
    assert "1 comment on 1.11" in section_block(html, "1.11")
    assert "2 comments on 3.5" in section_block(html, "3.5")
    assert "highlighted in the actions under 3.5" in section_block(html, "3.5")
    assert "local community anchor organisations’ which suggests" in section_block(html, "3.5")
    assert "consortia building being" not in section_block(html, "3.5")
    assert "as stated in 1.15" in section_block(html, "1.15")
    assert "local demonstration projects under 2.8" in section_block(html, "2.8")
    assert "encouraging social enterprise’ as one of the drivers" in section_block(html, "1.3")


def test_quoted_wording_is_highlighted_in_the_section_text(client, seed):
    html = client.get("/plans/noms-third-sector-action-plan/").content.decode()

    assert '<mark class="marginalia-quote">considered</mark> where appropriate' in section_block(
        html, "1.11"
    )
    assert '<mark class="marginalia-quote">informed</mark>' in section_block(html, "1.15")


def test_theme_and_general_comments_have_parts_of_their_own(client, seed):
    text = visible_text(client.get("/plans/noms-third-sector-action-plan/"))

    themes = text.split("Comments on themes")[-1].split("Comments on the whole plan")[0]
    general = text.split("Comments on the whole plan")[-1]
    assert "Volunteering sits well in the ‘strengthening communities’ theme" in themes
    assert "Strengthening communities (1 comment)" in themes
    # The two most recent of the five general comments, and the way to all of them.
    for opening in [
        "In many places this document fails to bring together prisons and probation",
        "The independence of the Third Sector needs to be recognised",
    ]:
        assert opening in general
    assert "Volunteering England welcomes the acknowledgement" not in general
    assert "It is questionable whether the distinction between mentoring" not in general
    assert "All 5 comments on the whole plan" in general
    assert "Point 1.11" not in general


def test_page_says_the_wording_is_only_what_responses_quote(client, seed):
    text = visible_text(client.get("/plans/noms-third-sector-action-plan/"))

    assert "Only the wording that responses quoted is known for this plan" in text


def test_markup_in_a_comment_shows_as_text(client):
    link = SectionLinkFactory(comment__text='<script>alert("x")</script><b>bold</b>')
    html = client.get(link.section.plan.get_absolute_url()).content.decode()

    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;" in html
    assert "<b>bold</b>" not in html


def test_unpublished_responses_are_not_shown(client):
    link = SectionLinkFactory(
        comment__text="A draft thought",
        comment__response__status=Response.Status.DRAFT,
        comment__response__submitted_at=None,
        comment__response__reference=None,
    )

    text = visible_text(client.get(link.section.plan.get_absolute_url()))

    assert "A draft thought" not in text
    assert "0 comments on" in text


def test_unknown_plan_is_404(client):
    assert client.get("/plans/no-such-plan/").status_code == 404


def test_plan_page_query_count_does_not_grow_with_comments(client, django_assert_max_num_queries):
    link = SectionLinkFactory()
    plan = link.section.plan
    sections = [SectionFactory(plan=plan, number=f"2.{n}") for n in range(1, 21)]
    for _ in range(30):
        response = ResponseFactory(plan=plan)
        for position, section in enumerate(sections, start=1):
            SectionLinkFactory(
                comment=CommentFactory(response=response, position=position), section=section
            )

    with django_assert_max_num_queries(8):
        page = client.get(plan.get_absolute_url())

    assert page.status_code == 200
    assert visible_text(page).count("All 30 comments on 2.") == 20
    # The two most recent on each of the 20 sections, and the one comment on the first.
    assert page.content.decode().count('<article class="marginalia-comment"') == 20 * 2 + 1
