"""Finding quoted wording in a text as people really type it: the one quote matcher.

A quote is anchored the way W3C Web Annotation's TextQuoteSelector describes it: the quoted words
(`exact`), a little of the text before and after them (`prefix`, `suffix`) that says which
occurrence is meant, and optionally where in the text they were (`position`). `anchor` finds the
best place for a quote in a text and says how sure it is, in the manner of Hypothesis's
match-quote: every candidate place is scored on how alike its words are to the quote, how alike
the text around it is to the prefix and suffix, and how near it is to the position; the best
candidate is accepted only above an explicit threshold and only when no other candidate comes
close to it. What it cannot place is reported as such, with its candidates, never guessed.

Words are compared after the folding a reader takes for granted (`fold`): case, typographic
quotes and dashes, runs of white space and accents do not count, and an ellipsis in a quote
("partners will be consulted … the framework") is a gap of any length. Alikeness is the
normalised Levenshtein similarity of the folded characters (rapidfuzz), so one mistyped letter
costs one character, not a word. Whatever is found is returned as written in the text searched.

The link detector (responses.linking), following quotes into a revision (plans.versions) and the
Web Annotation import (opendata) all anchor through here; plans imports no app of ours.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

# Characters of context either side of a quote (W3C TextQuoteSelector's usual 32).
CONTEXT_LENGTH = 32

# A candidate whose words are less alike than this is no candidate at all.
ACCEPT = 0.8
# At or above this, an approximate match is trusted; between ACCEPT and SURE it is placed but
# marked "to check".
SURE = 0.9
# The best candidate must beat the next by this much of the combined score to be chosen.
MARGIN = 0.04
# Quotes shorter than this (folded characters) are only ever matched exactly: a three-letter
# word one letter off is another word.
SHORTEST_APPROXIMATE = 12
# How much looser than ACCEPT the quick test of likely_places is (its measure differs).
PREFILTER_SLACK = 0.05
# How far (folded characters) the part after an ellipsis may be from the part before it.
LONGEST_GAP = 600

# The weights of Hypothesis's match-quote: the quote matters most, its context next, the
# position hint least.
QUOTE_WEIGHT = 50
CONTEXT_WEIGHT = 20
POSITION_WEIGHT = 2

SINGLE_QUOTE_MARKS = "'‘’‚‛′`ʼ"
DOUBLE_QUOTE_MARKS = '"“”„‟″'
DASHES = "-‐‑‒–—―"
_FOLDED_CHARACTERS = {
    **{mark: "'" for mark in SINGLE_QUOTE_MARKS},
    **{mark: '"' for mark in DOUBLE_QUOTE_MARKS},
    **{dash: "-" for dash in DASHES},
    "…": "...",
}
# An ellipsis the respondent typed for words left out: "…", "...", ". . .", "[…]", "(...)".
_ELLIPSIS = re.compile(r"\s*[\[(]?\s*(?:…|\.\s?\.\s?\.)\s*[\])]?\s*")
WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")
# White space that folding collapses or replaces: what keeps an ASCII text from folding as is.
_UNEVEN_SPACE = re.compile(r"[^\S ]|  ")


# --- Folding ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Folded:
    """A text folded for comparison, remembering where each folded character came from."""

    text: str  # as written
    folded: str
    origins: Sequence[int]  # origins[i]: index in `text` of folded[i]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The stretch of the original text that folded[start:end] came from."""
        return self.origins[start], self.origins[end - 1] + 1

    def at(self, index: int) -> int:
        """The folded index of the original index `index` (the first at or after it)."""
        return bisect_left(self.origins, index)

    @property
    def word_bounds(self) -> tuple[tuple[int, int], ...]:
        return _word_bounds(self.folded)


@lru_cache(maxsize=65536)
def fold(text: str) -> Folded:
    """`text` folded: lower case without accents, one kind of quote mark and of dash, each run
    of white space one space."""
    if text.isascii() and _UNEVEN_SPACE.search(text) is None:
        # Most text: folding changes no length, so each character stays where it was.
        return Folded(text, text.lower().replace("`", "'"), range(len(text)))
    folded: list[str] = []
    origins: list[int] = []
    for index, character in enumerate(text):
        if character.isspace():
            if folded and folded[-1] == " ":
                continue
            replacement = " "
        else:
            replacement = _FOLDED_CHARACTERS.get(character) or _plain(character)
        for folded_character in replacement:
            folded.append(folded_character)
            origins.append(index)
    return Folded(text, "".join(folded), tuple(origins))


