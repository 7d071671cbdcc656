"""A plan's critique in figures (responses.overview): distinct comments per section by stance,
in a fixed number of queries."""

import pytest
from django.contrib.auth.models import AnonymousUser

from responses.models import Comment
from responses.overview import overview_of_plan, stance_counts_by_section
from responses.selectors import visible_comments
from tests.factories import (
    CommentFactory,
    ResponseFactory,
    SectionFactory,
    SectionLinkFactory,
    ThemeFactory,
    ThemeLinkFactory,
)

pytestmark = pytest.mark.django_db


def test_a_comment_quoting_a_section_twice_counts_once(seed):
    plan, response = seed
    section = plan.sections.get(number="1.3")
    comment = CommentFactory(response=response, position=50, stance=Comment.Stance.QUESTION)
    SectionLinkFactory(comment=comment, section=section, exact="encouraging")
    SectionLinkFactory(comment=comment, section=section, exact="social enterprise")

    counts = stance_counts_by_section(plan=plan, comments=visible_comments(AnonymousUser()))

    assert counts[section.pk] == {
        "welcomes": 0,
        "concern": 1,
        "recommendation": 0,
        "question": 1,
        "general": 0,
    }
    assert set(counts) == set(plan.sections.values_list("pk", flat=True))


def test_overview_counts_in_three_queries_however_many_comments(django_assert_max_num_queries):
    first = SectionFactory(number="1.1")
    plan = first.plan
    sections = [first] + [SectionFactory(plan=plan, number=f"2.{n}") for n in range(1, 30)]
    theme = ThemeFactory(plan=plan)
    for n in range(40):
        response = ResponseFactory(plan=plan)
        for position in range(1, 4):
            comment = CommentFactory(response=response, position=position, stance="concern")
            SectionLinkFactory(comment=comment, section=sections[(n + position) % 30])
        ThemeLinkFactory(comment=CommentFactory(response=response, position=4), theme=theme)
        CommentFactory(response=response, position=5)
    comments = visible_comments(AnonymousUser()).filter(response__plan=plan)

    with django_assert_max_num_queries(3):
        overview = overview_of_plan(plan=plan, comments=comments)

    assert len(overview.sections) == 30
    assert sum(entry.total for entry in overview.sections) == 120
    assert overview.theme_counts[0].count == 40
    assert overview.general_count == 40
    assert len(overview.chart.bars) == 30
