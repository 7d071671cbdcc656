"""The link detector: reads consultation comments and finds what in the plan they point at.

A comment refers to the plan in three ways: by section number ("Point 1.11",
"Sections 1.3 and 1.11", "under 3.5"), by theme name ("the ‘strengthening
communities’ theme"), and by quoting the plan's own wording ("rather than simply
‘considered’"). This module reads those three kinds of reference paragraph by
paragraph and reports, with the words that gave each one away, which sections,
themes and exact section wording the paragraph is linked to. It works on plain
strings and mappings, with no Django import, so that it can be tested in
isolation and reused by imports, admin actions and the API alike.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property

# W3C TextQuoteSelector recommends enough context to re-anchor a quote; 32 is its usual size.
CONTEXT_LENGTH = 32
MINIMUM_QUOTE_LENGTH = 3

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
)
# Prepositions are kept in the evidence ("under 3.5") but do not make a bare integer a reference.
REFERENCE_PREPOSITIONS = ("under", "in", "at", "see", "within")

# Between two numbers, these characters with no space around them make one compound
# number ("2008/1.3", "1,300.5", "2-3") unless both sides are dotted section numbers.
TIGHT_JOINERS = frozenset(",/-–—‐‑")
LONGEST_SEPARATOR = 24
# Long enough for "paragraphs." followed by a few spaces.
CUE_LOOKBACK = 24

SINGLE_QUOTE_MARKS = "'‘’‚‛′`ʼ"
DOUBLE_QUOTE_MARKS = '"“”„‟″'
DASHES = "-‐‑‒–—―"
OPENING_QUOTE_MARKS = "‘“'\""
CLOSING_QUOTE_MARKS = "’”'\""

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
_RANGE_SEPARATOR = re.compile(r"\s*(?:[-‐‑‒–—]|to|through|until|till)\s*", re.IGNORECASE)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_THEME_WORD_SEPARATOR = re.compile(r"[\s" + re.escape(DASHES) + "_]+")

_NORMALISED_CHARACTERS = {
    **{mark: "'" for mark in SINGLE_QUOTE_MARKS},
    **{mark: '"' for mark in DOUBLE_QUOTE_MARKS},
    **{dash: "-" for dash in DASHES},
}


@dataclass(frozen=True)
class QuoteMatch:
    """Plan wording quoted by a comment, as a W3C TextQuoteSelector on the section's text."""

    section: str
    exact: str  # as written in the section, not as typed in the comment
    prefix: str  # up to CONTEXT_LENGTH characters of the section just before exact
    suffix: str  # up to CONTEXT_LENGTH characters of the section just after exact


@dataclass(frozen=True)
class Evidence:
    """Why a link was made, so that a person can check it."""

    kind: str  # "section", "theme" or "quote"
    target: str  # a section number or a theme name; for a quote, the section quoted
    words: str  # the words of the paragraph that made the link, cue word and quote marks included


@dataclass(frozen=True)
class ParagraphLinks:
    """Everything one paragraph links to; sections in plan order, the rest as they appear."""

    text: str
    sections: tuple[str, ...]
    themes: tuple[str, ...]
    quotes: tuple[QuoteMatch, ...]
    evidence: tuple[Evidence, ...]


def split_paragraphs(text: str) -> list[str]:
    """Split on blank lines, whatever the line endings; whitespace-only lines are blank."""
    paragraphs: list[str] = []
    current_lines: list[str] = []
    for line in _LINE_BREAK.split(text):
        if line.strip():
            current_lines.append(line)
        elif current_lines:
            paragraphs.append("\n".join(current_lines).strip())
            current_lines = []
    if current_lines:
        paragraphs.append("\n".join(current_lines).strip())
    return paragraphs


def natural_key(number: str) -> tuple[int, ...]:
    """Sort key for section numbers: "1.11" -> (1, 11), so that 1.3 < 1.11 < 2.8.

    A part without leading digits counts as -1, so odd keys sort first instead of failing.
    """
    key: list[int] = []
    for part in number.split("."):
        digits = part[: len(part) - len(part.lstrip("0123456789"))]
        key.append(_digits_to_int(digits) if digits else -1)
    return tuple(key)


def detect_links(
    text: str, *, sections: Mapping[str, str], themes: Iterable[str]
) -> list[ParagraphLinks]:
    """One ParagraphLinks per paragraph of text, linking it to the given sections and themes."""
    plan = _Plan.build(sections, themes)
    return [_read_paragraph(paragraph, plan) for paragraph in split_paragraphs(text)]


