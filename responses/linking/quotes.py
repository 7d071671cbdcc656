"""Quoted wording: pairing quotation marks and finding what they enclose in the plan's sections."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from responses.linking.text import Link, NormalisedText, normalise, section_order

# W3C TextQuoteSelector recommends enough context to re-anchor a quote; 32 is its usual size.
CONTEXT_LENGTH = 32
MINIMUM_QUOTE_LENGTH = 3


@dataclass(frozen=True)
class QuoteMatch:
    """Plan wording quoted by a comment, as a W3C TextQuoteSelector on the section's text."""

    section: str
    exact: str  # as written in the section, not as typed in the comment
    prefix: str  # up to CONTEXT_LENGTH characters of the section just before exact
    suffix: str  # up to CONTEXT_LENGTH characters of the section just after exact


@dataclass(frozen=True)
class QuotableSections:
    """The sections' wording folded once per call for finding quotes; all find_quote needs."""

    section_texts: Mapping[str, str]
    normalised_sections: tuple[tuple[str, NormalisedText], ...]
    quote_cache: dict[str, tuple[tuple[str, int, int], ...]] = field(default_factory=dict)

    @classmethod
    def build(
        cls, section_texts: Mapping[str, str], ordered_numbers: Iterable[str]
    ) -> QuotableSections:
        return cls(
            section_texts=section_texts,
            normalised_sections=tuple(
                (number, normalise(section_texts[number])) for number in ordered_numbers
            ),
        )


@dataclass(frozen=True)
class _QuoteStyle:
    opening: str
    closing: str
    # Straight marks double as apostrophes and inch marks, so they need stricter surroundings.
    straight: bool

    @cached_property
    def marks(self) -> re.Pattern[str]:
        return re.compile("[" + re.escape(self.opening + self.closing) + "]")


QUOTE_STYLES = (
    _QuoteStyle("‘", "’", straight=False),
    _QuoteStyle("“", "”", straight=False),
    _QuoteStyle("'", "'", straight=True),
    _QuoteStyle('"', '"', straight=True),
)
_ANY_QUOTE_MARK = re.compile(
    "[" + re.escape("".join(style.opening + style.closing for style in QUOTE_STYLES)) + "]"
)
_BEFORE_STRAIGHT_OPENING = "([{<-–—/‘“"


@dataclass(frozen=True, slots=True)
class _QuotedWording:
    start: int
    wording: str
    words: str


def quote_links(
    paragraph: str, quotable: QuotableSections, cited_sections: set[str]
) -> tuple[list[Link], list[QuoteMatch]]:
    links: list[Link] = []
    matches: list[QuoteMatch] = []
    for quoted in _quoted_wordings(paragraph):
        for number, start, end in _sections_quoted(quoted.wording, quotable, cited_sections):
            matches.append(_quote_match(quotable, number, start, end))
            links.append(Link("quote", number, quoted.words, quoted.start))
    return links, matches


def _quote_match(quotable: QuotableSections, number: str, start: int, end: int) -> QuoteMatch:
    section_text = quotable.section_texts[number]
    return QuoteMatch(
        section=number,
        exact=section_text[start:end],
        prefix=section_text[max(0, start - CONTEXT_LENGTH) : start],
        suffix=section_text[end : end + CONTEXT_LENGTH],
    )


def find_quote(wording: str, *, sections: Mapping[str, str]) -> list[QuoteMatch]:
    """Where a respondent's quoted `wording` occurs in `sections` (number -> text), matched as
    the detector matches quotes (case, spacing, dashes and quote styles aside): one
    TextQuoteSelector per section it occurs in, taken from that section's own text."""
    section_texts = dict(sections)
    quotable = QuotableSections.build(section_texts, sorted(section_texts, key=section_order))
    return [
        _quote_match(quotable, number, start, end)
        for number, start, end in _occurrences_in_sections(wording, quotable)
    ]


