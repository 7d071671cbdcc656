"""Section numbers: reading "Point 1.11", "Sections 1.3 and 1.11", "1.3 to 1.15" and not "£2.8m"."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from responses.linking.text import Link, natural_key

# A number followed by one of these words counts something; it is not a section of the plan.
QUANTITY_WORDS = (
    "per cent",
    "percent",
    "m",
    "mn",
    "bn",
    "k",
    "million",
    "billion",
    "trillion",
    "thousand",
    "hundred",
    "km",
    "kilometre",
    "kilometer",
    "mile",
    "metre",
    "meter",
    "kg",
    "tonne",
    "hour",
    "hr",
    "minute",
    "min",
    "day",
    "week",
    "month",
    "year",
    "yr",
    "decade",
    "people",
    "person",
    "time",
    "volunteer",
    "offender",
)
CURRENCY_SYMBOLS = frozenset("£$€¥₹")
CURRENCY_CODES = frozenset({"GBP", "USD", "EUR"})

# Nouns that announce a reference; they are also what lets a one-level number such as "Part 3" link.
REFERENCE_NOUNS = (
    "points?",
    "sections?",
    "paragraphs?",
    "paras?",
    "clauses?",
    "parts?",
    "secs?",
    "ss?(?=\\.)",  # "s.2.3", "ss.3.1-3.4": the abbreviation only with its full stop
)
# "s.2.3", "para.1.2": an abbreviated reference noun glued to the number by its full stop.
_ABBREVIATED_NOUN = re.compile(r"(?<![^\W_])(?:ss?|secs?|paras?|pts?|cl)\.$", re.IGNORECASE)
# Prepositions are kept in the evidence ("under 3.5") but do not make a bare integer a reference.
REFERENCE_PREPOSITIONS = ("under", "in", "at", "see", "within")

# Between two numbers, these characters with no space around them make one compound
# number ("2008/1.3", "1,300.5", "2-3") unless both sides are dotted section numbers.
TIGHT_JOINERS = frozenset(",/-–—‐‑")
LONGEST_SEPARATOR = 24
# Long enough for "paragraphs." followed by a few spaces.
CUE_LOOKBACK = 24

_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)*")
_QUANTITY_AFTER = re.compile(
    r"\s*(?:%|(?:"
    + "|".join(
        re.escape(word).replace(r"\ ", r"\s*") + "s?"
        for word in sorted(QUANTITY_WORDS, key=len, reverse=True)
    )
    + r")(?![^\W_]))",
    re.IGNORECASE,
)
_CUE_BEFORE = re.compile(
    r"(?:(?P<noun>(?<![^\W_])(?:" + "|".join(REFERENCE_NOUNS) + r")\.?|§§?)\s*"
    r"|(?<![^\W_])(?:" + "|".join(REFERENCE_PREPOSITIONS) + r")\s+)$",
    re.IGNORECASE,
)
_LIST_SEPARATOR = re.compile(r"\s*(?:,\s*(?:and/or|and|or)?|and/or|and|or|&|/)\s*", re.IGNORECASE)
RANGE_SEPARATOR = re.compile(r"\s*(?:[-‐‑‒–—]|to|through|until|till)\s*", re.IGNORECASE)


@dataclass(frozen=True)
class NumberedSections:
    """The plan's section numbers, prepared once per call for reading numbers in paragraphs."""

    section_texts: Mapping[str, str]
    # (depth, all parts but the last) -> sorted (last part, key): lets a range find its sections.
    ranges_index: Mapping[tuple[int, ...], list[tuple[int, str]]]

    @classmethod
    def build(cls, section_texts: Mapping[str, str], ordered_numbers: Iterable[str]):
        return cls(section_texts=section_texts, ranges_index=_index_for_ranges(ordered_numbers))


def _index_for_ranges(numbers: Iterable[str]) -> dict[tuple[int, ...], list[tuple[int, str]]]:
    index: dict[tuple[int, ...], list[tuple[int, str]]] = {}
    for number in numbers:
        key = natural_key(number)
        index.setdefault((len(key), *key[:-1]), []).append((key[-1], number))
    for entries in index.values():
        entries.sort()
    return index


@dataclass(frozen=True, slots=True)
class _NumberToken:
    start: int
    end: int
    text: str
    # False for dates, versions and numbers glued to letters: they never refer to a section.
    could_be_reference: bool
    # True for money and counted amounts: "£2.8m", "3.5%", "1.5 million".
    is_quantity: bool

    @property
    def depth(self) -> int:
        return self.text.count(".") + 1


@dataclass(frozen=True, slots=True)
class _NumberGroup:
    """Numbers read together: "Sections 1.3 and 1.11", "1.3 to 1.15"."""

    members: tuple[_NumberToken, ...]
    # separators[i] joins members[i] and members[i + 1]: "list" or "range".
    separators: tuple[str, ...]


def number_links(paragraph: str, sections: NumberedSections) -> list[Link]:
    links: list[Link] = []
    for group in _number_groups(paragraph, _number_tokens(paragraph, sections)):
        links.extend(_group_links(paragraph, group, sections))
    return links


def _number_tokens(paragraph: str, sections: NumberedSections) -> list[_NumberToken]:
    matches = list(_NUMBER.finditer(paragraph))
    compound = _compound_number_indexes(paragraph, matches)
    tokens = []
    for index, match in enumerate(matches):
        start, end, number = match.start(), match.end(), match.group()
        is_quantity = (
            _is_money(paragraph, start) or _QUANTITY_AFTER.match(paragraph, end) is not None
        )
        could_be_reference = (
            index not in compound
            and not _is_glued(paragraph, start, end)
            # Three or more parts make a date or version, unless the plan really numbers so deep.
            and (number.count(".") < 2 or number in sections.section_texts)
        )
        tokens.append(_NumberToken(start, end, number, could_be_reference, is_quantity))
    return tokens