@lru_cache(maxsize=2048)
def _plain(character: str) -> str:
    if character.isascii():
        return character.casefold()
    decomposed = unicodedata.normalize("NFKD", character.casefold())
    return "".join(part for part in decomposed if not unicodedata.combining(part)) or character


# --- Anchoring ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    """One place a quote might be: text[start:end], with how alike it is."""

    start: int
    end: int
    similarity: float  # of the quoted words, 0–1
    score: float  # quote, context and position together, 0–1


@dataclass(frozen=True)
class Anchor:
    """Where a quote was placed in a text, or why it was not.

    status: "found" (its words, folded, are there), "approximate" (words at least ACCEPT alike
    are there), "ambiguous" (several places fit and nothing tells them apart: `candidates`) or
    "not found".
    """

    text: str
    status: str
    best: Candidate | None = None
    candidates: tuple[Candidate, ...] = ()

    @property
    def placed(self) -> bool:
        return self.best is not None

    @property
    def start(self) -> int:
        assert self.best is not None
        return self.best.start

    @property
    def end(self) -> int:
        assert self.best is not None
        return self.best.end

    @property
    def exact(self) -> str:
        """The quoted words as written in the text."""
        return self.text[self.start : self.end]

    @property
    def prefix(self) -> str:
        return self.text[max(0, self.start - CONTEXT_LENGTH) : self.start]

    @property
    def suffix(self) -> str:
        return self.text[self.end : self.end + CONTEXT_LENGTH]

    @property
    def similarity(self) -> float:
        """How alike the quoted words are to what was placed: 1.0 found, 0.0 not placed."""
        return self.best.similarity if self.best is not None else 0.0

    @property
    def sure(self) -> bool:
        """Placed, and alike enough to be trusted without a person checking."""
        return self.best is not None and self.best.similarity >= SURE

    def describe(self) -> str:
        """How the quote was placed, in words: "quoted", "quoted, 91 % alike"."""
        if self.best is None:
            return "found more than once" if self.status == "ambiguous" else "not found"
        if self.status == "found":
            return "quoted"
        return f"quoted, {percent(self.best.similarity)} alike"


def percent(share: float) -> str:
    """0.912 -> "91 %", never rounding a near miss up to 100."""
    return f"{min(99, round(share * 100)) if share < 1 else 100} %"


def anchor(
    text: str,
    exact: str,
    *,
    prefix: str = "",
    suffix: str = "",
    position: int | None = None,
    threshold: float = ACCEPT,
    context_as_written: bool = True,
) -> Anchor:
    """The best place in `text` for the quote `exact` with its `prefix`, `suffix` and
    `position` (an offset in `text` where it is expected), or why there is none.

    The prefix and suffix are taken to be `text`'s own words (a selector made on it or on an
    earlier version of it) unless not `context_as_written`: then they are the words a
    respondent wrote around the quote, and only the words they share with the text count."""
    candidates = find_candidates(fold(text), exact, threshold=threshold)
    return choose(
        text,
        candidates,
        prefix=prefix,
        suffix=suffix,
        position=position,
        context_as_written=context_as_written,
    )


def choose(
    text: str,
    candidates: Sequence[tuple[int, int, float]],
    *,
    prefix: str = "",
    suffix: str = "",
    position: int | None = None,
    context_as_written: bool = True,
) -> Anchor:
    """Score `candidates` ((folded start, folded end, similarity) in fold(text), from
    find_candidates) against the context and position, and choose one if one stands out."""
    if not candidates:
        return Anchor(text, "not found")
    document = fold(text)
    if len(candidates) == 1:
        # Nothing to tell apart: the context and position would only rank it against itself.
        ((start, end, alike),) = candidates
        best = Candidate(*document.span(start, end), alike, alike)
        return Anchor(
            text, "found" if alike >= 1.0 else "approximate", best=best, candidates=(best,)
        )
    context = Context.of(prefix, suffix, as_written=context_as_written)
    scored = sorted(
        (
            _score(document, start, end, alike, context, position)
            for start, end, alike in candidates
        ),
        key=lambda candidate: (-candidate.score, -candidate.similarity, candidate.start),
    )
    best = scored[0]
    if best.score - scored[1].score < MARGIN:
        return Anchor(text, "ambiguous", candidates=tuple(scored))
    status = "found" if best.similarity >= 1.0 else "approximate"
    return Anchor(text, status, best=best, candidates=tuple(scored))