def _quoted_wordings(paragraph: str) -> list[_QuotedWording]:
    if _ANY_QUOTE_MARK.search(paragraph) is None:
        return []
    quoted = [wording for style in QUOTE_STYLES for wording in _quoted_in_style(paragraph, style)]
    return sorted(quoted, key=lambda wording: wording.start)


def _quoted_in_style(paragraph: str, style: _QuoteStyle) -> Iterator[_QuotedWording]:
    # One pass pairing each opening mark with the next closing one keeps this linear.
    opened_at: int | None = None
    for mark in style.marks.finditer(paragraph):
        index = mark.start()
        if opened_at is not None and _can_close(paragraph, index, style):
            yield _QuotedWording(
                start=opened_at,
                wording=paragraph[opened_at + 1 : index],
                words=paragraph[opened_at : index + 1],
            )
            opened_at = None
        elif opened_at is None and _can_open(paragraph, index, style):
            opened_at = index


def _can_open(paragraph: str, index: int, style: _QuoteStyle) -> bool:
    if paragraph[index] != style.opening:
        return False
    before = paragraph[index - 1] if index > 0 else " "
    if not style.straight:
        return not before.isalnum()
    after = paragraph[index + 1] if index + 1 < len(paragraph) else " "
    return (before.isspace() or before in _BEFORE_STRAIGHT_OPENING) and not after.isspace()


def _can_close(paragraph: str, index: int, style: _QuoteStyle) -> bool:
    if paragraph[index] != style.closing:
        return False
    after = paragraph[index + 1] if index + 1 < len(paragraph) else " "
    # "organisation’s" and "don't": a mark followed by a letter is an apostrophe.
    if after.isalnum():
        return False
    return not (style.straight and paragraph[index - 1].isspace())


def _sections_quoted(
    wording: str, quotable: QuotableSections, cited_sections: set[str]
) -> tuple[tuple[str, int, int], ...]:
    """(section, start, end) of the quoted wording in each section it is taken from."""
    occurrences = _occurrences_in_sections(wording, quotable)
    preferred = tuple(occurrence for occurrence in occurrences if occurrence[0] in cited_sections)
    return preferred or occurrences


def _occurrences_in_sections(
    wording: str, quotable: QuotableSections
) -> tuple[tuple[str, int, int], ...]:
    longest_section = max((len(text.folded) for _, text in quotable.normalised_sections), default=0)
    # Folding never shortens text below its whitespace-collapsed length, so this prune is safe.
    if len(" ".join(wording.split())) > longest_section:
        return ()
    needle = normalise(wording).folded.strip()
    if needle not in quotable.quote_cache:
        quotable.quote_cache[needle] = _find_in_sections(needle, quotable)
    return quotable.quote_cache[needle]


def _find_in_sections(needle: str, quotable: QuotableSections) -> tuple[tuple[str, int, int], ...]:
    # British style leaves the full stop outside the quote, American puts it inside: try both.
    for candidate in dict.fromkeys((needle, needle.rstrip(".,;:!?").rstrip())):
        if len(candidate) < MINIMUM_QUOTE_LENGTH:
            continue
        occurrences = []
        for number, section in quotable.normalised_sections:
            found_at = _find_whole_words(section.folded, candidate)
            if found_at is not None:
                start = section.origins[found_at]
                end = section.origins[found_at + len(candidate) - 1] + 1
                occurrences.append((number, start, end))
        if occurrences:
            return tuple(occurrences)
    return ()


def _find_whole_words(haystack: str, needle: str) -> int | None:
    """First occurrence of needle that does not start or end inside a word of haystack."""
    checks_start = needle[0].isalnum()
    checks_end = needle[-1].isalnum()
    found_at = haystack.find(needle)
    while found_at != -1:
        end = found_at + len(needle)
        starts_inside_word = checks_start and found_at > 0 and haystack[found_at - 1].isalnum()
        ends_inside_word = checks_end and end < len(haystack) and haystack[end].isalnum()
        if not starts_inside_word and not ends_inside_word:
            return found_at
        found_at = haystack.find(needle, found_at + 1)
    return None
