"""Quoted wording: pairing quotation marks and finding what they enclose in the plan's sections.

A quotation is anchored with the one quote matcher (plans.anchoring), so a misquote ("consultd
on the framwork"), a missing accent or an ellipsis still finds the plan's wording, and the
respondent's own words around the quote choose between two occurrences. Then the rules an officer
would follow decide what it links: sections named by number decide, a quote only chooses among
them; a quote of no named section links on its own only when it is distinctive (found in at most
DISTINCTIVE sections); wording the respondent proposes ("it should say ‘…’") is a proposal, not
a quote. What the detector is unsure of becomes a Doubt, for the officer's queue of links to check.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain

from plans.anchoring import (
    CONTEXT_LENGTH,
    SURE,
    WORD,
    Anchor,
    Folded,
    choose,
    find_candidates,
    fold,
    likely_places,
    quote_parts,
)
from responses.linking.text import Link, section_order

MINIMUM_QUOTE_LENGTH = 3
# A quote found in more sections than this, none of them named, is common wording: it links
# nothing and is left for an officer to place.
DISTINCTIVE = 2
# Quotes longer than this (characters) are only matched exactly, and a call searches for at most
# APPROXIMATE_SEARCHES quotes approximately: the detector reads hostile text too.
LONGEST_APPROXIMATE = 600
APPROXIMATE_SEARCHES = 300
# A quote is searched approximately in at most this many sections, the likeliest: more than
# DISTINCTIVE is common wording, whichever they are. Only sections with at least SHARED_WORDS
# of its words (a misquote keeps most of them) are tried at all.
APPROXIMATE_SECTIONS = 12
# Sections where a quote is found approximately less alike than this below the best are not
# where it is from.
ALIKE_AS_THE_BEST = 0.04
SHARED_WORDS = 0.5

# Words just before a quotation that make it the respondent's proposed wording, not the plan's:
# "it should say ‘…’", "replace ‘x’ with ‘…’", "amend to read ‘…’", "we suggest ‘…’".
_PROPOSAL_CUE = re.compile(
    r"(?:\b(?:should|could|would|must|ought\s+to|to)\s+(?:instead\s+)?(?:say|read|state)"
    r"|\brather\s+(?:it|this|that|they)?\s*(?:to\s+)?(?:said|say|read|stated|state)"
    r"|\b(?:replace[ds]?|replacing|substitut(?:e[ds]?|ing)|swap(?:ped)?)\b"
    r"(?:[^.;]|\.(?=\d)){0,80}?\b(?:with|by)"
    r"|\b(?:amend(?:ed)?|chang(?:e[ds]?|ing)|reword(?:ed)?|rewrit(?:e|ten))\b"
    r"(?:[^.;]|\.(?=\d)){0,60}?\b(?:to|as)"
    r"(?:\s+read)?"
    r"|\b(?:we\s+)?(?:suggest(?:s|ed)?|propose[ds]?|prefer)\s+(?:the\s+)?(?:new\s+)?"
    r"(?:wording|words?|phrase|text)?"
    r"|\b(?:insert(?:ed)?|add(?:ed)?)\s+(?:the\s+)?(?:words?|phrase|sentence)"
    r"|^\s*(?:insert|add)|[.;:]\s*(?:insert|add)"
    r"|\bnew\s+wording|\binstead\s+of\s+(?:[^.;]|\.(?=\d)){0,80}?\b(?:use|say|write))"
    r"\s*[:,]?\s*$",
    re.IGNORECASE,
)
PROPOSAL_LOOKBACK = 120


@dataclass(frozen=True)
class QuoteMatch:
    """Plan wording quoted by a comment, as a W3C TextQuoteSelector on the section's text."""

    section: str
    exact: str  # as written in the section, not as typed in the comment
    prefix: str  # up to CONTEXT_LENGTH characters of the section just before exact
    suffix: str  # up to CONTEXT_LENGTH characters of the section just after exact
    similarity: float = 1.0  # how alike the comment's words are to `exact`, 0–1

    @property
    def sure(self) -> bool:
        return self.similarity >= SURE


@dataclass(frozen=True)
class Doubt:
    """A quote the detector could not link with confidence, for an officer to settle."""

    words: str  # the quotation, marks included
    reason: str  # "found in 14 sections", "occurs twice in section 1.3", …
    sections: tuple[str, ...]  # where it might be, in plan order


