"""What the pages say where they used to say it twice or wrongly."""

import re

import pytest

from tests.factories import UserFactory
from tests.page_text import visible_text

pytestmark = pytest.mark.django_db

PLAN = "/plans/noms-third-sector-action-plan/"


def test_a_filtered_section_with_no_match_says_so_once(client, seed):
    text = visible_text(client.get(f"{PLAN}sections/3.5/?stance=question"))

    assert "No comments match these filters. Clear the filters" in text
    assert "No comments match." not in text
    assert "No comments on this section yet." not in text


def test_a_section_nobody_commented_on_says_so_once(client, seed):
    plan, _ = seed
    plan.sections.create(number="9.9", heading="Uncommented", text="Nobody wrote about this.")

    text = visible_text(client.get(f"{PLAN}sections/9.9/"))

    assert text.count("No comments") == 1
    assert "No comments on this section yet." in text


def test_the_sort_choices_name_each_order_plainly(client, seed):
    html = client.get(f"{PLAN}sections/3.5/").content.decode()
    sort = re.search(r'<select[^>]*name="sort".*?</select>', html, re.S).group(0)

    assert visible_text(sort) == (
        "Oldest response first Newest response first Respondent A to Z Respondent Z to A"
    )


@pytest.mark.parametrize("who, shown", [(None, False), ("officer", False), ("admin", True)])
def test_administration_is_offered_only_to_staff(client, seed, who, shown):
    if who:
        client.force_login(UserFactory(**{who: True}))

    assert ("Administration" in visible_text(client.get(PLAN))) is shown
