"""What every page, the API and the reports read comments through (responses.selectors and
responses.ordering): comments in reading order, their links in the plan's natural order."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from responses.models import Comment, SectionLink
from responses.ordering import reading_order
from responses.selectors import visible_comments, with_links
from tests.factories import (
    CommentFactory,
    PlanFactory,
    ResponseFactory,
    SectionFactory,
    SectionLinkFactory,
    ThemeFactory,
    ThemeLinkFactory,
)

pytestmark = pytest.mark.django_db


def test_links_come_in_the_plans_natural_order_in_a_query_per_kind_of_link(
    django_assert_num_queries,
):
    comment = CommentFactory()
    plan = comment.response.plan
    for number in ["2.8", "1.11", "1.3"]:
        SectionLinkFactory(comment=comment, section=SectionFactory(plan=plan, number=number))
    ThemeLinkFactory(comment=comment, theme=ThemeFactory(plan=plan, name="Victims"))

    with django_assert_num_queries(3):
        read = with_links(Comment.objects.filter(pk=comment.pk)).get()
        numbers = [section.number for section in read.linked_sections]
        themes = [theme.name for theme in read.linked_themes]

    assert numbers == ["1.3", "1.11", "2.8"]
    assert themes == ["Victims"]


def test_two_quotes_of_one_section_keep_the_order_they_were_stored_in():
    comment = CommentFactory()
    section = SectionFactory(plan=comment.response.plan, text="will be considered where fit")
    for exact in ["where fit", "considered"]:
        SectionLinkFactory(comment=comment, section=section, exact=exact)

    read = with_links(Comment.objects.filter(pk=comment.pk)).get()

    assert [link.exact for link in read.section_links.all()] == ["where fit", "considered"]


def test_comments_come_in_reading_order_responses_by_submission_then_position():
    plan = PlanFactory()
    noon = timezone.now().replace(hour=12, minute=0, second=0, microsecond=0)
    later = ResponseFactory(plan=plan, submitted_at=noon)
    earlier = ResponseFactory(plan=plan, submitted_at=noon - datetime.timedelta(hours=1))
    same_moment = ResponseFactory(plan=plan, submitted_at=noon)
    for response in (later, earlier, same_moment):
        for position in (2, 1):
            CommentFactory(response=response, position=position)

    read = [
        (comment.response_id, comment.position)
        for comment in visible_comments(AnonymousUser()).filter(response__plan=plan)
    ]

    assert read == [
        (earlier.pk, 1),
        (earlier.pk, 2),
        (later.pk, 1),
        (later.pk, 2),
        (same_moment.pk, 1),
        (same_moment.pk, 2),
    ]


def test_reading_order_reaches_comments_through_a_link():
    plan = PlanFactory()
    section = SectionFactory(plan=plan)
    first = ResponseFactory(plan=plan, submitted_at=timezone.now() - datetime.timedelta(days=1))
    second = ResponseFactory(plan=plan, submitted_at=timezone.now())
    for response in (second, first):
        SectionLinkFactory(comment=CommentFactory(response=response), section=section)

    links = SectionLink.objects.filter(section=section).order_by(
        *reading_order(through="comment__")
    )

    assert [link.comment.response_id for link in links] == [first.pk, second.pk]