def _digits_to_int(digits: str) -> int:
    # int() refuses decimal strings over ~4300 digits; a hostile "section number" must not crash us.
    value = 0
    for start in range(0, len(digits), 1000):
        chunk = digits[start : start + 1000]
        value = value * 10 ** len(chunk) + int(chunk)
    return value


def _section_order(number: str) -> tuple[tuple[int, ...], str]:
    # The string breaks ties between keys such as "1.3" and "01.3" so that ordering is total.
    return natural_key(number), number


# --- The plan: sections and themes prepared once per call ----------------------------------


@dataclass(frozen=True)
class _NormalisedText:
    """Text folded for comparison, remembering where each folded character came from."""

    folded: str
    origins: tuple[int, ...]


@dataclass(frozen=True)
class _Plan:
    section_texts: Mapping[str, str]
    normalised_sections: tuple[tuple[str, _NormalisedText], ...]
    # (depth, all parts but the last) -> sorted (last part, key): lets a range find its sections.
    ranges_index: Mapping[tuple[int, ...], list[tuple[int, str]]]
    theme_patterns: tuple[tuple[str, re.Pattern[str]], ...]
    quote_cache: dict[str, tuple[tuple[str, int, int], ...]] = field(default_factory=dict)

    @classmethod
    def build(cls, sections: Mapping[str, str], themes: Iterable[str]) -> _Plan:
        section_texts = dict(sections)
        ordered_numbers = sorted(section_texts, key=_section_order)
        return cls(
            section_texts=section_texts,
            normalised_sections=tuple(
                (number, _normalise(section_texts[number])) for number in ordered_numbers
            ),
            ranges_index=_index_for_ranges(ordered_numbers),
            theme_patterns=_theme_patterns(themes),
        )


def _index_for_ranges(numbers: Iterable[str]) -> dict[tuple[int, ...], list[tuple[int, str]]]:
    index: dict[tuple[int, ...], list[tuple[int, str]]] = {}
    for number in numbers:
        key = natural_key(number)
        index.setdefault((len(key), *key[:-1]), []).append((key[-1], number))
    for entries in index.values():
        entries.sort()
    return index


def _theme_patterns(themes: Iterable[str]) -> tuple[tuple[str, re.Pattern[str]], ...]:
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


def _normalise(text: str) -> _NormalisedText:
    folded: list[str] = []
    origins: list[int] = []
    for index, character in enumerate(text):
        if character.isspace():
            if folded and folded[-1] == " ":
                continue
            replacement = " "
        else:
            replacement = _NORMALISED_CHARACTERS.get(character) or character.casefold()
        for folded_character in replacement:
            folded.append(folded_character)
            origins.append(index)
    return _NormalisedText("".join(folded), tuple(origins))


# --- Reading one paragraph ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Link:
    kind: str
    target: str
    words: str
    position: int


def _read_paragraph(paragraph: str, plan: _Plan) -> ParagraphLinks:
    number_links = _number_links(paragraph, plan)
    cited_sections = {link.target for link in number_links}
    quote_links, quote_matches = _quote_links(paragraph, plan, cited_sections)
    theme_links = _theme_links(paragraph, plan)

    linked_sections = cited_sections | {match.section for match in quote_matches}
    linked_themes = {link.target for link in theme_links}
    evidence = sorted([*number_links, *quote_links, *theme_links], key=lambda link: link.position)
    return ParagraphLinks(
        text=paragraph,
        sections=tuple(sorted(linked_sections, key=_section_order)),
        themes=tuple(theme for theme, _ in plan.theme_patterns if theme in linked_themes),
        quotes=tuple(quote_matches),
        evidence=tuple(Evidence(link.kind, link.target, link.words) for link in evidence),
    )


# --- Section numbers --------------------------------------------------------------------------


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


def _number_links(paragraph: str, plan: _Plan) -> list[_Link]:
    links: list[_Link] = []
    for group in _number_groups(paragraph, _number_tokens(paragraph, plan)):
        links.extend(_group_links(paragraph, group, plan))
    return links


def _number_tokens(paragraph: str, plan: _Plan) -> list[_NumberToken]:
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
            and (number.count(".") < 2 or number in plan.section_texts)
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
    if _RANGE_SEPARATOR.fullmatch(gap):
        return "range"
    return None


