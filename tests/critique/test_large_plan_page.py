"""The plan page of a 312-section plan: contents folded by chapter, counts where there are
comments, filters first, a way back to the contents from every section."""

import re

import pytest

from responses.models import Response
from tests.arranging import comment_on
from tests.large_plan import large_plan
from tests.page_text import visible_text

pytestmark = pytest.mark.django_db

PUBLISHED = Response.Status.PUBLISHED


@pytest.fixture
def plan():
    plan = large_plan()
    comment_on(plan.sections.get(number="3.7.2"), text="More on housing, please.", status=PUBLISHED)
    comment_on(plan.sections.get(number="3.9"), text="And on jobs.", status=PUBLISHED)
    return plan


def test_the_contents_fold_by_chapter_and_count_only_what_was_commented(client, plan):
    html = client.get(f"/plans/{plan.slug}/").content.decode()
    contents = html.split('id="contents-heading"', 1)[1].split("</nav>", 1)[0]

    summaries = [
        visible_text(summary)
        for summary in re.findall(r"<summary[^>]*>(.*?)</summary>", contents, re.S)
    ]
    assert len(summaries) == 12
    assert summaries[2] == "3 Chapter 3 heading (2 comments)"
    assert summaries[3] == "4 Chapter 4 heading"
    text = visible_text(contents)
    assert "Section 3.7.2: Heading 3.7.2 (1 comment)" in text
    assert "Section 3.7.1: Heading 3.7.1 Section 3.7.2" in text  # no "(0 comments)"
    assert "marginalia-contents__level-3" in contents


def test_the_filters_come_before_the_contents_and_each_section_leads_back(client, plan):
    html = client.get(f"/plans/{plan.slug}/").content.decode()

    assert html.index("Filter and sort comments") < html.index('id="contents-heading"')
    assert html.count('href="#contents-heading">Back to contents</a>') == 312
