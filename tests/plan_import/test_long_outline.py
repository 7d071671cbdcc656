"""The outline check of a 312-section plan: each section one folded line under its chapter, the
ones to check open and listed first, and every section still posted and saved."""

import re

import pytest

from plans.models import Plan
from tests.factories import UserFactory
from tests.large_plan import CHAPTERS, _numbers
from tests.page_text import visible_text
from tests.plan_import.test_import_plan_pages import outline_data

pytestmark = pytest.mark.django_db


def long_plan_text(*, skip=None):
    lines = []
    for chapter in range(1, CHAPTERS + 1):
        if chapter == skip:
            continue
        for number in _numbers(chapter):
            heading = f"Chapter {chapter} heading" if "." not in number else f"Heading {number}"
            lines += [f"{number} {heading}", f"The wording of section {number}.", ""]
    return "\n".join(lines)


@pytest.fixture
def officer(client):
    client.force_login(UserFactory(officer=True))
    return client


def folds(page):
    """Each folded section's (label, is it open) in page order."""
    html = page.content.decode()
    return [
        (visible_text(summary), " open" in attributes)
        for attributes, summary in re.findall(
            r'<details class="govuk-details marginalia-outline-fold"([^>]*)>\s*'
            r"<summary[^>]*>(.*?)</summary>",
            html,
            re.S,
        )
    ]


def test_a_long_outline_folds_by_chapter_with_the_doubtful_sections_open(officer):
    page = officer.post("/plans/import/", {"title": "Big plan", "text": long_plan_text(skip=5)})

    shown = folds(page)
    assert len(shown) == 11 * 26
    assert shown[0] == ("Section 1: Chapter 1 heading", False)
    # Chapter 5 is missing: 6 is the one to check, open and listed first.
    opened = [label for label, is_open in shown if is_open]
    assert opened == ["Section 6: Chapter 6 heading Check"]
    text = visible_text(page)
    assert "To check 6 Chapter 6 heading Chapters 1 Chapter 1 heading (26 sections)" in text
    assert "The sections are folded by chapter: open one to correct it." in text
    # The flat outline list of a short plan is not drawn as well.
    assert 'class="govuk-list marginalia-outline"' not in page.content.decode()


def test_a_merge_opens_the_section_it_changed_and_saving_keeps_every_section(officer):
    page = officer.post(
        "/plans/import/", {"title": "Big plan", "slug": "big", "text": long_plan_text()}
    )
    assert [label for label, is_open in folds(page) if is_open] == []

    merged = officer.post("/plans/import/outline/", {**outline_data(page), "action": "merge-2"})
    # 1.1 now holds 1.2's numbered line, so it is open and marked to check as well.
    assert [label for label, is_open in folds(merged) if is_open] == [
        "Section 1.1: Heading 1.1 Check"
    ]

    data = outline_data(merged)
    data["sections-40-number"] = "2.x"
    refused = officer.post("/plans/import/outline/", {**data, "action": "save"})
    assert not Plan.objects.exists()
    assert [label for label, is_open in folds(refused) if is_open] == [
        "Section 1.1: Heading 1.1 Check",
        "Section 2.x: Heading 2.12 Check Error",
    ]
    assert "Heading 2.12" in visible_text(refused).split("To check", 1)[1].split("Chapters", 1)[0]

    data["sections-40-number"] = "2.12"
    saved = officer.post("/plans/import/outline/", {**data, "action": "save"})
    assert saved.status_code == 302
    assert Plan.objects.get(slug="big").sections.count() == 312 - 1