def _group_links(paragraph: str, group: _NumberGroup, plan: _Plan) -> list[_Link]:
    # Most numbers in prose are not sections; skip the cue search for them.
    names_a_section = any(member.text in plan.section_texts for member in group.members)
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
        if eligible[index] and member.text in plan.section_texts:
            spans.setdefault(member.text, (member.start, member.end))
        if index < len(group.separators) and group.separators[index] == "range":
            following = group.members[index + 1]
            if eligible[index] and eligible[index + 1]:
                for number in _sections_between(member.text, following.text, plan):
                    spans.setdefault(number, (member.start, following.end))
    if not spans:
        return []
    words_start = cue_start if cue_start is not None else min(start for start, _ in spans.values())
    words = paragraph[words_start : max(end for _, end in spans.values())]
    return [_Link("section", number, words, start) for number, (start, _) in spans.items()]


def _cue_before(paragraph: str, start: int) -> tuple[int | None, bool]:
    """Where the cue word before a number starts, and whether it is a reference noun."""
    cue = _CUE_BEFORE.search(paragraph, max(0, start - CUE_LOOKBACK), start)
    if cue is None:
        return None, False
    return cue.start(), cue.group("noun") is not None


def _sections_between(first: str, last: str, plan: _Plan) -> list[str]:
    """Sections strictly inside a range; the ends themselves are linked as ordinary numbers."""
    first_key, last_key = natural_key(first), natural_key(last)
    # Ranges across top-level numbers or depths have no reliable meaning: only the ends link.
    if len(first_key) != len(last_key) or first_key[:-1] != last_key[:-1]:
        return []
    if first_key[-1] >= last_key[-1]:
        return []
    entries = plan.ranges_index.get((len(first_key), *first_key[:-1]), [])
    lowest = bisect_right(entries, first_key[-1], key=lambda entry: entry[0])
    highest = bisect_left(entries, last_key[-1], key=lambda entry: entry[0])
    return [number for _, number in entries[lowest:highest]]


# --- Quoted wording ---------------------------------------------------------------------------


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


def _quote_links(
    paragraph: str, plan: _Plan, cited_sections: set[str]
) -> tuple[list[_Link], list[QuoteMatch]]:
    links: list[_Link] = []
    matches: list[QuoteMatch] = []
    for quoted in _quoted_wordings(paragraph):
        for number, start, end in _sections_quoted(quoted.wording, plan, cited_sections):
            matches.append(_quote_match(plan, number, start, end))
            links.append(_Link("quote", number, quoted.words, quoted.start))
    return links, matches


def _quote_match(plan: _Plan, number: str, start: int, end: int) -> QuoteMatch:
    section_text = plan.section_texts[number]
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
    plan = _Plan.build(sections, ())
    return [
        _quote_match(plan, number, start, end)
        for number, start, end in _occurrences_in_sections(wording, plan)
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
    wording: str, plan: _Plan, cited_sections: set[str]
) -> tuple[tuple[str, int, int], ...]:
    """(section, start, end) of the quoted wording in each section it is taken from."""
    occurrences = _occurrences_in_sections(wording, plan)
    preferred = tuple(occurrence for occurrence in occurrences if occurrence[0] in cited_sections)
    return preferred or occurrences


def _occurrences_in_sections(wording: str, plan: _Plan) -> tuple[tuple[str, int, int], ...]:
    longest_section = max((len(text.folded) for _, text in plan.normalised_sections), default=0)
    # Folding never shortens text below its whitespace-collapsed length, so this prune is safe.
    if len(" ".join(wording.split())) > longest_section:
        return ()
    needle = _normalise(wording).folded.strip()
    if needle not in plan.quote_cache:
        plan.quote_cache[needle] = _find_in_sections(needle, plan)
    return plan.quote_cache[needle]


def _find_in_sections(needle: str, plan: _Plan) -> tuple[tuple[str, int, int], ...]:
    # British style leaves the full stop outside the quote, American puts it inside: try both.
    for candidate in dict.fromkeys((needle, needle.rstrip(".,;:!?").rstrip())):
        if len(candidate) < MINIMUM_QUOTE_LENGTH:
            continue
        occurrences = []
        for number, section in plan.normalised_sections:
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


# --- Themes -----------------------------------------------------------------------------------


def _theme_links(paragraph: str, plan: _Plan) -> list[_Link]:
    links = []
    for theme, pattern in plan.theme_patterns:
        for match in pattern.finditer(paragraph):
            start, end = _widen_to_quote_marks(paragraph, match.start(), match.end())
            links.append(_Link("theme", theme, paragraph[start:end], start))
    return links


def _widen_to_quote_marks(paragraph: str, start: int, end: int) -> tuple[int, int]:
    quoted = (
        start > 0
        and end < len(paragraph)
        and paragraph[start - 1] in OPENING_QUOTE_MARKS
        and paragraph[end] in CLOSING_QUOTE_MARKS
    )
    return (start - 1, end + 1) if quoted else (start, end)