def find_candidates(
    document: Folded, exact: str, *, threshold: float = ACCEPT, approximate: bool = True
) -> list[tuple[int, int, float]]:
    """Every place in `document` where the quote `exact` might be, as (folded start, folded
    end, similarity): its folded words wherever they occur whole, else stretches of words at
    least `threshold` alike (unless not `approximate`); the parts of a quote with an ellipsis
    found in order."""
    if not approximate:
        threshold = 1.0
    parts = quote_parts(exact)
    if not parts:
        return []
    found = _part_candidates(document, parts[0], threshold)
    for part in parts[1:]:
        found = _extend(document, found, part, threshold)
    weights = [len(part) for part in parts]
    # Two starts that reach the same end: the nearer start is the one quoted.
    tightest: dict[int, tuple[int, int, tuple[float, ...]]] = {}
    for start, end, alikes in found:
        if end not in tightest or start > tightest[end][0]:
            tightest[end] = (start, end, alikes)
    return [(start, end, _mean(alikes, weights)) for start, end, alikes in tightest.values()]


@lru_cache(maxsize=65536)
def quote_parts(exact: str) -> tuple[str, ...]:
    """The quote folded, in the parts an ellipsis separates, each without the full stop or
    comma a quote may take in."""
    return tuple(
        part for part in (_strip(part) for part in _ELLIPSIS.split(fold(exact).folded)) if part
    )


def _strip(part: str) -> str:
    # British style leaves the full stop outside the quote, American puts it inside.
    return part.strip(" ").rstrip(".,;:!?").strip(" ")


def _mean(values: Sequence[float], weights: Sequence[int]) -> float:
    return sum(v * w for v, w in zip(values, weights, strict=True)) / sum(weights)


def _extend(document: Folded, found, part: str, threshold: float):
    """Each candidate of the quote so far, extended by the nearest place `part` fits after it."""
    extended = []
    part_candidates = _part_candidates(document, part, threshold)
    for start, end, alikes in found:
        following = [c for c in part_candidates if end <= c[0] <= end + LONGEST_GAP]
        if following:
            best = min(following, key=lambda c: (-c[2][0], c[0]))
            extended.append((start, best[1], (*alikes, *best[2])))
    return extended


def _part_candidates(document: Folded, needle: str, threshold: float):
    exact = list(_whole_occurrences(document.folded, needle))
    if exact:
        return [(start, start + len(needle), (1.0,)) for start in exact]
    if len(needle) < SHORTEST_APPROXIMATE or threshold >= 1.0:
        return []
    return [
        (start, end, (alike,)) for start, end, alike in _approximate(document, needle, threshold)
    ]


def _whole_occurrences(haystack: str, needle: str):
    """Start of each occurrence of needle that does not start or end inside a word."""
    checks_start, checks_end = needle[0].isalnum(), needle[-1].isalnum()
    found_at = haystack.find(needle)
    while found_at != -1:
        end = found_at + len(needle)
        inside_before = checks_start and found_at > 0 and haystack[found_at - 1].isalnum()
        inside_after = checks_end and end < len(haystack) and haystack[end].isalnum()
        if not inside_before and not inside_after:
            yield found_at
        found_at = haystack.find(needle, found_at + 1)


@lru_cache(maxsize=4096)
def _word_bounds(folded: str) -> tuple[tuple[int, int], ...]:
    return tuple((word.start(), word.end()) for word in WORD.finditer(folded))


@lru_cache(maxsize=4096)
def _word_positions(folded: str) -> dict[str, list[int]]:
    """Each word of a folded text -> the indices (in word_bounds) where it is."""
    positions: dict[str, list[int]] = {}
    for index, (start, end) in enumerate(_word_bounds(folded)):
        positions.setdefault(folded[start:end], []).append(index)
    return positions


# A stretch is tried where one of the quote's first ANCHOR_WORDS words, or of its last, is
# found as typed (a misquote keeps most of its words), a word either side of where it would put
# the stretch's start.
ANCHOR_WORDS = 3


def _anchored_starts(folded: str, needle_words: list[str]) -> list[int]:
    positions = _word_positions(folded)
    count = len(needle_words)
    last_word = len(_word_bounds(folded)) - 1
    anchors = [(k, word) for k, word in enumerate(needle_words[:ANCHOR_WORDS])]
    anchors += [(k, needle_words[k]) for k in range(max(ANCHOR_WORDS, count - ANCHOR_WORDS), count)]
    starts = set()
    for offset, word in anchors:
        for found in positions.get(word, ()):
            for shift in (-1, 0, 1):
                if 0 <= found - offset + shift <= last_word:
                    starts.add(found - offset + shift)
    return sorted(starts)