@dataclass(frozen=True)
class QuoteReading:
    """What one paragraph's quotations gave: links, the plan wording they quote, the wording
    the respondent proposes and the doubts."""

    links: list[Link]
    matches: list[QuoteMatch]
    proposed: list[str]
    doubts: list[Doubt]
    # Sections a quote places the paragraph in without saying where (an occurrence to check).
    unplaced_sections: list[str]


@dataclass
class QuotableSections:
    """The sections' wording folded once per call for finding quotes; all find_quote needs.
    It remembers, for the call, each quote's places and how many were searched approximately."""

    section_texts: Mapping[str, str]
    folded_sections: tuple[tuple[str, Folded], ...]
    approximate: bool = True
    cache: dict[str, dict[str, list]] = field(default_factory=dict)
    approximate_searches: int = 0

    @classmethod
    def build(
        cls,
        section_texts: Mapping[str, str],
        ordered_numbers: Iterable[str],
        *,
        approximate: bool = True,
    ) -> QuotableSections:
        return cls(
            section_texts=section_texts,
            folded_sections=tuple(
                (number, fold(section_texts[number])) for number in ordered_numbers
            ),
            approximate=approximate,
        )

    def candidates(self, wording: str) -> dict[str, list]:
        """section -> the candidate places (plans.anchoring.find_candidates) of `wording`: the
        sections where it occurs as written, or, where it occurs as written in none, those
        where it occurs approximately."""
        needle = fold(wording).folded.strip()
        if needle in self.cache:
            return self.cache[needle]
        found = {}
        if len(needle) >= MINIMUM_QUOTE_LENGTH:
            found = self._search(wording, exact_only=True)
            if not found and self._may_search_approximately(needle):
                self.approximate_searches += 1
                found = self._search(wording, exact_only=False)
        self.cache[needle] = found
        return found

    def _may_search_approximately(self, needle: str) -> bool:
        return (
            self.approximate
            and len(needle) <= LONGEST_APPROXIMATE
            and self.approximate_searches < APPROXIMATE_SEARCHES
        )

    def _search(self, wording: str, *, exact_only: bool) -> dict[str, list]:
        parts = quote_parts(wording)
        if not parts:
            return {}
        if exact_only:
            sections = [self.folded_sections[index] for index in self._containing(parts[0])]
        else:
            sections = [self.folded_sections[index] for index in self._sharing_words(wording)]
            documents = [text for _number, text in sections]
            sections = [
                sections[index]
                for index in likely_places(
                    max(parts, key=len), documents, limit=APPROXIMATE_SECTIONS
                )
            ]
        found = {}
        for number, text in sections:
            candidates = find_candidates(text, wording, approximate=not exact_only)
            if candidates:
                found[number] = candidates
        if found and not exact_only:
            # Where one section has the wording far more alike than others, it is the one.
            best = {number: max(alike for *_span, alike in found[number]) for number in found}
            top = max(best.values())
            found = {n: c for n, c in found.items() if best[n] >= top - ALIKE_AS_THE_BEST}
        # In plan order, whatever order the likeliest came in.
        return dict(sorted(found.items(), key=lambda item: self._order[item[0]]))

    @cached_property
    def _haystack(self) -> tuple[str, list[int]]:
        """Every section's folded text in one string, a NUL between two, and where each starts:
        one search finds a wording in all of them."""
        starts, texts, offset = [], [], 0
        for _number, text in self.folded_sections:
            starts.append(offset)
            texts.append(text.folded)
            offset += len(text.folded) + 1
        return "\0".join(texts), starts

    def _containing(self, part: str) -> list[int]:
        """The indices of the sections whose folded text contains `part`."""
        haystack, starts = self._haystack
        found, at = [], haystack.find(part)
        while at != -1:
            index = bisect_right(starts, at) - 1
            found.append(index)
            next_section = starts[index + 1] if index + 1 < len(starts) else len(haystack)
            at = haystack.find(part, next_section)
        return found

    @cached_property
    def _order(self) -> dict[str, int]:
        return {number: index for index, (number, _text) in enumerate(self.folded_sections)}

    @cached_property
    def _words_index(self) -> dict[str, set[int]]:
        """Each folded word of the sections (a hyphenated one also as its parts) -> the indices
        of the sections it is in."""
        index: dict[str, set[int]] = {}
        for position, (_number, text) in enumerate(self.folded_sections):
            for word in _words_and_parts(text.folded):
                index.setdefault(word, set()).add(position)
        return index

    def _sharing_words(self, wording: str) -> list[int]:
        """The indices of the sections with at least SHARED_WORDS of the quote's words."""
        words = _words_and_parts(fold(wording).folded)
        counts = Counter(chain.from_iterable(self._words_index.get(word, ()) for word in words))
        enough = SHARED_WORDS * len(words)
        return sorted(position for position, count in counts.items() if count >= enough)


