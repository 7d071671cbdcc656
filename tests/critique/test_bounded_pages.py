"""Every critique page is bounded by design: a fixed number of queries, and a size that does not
grow with the number of comments, or their length. The plan page previews the most recent
comments on each part and links to the rest, which their own pages show a page at a time."""

import re

import pytest
from django.utils import timezone

from coding.models import Assignment, Code
from responses.models import Comment
from tests.factories import (
    CommentFactory,
    PlanFactory,
    ResponseFactory,
    SectionFactory,
    SectionLinkFactory,
    ThemeFactory,
    ThemeLinkFactory,
    UserFactory,
)
from tests.page_text import visible_text

pytestmark = pytest.mark.django_db

MAX_QUERIES = 10
# An officer's comment cards show each comment's codes, and the filters offer the plan's codes:
# two more queries.
OFFICER_QUERIES = 12
MAX_PAGE_BYTES = 250 * 1024


def _plan_with(comments_per_part, *, sections=3, text="A comment on the plan."):
    """A plan of `sections` sections, one theme and the plan as a whole, each with
    `comments_per_part` published comments."""
    plan = PlanFactory()
    theme = ThemeFactory(plan=plan, name="Volunteering")
    parts = [SectionFactory(plan=plan, number=f"1.{n + 1}") for n in range(sections)]
    for n in range(comments_per_part):
        response = ResponseFactory(plan=plan, submitted_at=timezone.now())
        position = 1
        for section in parts:
            comment = CommentFactory(response=response, position=position, text=f"{text} {n}")
            SectionLinkFactory(comment=comment, section=section)
            position += 1
        ThemeLinkFactory(comment=CommentFactory(response=response, position=position), theme=theme)
        CommentFactory(response=response, position=position + 1, text=f"General {n}.")
    return plan, theme


def _pages(plan, theme):
    base = f"/plans/{plan.slug}/"
    return [
        base,
        f"{base}?stance=concern",
        f"{base}sections/1.1/",
        f"{base}sections/1.1/?page=2&stance=concern",
        f"{base}themes/{theme.pk}/",
        f"{base}general/",
        f"{base}overview/",
        f"/search/?q=comment&plan={plan.slug}",
    ]


@pytest.mark.parametrize(
    ("who", "most"), [("the public", MAX_QUERIES), ("an officer", OFFICER_QUERIES)]
)
def test_every_page_takes_a_fixed_number_of_queries_however_many_comments(
    client, who, most, django_assert_max_num_queries
):
    plan, theme = _plan_with(45)
    if who == "an officer":
        client.force_login(UserFactory(officer=True))
        # Every comment coded twice: the codes are read in one query all the same.
        for n, comment in enumerate(Comment.objects.filter(response__plan=plan)):
            for code in (
                Code.objects.get_or_create(plan=plan, name="Funding")[0],
                Code.objects.get_or_create(plan=plan, name=f"Code {n % 3}")[0],
            ):
                Assignment.objects.create(comment=comment, code=code, origin="officer")

    for url in _pages(plan, theme):
        with django_assert_max_num_queries(most, info=url):
            page = client.get(url)
        assert page.status_code == 200, url


def test_the_plan_page_stays_small_however_many_and_however_long_the_comments(client):
    plan, _ = _plan_with(3, sections=50, text="Long words " * 2_000)

    page = client.get(f"/plans/{plan.slug}/")

    assert len(page.content) < MAX_PAGE_BYTES
    assert page.content.decode().count('<article class="marginalia-comment"') == 52 * 2


def test_the_plan_page_previews_the_newest_comments_and_links_to_all_of_them(client):
    plan, theme = _plan_with(25)

    html = client.get(f"/plans/{plan.slug}/").content.decode()
    text = visible_text(html)

    # 25 comments on each of the three sections, 25 on the theme and 25 on the whole plan.
    assert "125 comments." in text
    section = re.search(r'id="section-1\.1".*?</section>', html, re.S).group(0)
    assert "A comment on the plan. 24" in section and "A comment on the plan. 23" in section
    assert "A comment on the plan. 22" not in section
    assert f'href="/plans/{plan.slug}/sections/1.1/">All 25 comments on 1.1</a>' in section
    assert f'href="/plans/{plan.slug}/themes/{theme.pk}/">All 25 comments on the theme' in html
    assert f'href="/plans/{plan.slug}/general/">All 25 comments on the whole plan</a>' in html
    assert "General 24." in text and "General 22." not in text


def test_the_links_to_all_the_comments_keep_the_filters(client):
    plan, _ = _plan_with(5)
    CommentFactory.reset_sequence()

    html = client.get(f"/plans/{plan.slug}/", {"stance": "concern"}).content.decode()

    assert f'href="/plans/{plan.slug}/sections/1.1/?stance=concern">All 5 comments on 1.1' in html


def test_everyone_sees_the_counts_by_stance_of_each_section(client):
    plan, _ = _plan_with(4)

    text = visible_text(client.get(f"/plans/{plan.slug}/"))

    assert text.count("Concern: 4") == 3


def test_a_themes_page_lists_all_its_comments_a_page_at_a_time(client):
    plan, theme = _plan_with(25)

    first = visible_text(client.get(f"/plans/{plan.slug}/themes/{theme.pk}/"))
    second = visible_text(client.get(f"/plans/{plan.slug}/themes/{theme.pk}/", {"page": 2}))

    assert "Comments on the theme ‘Volunteering’" in first
    assert "25 comments on the theme ‘Volunteering’" in first
    assert first.count("Concern Organisation") + second.count("Concern Organisation") == 25


def test_the_general_comments_page_lists_only_comments_on_no_section_or_theme(client):
    plan, _ = _plan_with(3)

    text = visible_text(client.get(f"/plans/{plan.slug}/general/"))

    assert "3 comments on the whole plan" in text
    assert "General 0." in text and "General 2." in text
    assert "A comment on the plan." not in text


def test_a_theme_of_another_plan_is_not_found(client):
    plan, _ = _plan_with(1)
    other = ThemeFactory()

    assert client.get(f"/plans/{plan.slug}/themes/{other.pk}/").status_code == 404


def test_page_links_are_elided_around_the_current_page(client):
    plan, _ = _plan_with(600, sections=1)

    html = client.get(f"/plans/{plan.slug}/sections/1.1/", {"page": 15}).content.decode()

    pages = re.findall(r'aria-label="Page (\d+)"', html)
    assert pages == ["1", "14", "15", "16", "30"]
    assert html.count("govuk-pagination__item--ellipses") == 2
    assert 'aria-current="page">15<' in html