def _approximate(document: Folded, needle: str, threshold: float):
    """Stretches of whole words of the document at least `threshold` alike to `needle`, the
    best of any that overlap."""
    bounds = document.word_bounds
    needle_words = WORD.findall(needle)
    words = max(1, len(needle_words))
    folded = document.folded
    slack = len(needle) * (1 - threshold) + 2
    windows, spans = [], []
    for first in _anchored_starts(folded, needle_words):
        start = bounds[first][0]
        # As many words as the needle, or up to two fewer or more (words dropped or added).
        for count in range(words - 2, words + 3):
            last = first + count - 1
            if count < 1 or last >= len(bounds):
                continue
            end = bounds[last][1]
            if abs((end - start) - len(needle)) <= slack:
                windows.append(folded[start:end])
                spans.append((start, end))
    if not windows:
        return []
    found = process.extract(
        needle,
        windows,
        scorer=Levenshtein.normalized_similarity,
        score_cutoff=threshold,
        limit=None,
    )
    scored = [(*spans[index], alike) for _window, alike, index in found]
    scored.sort(key=lambda candidate: (-candidate[2], candidate[0]))
    chosen: list[tuple[int, int, float]] = []
    for start, end, alike in scored:
        if all(end <= other_start or start >= other_end for other_start, other_end, _ in chosen):
            chosen.append((start, end, alike))
    return chosen


@dataclass(frozen=True)
class Context:
    """A selector's prefix and suffix, folded, and whether they are the text's own words."""

    prefix: str
    suffix: str
    as_written: bool

    @classmethod
    def of(cls, prefix: str, suffix: str, *, as_written: bool) -> Context:
        return cls(fold(prefix).folded.strip(), fold(suffix).folded.strip(), as_written)

    def alike(self, expected: str, found: str, *, from_end: bool) -> float:
        """How alike the context given is to the text beside a candidate. As written: their
        characters nearest the quote compared (a boundary space or a hyphen costs one), or the
        share of the context's words found there, whichever is more. A respondent's words: the
        share of their words of four letters or more found there."""
        if not found:
            return 0.0
        if not self.as_written:
            words = {word for word in WORD.findall(expected) if len(word) >= 4}
            return len(words & set(WORD.findall(found))) / len(words) if words else 0.0
        if from_end:
            expected, found = expected[-len(found) :], found[-len(expected) :]
        else:
            expected, found = expected[: len(found)], found[: len(expected)]
        # Unrelated words are about a third alike character by character: only what is more
        # alike than chance counts.
        characters = max(0.0, (Levenshtein.normalized_similarity(expected, found) - 0.5) / 0.5)
        words = set(WORD.findall(expected))
        if not words:
            return characters
        return max(characters, len(words & set(WORD.findall(found))) / len(words))


def _score(
    document: Folded, start: int, end: int, alike: float, context: Context, position: int | None
) -> Candidate:
    total, weight = QUOTE_WEIGHT * alike, QUOTE_WEIGHT
    # A respondent's words are compared over a wider stretch of the text: they paraphrase.
    reach = 1 if context.as_written else 10
    if context.prefix:
        before = document.folded[max(0, start - len(context.prefix) - reach) : start].strip()
        total += CONTEXT_WEIGHT * context.alike(context.prefix, before, from_end=True)
        weight += CONTEXT_WEIGHT
    if context.suffix:
        after = document.folded[end : end + len(context.suffix) + reach].strip()
        total += CONTEXT_WEIGHT * context.alike(context.suffix, after, from_end=False)
        weight += CONTEXT_WEIGHT
    if position is not None and document.folded:
        distance = abs(document.at(position) - start) / len(document.folded)
        total += POSITION_WEIGHT * (1 - min(1.0, distance))
        weight += POSITION_WEIGHT
    text_start, text_end = document.span(start, end)
    return Candidate(text_start, text_end, alike, total / weight)


def likely_places(needle: str, documents: Sequence[Folded], *, limit: int) -> list[int]:
    """The indices of the `documents` (at most `limit`, the likeliest first) where a part of
    the folded quote `needle` might be found approximately: a quick test of their best-aligned
    stretch (rapidfuzz's partial ratio), loose enough to miss none that find_candidates would
    find."""
    found = process.extract(
        needle,
        [document.folded for document in documents],
        scorer=fuzz.partial_ratio,
        score_cutoff=(ACCEPT - PREFILTER_SLACK) * 100,
        limit=limit,
    )
    return [index for _text, _score, index in found]