def _words_and_parts(folded: str) -> set[str]:
    """The words of a folded text, a hyphenated one also as its parts: "information-sharing"
    shares words with "information sharing"."""
    words = set(WORD.findall(folded))
    return words | {part for word in words if "-" in word for part in word.split("-")}


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
) -> QuoteReading:
    reading = QuoteReading([], [], [], [], [])
    for quoted in _quoted_wordings(paragraph):
        if _is_proposal(paragraph, quoted.start):
            reading.proposed.append(quoted.wording.strip())
            continue
        _read_quotation(paragraph, quoted, quotable, cited_sections, reading)
    return reading


def _read_quotation(paragraph, quoted, quotable, cited_sections, reading: QuoteReading) -> None:
    candidates = quotable.candidates(quoted.wording)
    if not candidates:
        return
    end = quoted.start + len(quoted.words)
    context = {
        "prefix": paragraph[max(0, quoted.start - CONTEXT_LENGTH) : quoted.start],
        "suffix": paragraph[end : end + CONTEXT_LENGTH],
    }
    found_in = tuple(candidates)
    if cited_sections:
        chosen = tuple(number for number in found_in if number in cited_sections)
        if not chosen:
            named = ", ".join(sorted(cited_sections, key=section_order))
            reading.doubts.append(
                Doubt(quoted.words, f"found in {_sections(found_in)}, not in {named}", found_in)
            )
            return
    elif len(found_in) > DISTINCTIVE:
        reading.doubts.append(
            Doubt(quoted.words, f"common wording: found in {len(found_in)} sections", found_in)
        )
        return
    else:
        chosen = found_in
        if len(chosen) > 1:
            reading.doubts.append(
                Doubt(quoted.words, f"found in {_sections(chosen)}: which is meant?", chosen)
            )
    for number in chosen:
        placed = choose(
            quotable.section_texts[number], candidates[number], **context, context_as_written=False
        )
        if placed.placed:
            reading.matches.append(_quote_match(number, placed))
            reading.links.append(
                Link("quote", number, _evidence(quoted.words, placed), quoted.start)
            )
        else:
            times = len(placed.candidates)
            reading.doubts.append(
                Doubt(quoted.words, f"occurs {times} times in section {number}", (number,))
            )
            reading.unplaced_sections.append(number)
            reading.links.append(Link("quote", number, quoted.words, quoted.start))


def _sections(numbers: tuple[str, ...]) -> str:
    return ("sections " if len(numbers) > 1 else "section ") + ", ".join(numbers)


def _evidence(words: str, placed: Anchor) -> str:
    """The words that made a quote link, and how alike they are where they were not exact."""
    return words if placed.status == "found" else f"{words} ({placed.describe()})"


def _is_proposal(paragraph: str, start: int) -> bool:
    before = paragraph[max(0, start - PROPOSAL_LOOKBACK) : start]
    return _PROPOSAL_CUE.search(before) is not None


def _quote_match(number: str, placed: Anchor) -> QuoteMatch:
    return QuoteMatch(
        section=number,
        exact=placed.exact,
        prefix=placed.prefix,
        suffix=placed.suffix,
        similarity=round(placed.similarity, 3),
    )


def find_quote(wording: str, *, sections: Mapping[str, str]) -> list[QuoteMatch]:
    """Where a respondent's quoted `wording` is in `sections` (number -> text), found as the
    detector finds quotes: one TextQuoteSelector per section it is placed in, taken from that
    section's own text, exact where it occurs as written, else approximately."""
    section_texts = dict(sections)
    quotable = QuotableSections.build(section_texts, sorted(section_texts, key=section_order))
    matches = []
    for number, candidates in quotable.candidates(wording).items():
        placed = choose(section_texts[number], candidates)
        if placed.placed:
            matches.append(_quote_match(number, placed))
    return matches


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
