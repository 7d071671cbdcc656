"""Themes: names found whatever their case, spacing, hyphens or apostrophes, once each."""

from __future__ import annotations

import pytest

from responses.linking import Evidence
from tests.responses.linking.plan_examples import THEMES_PARAGRAPH, read_one


def test_reads_themes_named_in_quotes_and_no_sections() -> None:
    paragraph = read_one(THEMES_PARAGRAPH)

    assert paragraph.themes == ("Strengthening communities", "Transforming public services")
    assert paragraph.sections == ()
    assert paragraph.quotes == ()
    assert paragraph.evidence == (
        Evidence("theme", "Strengthening communities", "‘strengthening communities’"),
        Evidence("theme", "Transforming public services", "‘transforming public services’"),
    )


@pytest.mark.parametrize(
    "text",
    [
        "We support strengthening communities.",
        "We support STRENGTHENING   COMMUNITIES.",
        "We support strengthening\ncommunities.",
        "We support strengthening-communities.",
        'We support "Strengthening communities".',
    ],
)
def test_theme_names_tolerate_case_whitespace_and_hyphens(text: str) -> None:
    assert read_one(text).themes == ("Strengthening communities",)


def test_theme_names_tolerate_curly_or_straight_apostrophes() -> None:
    themes = ["Children's services"]

    assert read_one("On children’s services we agree.", themes=themes).themes == tuple(themes)


def test_theme_names_need_word_boundaries() -> None:
    themes = ["Community", "Public services"]

    assert read_one("Communityism and nonpublic services.", themes=themes).themes == ()


def test_themes_are_reported_once_in_the_order_given() -> None:
    themes = [
        "Transforming public services",
        "Strengthening communities",
        "Strengthening communities",
    ]
    paragraph = read_one(
        "Strengthening communities, transforming public services, strengthening communities.",
        themes=themes,
    )

    assert paragraph.themes == ("Transforming public services", "Strengthening communities")
    assert [item.target for item in paragraph.evidence] == [
        "Strengthening communities",
        "Transforming public services",
        "Strengthening communities",
    ]


def test_quoted_theme_name_is_a_theme_not_a_quote() -> None:
    paragraph = read_one("The ‘Strengthening communities’ theme is right.")

    assert paragraph.themes == ("Strengthening communities",)
    assert paragraph.quotes == ()
    assert paragraph.sections == ()