def _compound_number_indexes(paragraph: str, matches: list[re.Match[str]]) -> set[int]:
    compound: set[int] = set()
    for index in range(len(matches) - 1):
        left, right = matches[index], matches[index + 1]
        tightly_joined = right.start() - left.end() == 1 and paragraph[left.end()] in TIGHT_JOINERS
        either_is_plain_integer = "." not in left.group() or "." not in right.group()
        if tightly_joined and either_is_plain_integer:
            compound.update((index, index + 1))
    return compound


def _is_money(paragraph: str, start: int) -> bool:
    before = paragraph[start - 1] if start > 0 else " "
    if not before.isspace():
        # "GBP2.8" needs no check here: a number glued to letters never links anyway.
        return before in CURRENCY_SYMBOLS
    position = start
    while position > 0 and paragraph[position - 1].isspace():
        position -= 1
    if position > 0 and paragraph[position - 1] in CURRENCY_SYMBOLS:
        return True
    code = paragraph[max(0, position - 3) : position]
    before_code = paragraph[position - 4] if position >= 4 else " "
    return code.upper() in CURRENCY_CODES and not before_code.isalnum()


def _is_glued(paragraph: str, start: int, end: int) -> bool:
    before = paragraph[start - 1] if start > 0 else " "
    after = paragraph[end] if end < len(paragraph) else " "
    if before == "." and _ABBREVIATED_NOUN.search(paragraph[max(0, start - 6) : start]):
        before = " "
    # A leading "." makes a decimal fraction or an abbreviation such as "v.1.3".
    return before.isalnum() or before in "._" or after.isalnum() or after == "_"


def _number_groups(paragraph: str, tokens: list[_NumberToken]) -> Iterator[_NumberGroup]:
    members: list[_NumberToken] = []
    separators: list[str] = []
    for token in tokens:
        separator = _separator(paragraph[members[-1].end : token.start]) if members else None
        if token.could_be_reference and separator is not None:
            members.append(token)
            separators.append(separator)
            continue
        if members:
            yield _NumberGroup(tuple(members), tuple(separators))
        members, separators = ([token] if token.could_be_reference else []), []
    if members:
        yield _NumberGroup(tuple(members), tuple(separators))


def _separator(gap: str) -> str | None:
    if len(gap) > LONGEST_SEPARATOR:
        return None
    if _LIST_SEPARATOR.fullmatch(gap):
        return "list"
    if RANGE_SEPARATOR.fullmatch(gap):
        return "range"
    return None


def _group_links(paragraph: str, group: _NumberGroup, sections: NumberedSections) -> list[Link]:
    # Most numbers in prose are not sections; skip the cue search for them.
    names_a_section = any(member.text in sections.section_texts for member in group.members)
    if not names_a_section and "range" not in group.separators:
        return []
    cue_start, has_reference_noun = _cue_before(paragraph, group.members[0].start)
    # "between 1.3 and 1.5 million": one counted amount spoils the whole list,
    # unless a reference noun ("Sections 1.3 and ...") says otherwise.
    if not has_reference_noun and any(member.is_quantity for member in group.members):
        return []

    eligible = [
        not member.is_quantity and (member.depth > 1 or has_reference_noun)
        for member in group.members
    ]
    # target -> (where its evidence is placed, where the words naming it end)
    spans: dict[str, tuple[int, int]] = {}
    for index, member in enumerate(group.members):
        if eligible[index] and member.text in sections.section_texts:
            spans.setdefault(member.text, (member.start, member.end))
        if index < len(group.separators) and group.separators[index] == "range":
            following = group.members[index + 1]
            if eligible[index] and eligible[index + 1]:
                for number in _sections_between(member.text, following.text, sections):
                    spans.setdefault(number, (member.start, following.end))
    if not spans:
        return []
    words_start = cue_start if cue_start is not None else min(start for start, _ in spans.values())
    words = paragraph[words_start : max(end for _, end in spans.values())]
    return [Link("section", number, words, start) for number, (start, _) in spans.items()]


def _cue_before(paragraph: str, start: int) -> tuple[int | None, bool]:
    """Where the cue word before a number starts, and whether it is a reference noun."""
    cue = _CUE_BEFORE.search(paragraph, max(0, start - CUE_LOOKBACK), start)
    if cue is None:
        return None, False
    return cue.start(), cue.group("noun") is not None


def _sections_between(first: str, last: str, sections: NumberedSections) -> list[str]:
    """Sections strictly inside a range; the ends themselves are linked as ordinary numbers."""
    first_key, last_key = natural_key(first), natural_key(last)
    # Ranges across top-level numbers or depths have no reliable meaning: only the ends link.
    if len(first_key) != len(last_key) or first_key[:-1] != last_key[:-1]:
        return []
    if first_key[-1] >= last_key[-1]:
        return []
    entries = sections.ranges_index.get((len(first_key), *first_key[:-1]), [])
    lowest = bisect_right(entries, first_key[-1], key=lambda entry: entry[0])
    highest = bisect_left(entries, last_key[-1], key=lambda entry: entry[0])
    return [number for _, number in entries[lowest:highest]]
