"""Themes: matching theme names loosely ("strengthening-communities") and linking to them."""

from __future__ import annotations

import re
from collections.abc import Iterable

from plans.anchoring import DASHES, SINGLE_QUOTE_MARKS
from responses.linking.text import CLOSING_QUOTE_MARKS, OPENING_QUOTE_MARKS, Link

_THEME_WORD_SEPARATOR = re.compile(r"[\s" + re.escape(DASHES) + "_]+")


def theme_patterns(themes: Iterable[str]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    patterns: dict[str, re.Pattern[str]] = {}
    for theme in themes:
        if theme in patterns:
            continue
        pattern = _theme_pattern(theme)
        if pattern is not None:
            patterns[theme] = pattern
    return tuple(patterns.items())


def _theme_pattern(theme: str) -> re.Pattern[str] | None:
    words = [word for word in _THEME_WORD_SEPARATOR.split(theme) if word]
    if not words:
        return None
    apostrophe = "[" + re.escape(SINGLE_QUOTE_MARKS) + "]"
    escaped_words = [
        "".join(
            apostrophe if character in SINGLE_QUOTE_MARKS else re.escape(character)
            for character in word
        )
        for word in words
    ]
    body = r"[\s" + re.escape(DASHES) + "_]+"
    pattern = body.join(escaped_words)
    # Word boundaries only make sense where the name itself starts or ends with a word character.
    if re.match(r"\w", words[0]):
        pattern = r"(?<!\w)" + pattern
    if re.search(r"\w$", words[-1]):
        pattern += r"(?!\w)"
    return re.compile(pattern, re.IGNORECASE)


def theme_links(paragraph: str, patterns: tuple[tuple[str, re.Pattern[str]], ...]) -> list[Link]:
    links = []
    for theme, pattern in patterns:
        for match in pattern.finditer(paragraph):
            start, end = _widen_to_quote_marks(paragraph, match.start(), match.end())
            links.append(Link("theme", theme, paragraph[start:end], start))
    return links


def _widen_to_quote_marks(paragraph: str, start: int, end: int) -> tuple[int, int]:
    quoted = (
        start > 0
        and end < len(paragraph)
        and paragraph[start - 1] in OPENING_QUOTE_MARKS
        and paragraph[end] in CLOSING_QUOTE_MARKS
    )
    return (start - 1, end + 1) if quoted else (start, end)
