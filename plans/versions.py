"""What became of a plan's sections and quoted wording when the department publishes a revision.

Two pure foundations for importing a revised plan as a new version; no database, no models.

`match_sections` pairs the revised plan's sections with the old ones: by number first, then the
rest by how alike their wording is, so a renumbered section (old 2.8 now 3.1) is still found, a
section whose wording went into several new ones is reported as split, and what has no partner
is new or removed; an old section whose wording another's successor now carries too was merged
into it. Wording is compared as normalised words (lower case, punctuation stripped,
whitespace collapsed) with difflib's SequenceMatcher.

`reanchor` follows a comment's quote into the revised wording. Comments quote a section as a W3C
Web Annotation TextQuoteSelector (`exact`, with `prefix` and `suffix` around it, see
responses.models.SectionLink). The selector is made for exactly this: it names the quoted words
rather than their offsets, so they can be found again after the text around them is edited, and
its prefix and suffix say which occurrence was meant when the words occur more than once. Where
the exact words are gone, aligning the old wording with the new one word by word shows what
they became (`word_diff`), e.g. "will be considered" → "will be encouraged".

plans is the floor of the apps and imports none of them, so the context length is defined here.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from plans import anchoring

# Characters of context either side of a quote: the quote matcher's, so selectors computed
# here agree with those the link detector stores.
CONTEXT_LENGTH = anchoring.CONTEXT_LENGTH

# Section matching, on the similarity ratio of two sections' normalised words (0–1).
SAME = 0.9  # same number and at least this alike: "same"
MATCH = 0.5  # at least this alike: "changed" (same number) or "moved" (another number)
# A split: several new sections each take at least CONTAINED of their words from one old
# section, each carries at least SPLIT_SHARE of its words, together at least SPLIT_COVERAGE,
# and none carries SPLIT_COVERAGE alone (that would be one successor, not a split).
CONTAINED = 0.8
SPLIT_SHARE = 0.15
SPLIT_COVERAGE = 0.7

# A section whose old wording is carried, word for word in order, for at least this share into
# the new (or the new into the old) is the same section grown or cut: "reviewed yearly" → "The
# framework will be reviewed yearly by an independent panel." Under another number it must
# carry at least CONTAINED_WORDS words, so a short common phrase does not pair sections.
CONTAINED_WORDS = 3

# Re-anchoring a quote whose exact words no longer occur: of the passage (the quoted words and
# the words of its prefix and suffix), at least SURVIVAL must be kept for the quote to be
# followed; below that it is "gone".
SURVIVAL = 0.6

Section = tuple[str, str, str]  # (number, heading, text)


# --- Section matching -------------------------------------------------------------------------


@dataclass(frozen=True)
class SectionMatch:
    """How a section of the new version relates to the old version (or an old section that has
    no successor: kind "removed", new_number None)."""

    old_number: str | None
    new_number: str | None
    kind: str  # "same", "changed", "moved", "new", "removed", "split" or "merged"
    similarity: float  # 0–1; for a split, the share of the new section's words from the old


def normalised_words(text: str) -> list[str]:
    """`text` as lower-case words without punctuation: "Sub-contracting, we'll" gives
    ["subcontracting", "well"]. Hyphens and apostrophes inside a word join it; other punctuation
    separates words."""
    joined = re.sub(r"(?<=\w)['’‐‑-](?=\w)", "", text.casefold())
    return re.findall(r"[^\W_]+", joined)


def similarity(old_words: Sequence[str], new_words: Sequence[str]) -> float:
    """SequenceMatcher's ratio of two word sequences: 1.0 identical, 0.0 nothing in common."""
    return SequenceMatcher(None, old_words, new_words, autojunk=False).ratio()


def _section_words(section: Section) -> list[str]:
    """The words compared for a section: its wording, or its heading where it has no wording (a
    heading-only section such as "2 Commissioning")."""
    _number, heading, text = section
    return normalised_words(text) or normalised_words(heading)


def match_sections(old: Sequence[Section], new: Sequence[Section]) -> list[SectionMatch]:
    """Pair the new version's sections with the old version's.

    `old` and `new` are (number, heading, text) in document order. The result has one match per
    new section in the new document's order, then one "removed" match per old section without
    successor in the old document's order. Steps: same number and alike (same/changed); old
    sections whose words went into several new ones (split); the rest paired greedily, most
    alike first, each used once (moved); what is left is new or removed.
    """
    new_words = {section[0]: _section_words(section) for section in new}
    old_words = {section[0]: _section_words(section) for section in old}
    shared = _SharedWords(old_words, new_words)
    by_new: dict[str, SectionMatch] = {}

    by_number = _match_by_number(old_words, new_words, _headings(old), _headings(new))
    for new_number, (old_number, ratio) in by_number.items():
        if ratio >= SAME:
            by_new[new_number] = SectionMatch(old_number, new_number, "same", ratio)

    split_pieces = _find_splits(old_words, new_words, by_number, by_new, shared)
    for new_number, (old_number, contained) in split_pieces.items():
        by_new[new_number] = SectionMatch(old_number, new_number, "split", contained)

    for new_number, (old_number, ratio) in by_number.items():
        if new_number not in by_new and not _is_split(old_number, split_pieces):
            by_new[new_number] = SectionMatch(old_number, new_number, "changed", ratio)

    used_old = {match.old_number for match in by_new.values()}
    for old_number, new_number, ratio in _match_by_similarity(
        {number: words for number, words in old_words.items() if number not in used_old},
        {number: words for number, words in new_words.items() if number not in by_new},
        shared,
    ):
        by_new[new_number] = SectionMatch(old_number, new_number, "moved", ratio)

    used_old = {match.old_number for match in by_new.values()}
    merged = _find_merges(
        {number: words for number, words in old_words.items() if number not in used_old},
        {number: words for number, words in new_words.items() if number in by_new},
        shared,
    )
    matches = []
    for number in new_words:
        matches.append(by_new.get(number) or SectionMatch(None, number, "new", 0.0))
        matches += merged.get(number, [])
    merged_old = {match.old_number for found in merged.values() for match in found}
    matches += [
        SectionMatch(number, None, "removed", 0.0)
        for number in old_words
        if number not in used_old and number not in merged_old
    ]
    return matches


class _SharedWords:
    """How many words (counted with repeats: Counter(a) & Counter(b)) each old section shares
    with each new one, for all pairs at once: each section a row of its words numbered by
    occurrence ("the#1", "the#2", …), so that the product of the two sparse matrices counts
    exactly the shared words. Every pairing below first needs a share of shared words, so the
    pairs without it are passed over without comparing their wording: a revision of 2,000
    renumbered sections matches in seconds rather than comparing four million pairs."""

    def __init__(self, old_words: Mapping[str, list[str]], new_words: Mapping[str, list[str]]):
        import numpy
        from scipy.sparse import csr_matrix

        self.old_numbers, self.new_numbers = list(old_words), list(new_words)
        self.old_index = {number: row for row, number in enumerate(old_words)}
        self.new_index = {number: row for row, number in enumerate(new_words)}
        columns: dict[tuple[str, int], int] = {}

        def matrix(sections):
            rows, cols = [], []
            for row, words in enumerate(sections.values()):
                seen: Counter = Counter()
                for word in words:
                    seen[word] += 1
                    rows.append(row)
                    cols.append(columns.setdefault((word, seen[word]), len(columns)))
            return rows, cols

        old_rows, old_cols = matrix(old_words)
        new_rows, new_cols = matrix(new_words)
        shape = len(columns)

        def sparse(rows, cols, count):
            data = numpy.ones(len(rows), dtype=numpy.int32)
            return csr_matrix((data, (rows, cols)), shape=(count, shape))

        self.shared = (
            sparse(old_rows, old_cols, len(old_words))
            @ sparse(new_rows, new_cols, len(new_words)).T
        ).toarray()
        self.old_lengths = numpy.array([len(words) for words in old_words.values()])
        self.new_lengths = numpy.array([len(words) for words in new_words.values()])

    def __call__(self, old_number: str, new_number: str) -> int:
        return int(self.shared[self.old_index[old_number], self.new_index[new_number]])

    def pieces(self, old_number: str) -> list[str]:
        """The new sections with at least CONTAINED of their words among the old section's:
        the pieces it may have been split into, in document order."""
        row = self.shared[self.old_index[old_number]]
        found = (row >= CONTAINED * self.new_lengths) & (self.new_lengths > 0)
        return [self.new_numbers[index] for index in found.nonzero()[0]]

    def carriers(self, old_number: str) -> list[str]:
        """The longer new sections that hold at least CONTAINED of the old section's words:
        those it may have been merged into, in document order."""
        length = self.old_lengths[self.old_index[old_number]]
        row = self.shared[self.old_index[old_number]]
        found = (self.new_lengths > length) & (row >= CONTAINED * length)
        return [self.new_numbers[index] for index in found.nonzero()[0]]

    def alike(self, new_number: str) -> list[str]:
        """The old sections that share enough words with the new one to be MATCH alike (twice
        the shared words over the words of both: SequenceMatcher's quick_ratio) or to be one
        the other grown or cut (_grown_or_cut), in document order."""
        import numpy

        column = self.shared[:, self.new_index[new_number]]
        length = self.new_lengths[self.new_index[new_number]]
        shorter = numpy.minimum(self.old_lengths, length)
        found = (2 * column >= MATCH * (self.old_lengths + length)) | (
            (shorter >= CONTAINED_WORDS) & (column >= CONTAINED * shorter)
        )
        return [self.old_numbers[index] for index in found.nonzero()[0]]


def _find_merges(old_words, new_words, shared):
    """new number -> the "merged" matches of old sections without a successor of their own
    whose wording (at least CONTAINED_WORDS words) the new section carries, at least CONTAINED
    of it in order: two sections the revision made one."""
    merged: dict[str, list[SectionMatch]] = {}
    for old_number, old in old_words.items():
        if len(old) < CONTAINED_WORDS:
            continue
        best = None
        for new_number in shared.carriers(old_number):
            if new_number not in new_words:
                continue
            carried = containment(old, new_words[new_number])
            if carried >= CONTAINED and (best is None or carried > best[1]):
                best = (new_number, carried)
        if best is not None:
            merged.setdefault(best[0], []).append(
                SectionMatch(old_number, best[0], "merged", best[1])
            )
    return merged


def matches_from_pairs(
    old: Sequence[Section], new: Sequence[Section], pairs: Mapping[str, str | None]
) -> list[SectionMatch]:
    """The matches that follow from a pairing an officer corrected: `pairs` maps each new
    section's number to the old section's it succeeds, or to None (a new section). An old
    section succeeded by several new ones is split; one succeeded by none is removed; one
    succeeded by one is "same" or "changed" under its own number and "moved" under another.
    Ordered as match_sections orders them."""
    new_words = {section[0]: _section_words(section) for section in new}
    old_words = {section[0]: _section_words(section) for section in old}
    successors = Counter(pairs.get(number) for number in new_words)
    matches = []
    for new_number, words in new_words.items():
        old_number = pairs.get(new_number)
        if old_number not in old_words:
            matches.append(SectionMatch(None, new_number, "new", 0.0))
            continue
        ratio = similarity(old_words[old_number], words)
        if successors[old_number] > 1:
            kind = "split"
        elif new_number != old_number:
            kind = "moved"
        else:
            kind = "same" if ratio >= SAME else "changed"
        matches.append(SectionMatch(old_number, new_number, kind, ratio))
    matches += [
        SectionMatch(number, None, "removed", 0.0) for number in old_words if not successors[number]
    ]
    return matches


def _headings(sections: Sequence[Section]) -> dict[str, str]:
    return {number: " ".join(normalised_words(heading)) for number, heading, _text in sections}


def containment(old_words: Sequence[str], new_words: Sequence[str]) -> float:
    """The share of the shorter wording's words that the longer carries in the same order: 1.0
    when one is the other grown or cut ("reviewed yearly" in "The framework will be reviewed
    yearly by an independent panel.")."""
    shorter, longer = sorted((old_words, new_words), key=len)
    if not shorter:
        return 0.0
    blocks = SequenceMatcher(None, shorter, longer, autojunk=False).get_matching_blocks()
    return sum(block.size for block in blocks) / len(shorter)


def _match_by_number(
    old_words: Mapping[str, list[str]],
    new_words: Mapping[str, list[str]],
    old_headings: Mapping[str, str],
    new_headings: Mapping[str, str],
) -> dict[str, tuple[str, float]]:
    """new number -> (old number, ratio) for each number in both versions that is still the
    same section: its wording at least MATCH alike, or one wording carried within the other
    (at least CONTAINED of it), or the same heading. A number that is none of these is left
    for matching by similarity (the sections were renumbered around it)."""
    found = {}
    for number, words in new_words.items():
        if number not in old_words:
            continue
        ratio = similarity(old_words[number], words)
        same_heading = bool(new_headings.get(number)) and (
            old_headings.get(number) == new_headings.get(number)
        )
        if ratio >= MATCH or same_heading or containment(old_words[number], words) >= CONTAINED:
            found[number] = (number, ratio)
    return found


def _is_split(old_number: str, split_pieces: Mapping[str, tuple[str, float]]) -> bool:
    return any(old == old_number for old, _contained in split_pieces.values())


def _find_splits(
    old_words: Mapping[str, list[str]],
    new_words: Mapping[str, list[str]],
    by_number: Mapping[str, tuple[str, float]],
    settled: Mapping[str, SectionMatch],
    shared: _SharedWords,
) -> dict[str, tuple[str, float]]:
    """new number -> (old number, share of its words from the old) for the pieces of split
    sections. An old section already "same" is not split; a piece is a new section not yet
    settled, and not paired by number with another old section."""
    settled_old = {match.old_number for match in settled.values()}
    taken: dict[str, tuple[str, float]] = {}
    for old_number, words in old_words.items():
        if old_number in settled_old or not words:
            continue
        pieces = []
        # Words shared regardless of order bound the share in order: only those pieces.
        for new_number in shared.pieces(old_number):
            if new_number in settled or new_number in taken:
                continue
            if new_number in by_number and by_number[new_number][0] != old_number:
                continue
            piece = _piece_of(words, new_words[new_number])
            if piece is not None:
                pieces.append((new_number, *piece))
        if len(pieces) < 2:
            continue
        covered = set().union(*(indices for _number, _contained, indices in pieces))
        if len(covered) >= SPLIT_COVERAGE * len(words) and all(
            len(indices) < SPLIT_COVERAGE * len(words) for _n, _c, indices in pieces
        ):
            for new_number, contained, _indices in pieces:
                taken[new_number] = (old_number, contained)
    return taken


def _piece_of(old: list[str], new: list[str]) -> tuple[float, set[int]] | None:
    """(share of `new`'s words found in order in `old`, indices of the old words it carries) when
    `new` is largely contained in `old` and carries a fair share of it; otherwise None."""
    blocks = SequenceMatcher(None, old, new, autojunk=False).get_matching_blocks()
    carried = {index for block in blocks for index in range(block.a, block.a + block.size)}
    contained = len(carried) / len(new)
    if contained >= CONTAINED and len(carried) >= SPLIT_SHARE * len(old):
        return contained, carried
    return None


def _match_by_similarity(
    old_words: Mapping[str, list[str]],
    new_words: Mapping[str, list[str]],
    shared: _SharedWords,
) -> list[tuple[str, str, float]]:
    """(old number, new number, ratio) pairs at least MATCH alike, chosen greedily: the most
    alike pair first, each section used once. Only pairs that share enough words are compared:
    as many as quick_ratio needs for MATCH, or as _grown_or_cut needs."""
    candidates = []
    for new_number, new in new_words.items():
        matcher = SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(new)  # SequenceMatcher caches what it learns about the second sequence
        for old_number in shared.alike(new_number):
            if old_number not in old_words:
                continue
            old = old_words[old_number]
            common = shared(old_number, new_number)
            # quick_ratio() is 2 × the words shared / the words of both.
            if 2 * common >= MATCH * (len(old) + len(new)):
                matcher.set_seq1(old)
                ratio = matcher.ratio()
                if ratio >= MATCH:
                    candidates.append((ratio, old_number, new_number))
                    continue
            grown = _grown_or_cut(old, new, common)
            if grown is not None:
                candidates.append((grown, old_number, new_number))
    # Highest ratio first; ties in document order (dicts keep it) through the stable sort.
    candidates.sort(key=lambda candidate: -candidate[0])
    paired, used_old, used_new = [], set(), set()
    for ratio, old_number, new_number in candidates:
        if old_number not in used_old and new_number not in used_new:
            paired.append((old_number, new_number, ratio))
            used_old.add(old_number)
            used_new.add(new_number)
    return paired


def _grown_or_cut(old: Sequence[str], new: Sequence[str], common: int) -> float | None:
    """For a section under another number: MATCH (the weakest pairing) when one wording is the
    other grown or cut, carrying CONTAINED_WORDS words or more; otherwise None. `common` is how
    many words the two share (_SharedWords)."""
    if min(len(old), len(new)) < CONTAINED_WORDS:
        return None
    if common < CONTAINED * min(len(old), len(new)):
        return None
    return MATCH if containment(old, new) >= CONTAINED else None


# --- Word differences -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Token:
    """A word (or a run of punctuation) of a text, where it is, and what it is compared as."""

    start: int
    end: int
    key: str


_TOKEN = re.compile(r"\w+(?:['’‐‑-]\w+)*|[^\w\s]+")


def _tokens(text: str) -> list[_Token]:
    return [
        _Token(
            found.start(), found.end(), "".join(normalised_words(found.group())) or found.group()
        )
        for found in _TOKEN.finditer(text)
    ]


def _text_of(text: str, tokens: Sequence[_Token]) -> str:
    """The stretch of `text` from the first token to the last, as written."""
    return text[tokens[0].start : tokens[-1].end] if tokens else ""


def _opcodes(old_tokens: Sequence[_Token], new_tokens: Sequence[_Token]):
    old_keys = [token.key for token in old_tokens]
    new_keys = [token.key for token in new_tokens]
    return SequenceMatcher(None, old_keys, new_keys, autojunk=False).get_opcodes()


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """The word-level difference from `old` to `new` as (operation, words) in reading order, the
    operation "equal", "delete" or "insert" (a replacement is a delete then an insert). Words
    are compared regardless of case and of hyphens and apostrophes inside them; each stretch is
    given as written (equal stretches as in `new`), punctuation included:
    "will be considered where appropriate." -> "will be encouraged where appropriate." gives
    [("equal", "will be"), ("delete", "considered"), ("insert", "encouraged"),
    ("equal", "where appropriate.")]."""
    old_tokens, new_tokens = _tokens(old), _tokens(new)
    diff = []
    for tag, i1, i2, j1, j2 in _opcodes(old_tokens, new_tokens):
        if tag == "equal":
            diff.append(("equal", _text_of(new, new_tokens[j1:j2])))
            continue
        if i1 < i2:
            diff.append(("delete", _text_of(old, old_tokens[i1:i2])))
        if j1 < j2:
            diff.append(("insert", _text_of(new, new_tokens[j1:j2])))
    return diff


# --- Re-anchoring quotes ----------------------------------------------------------------------


@dataclass(frozen=True)
class TextQuote:
    """A W3C TextQuoteSelector: the quoted words as written and up to CONTEXT_LENGTH characters
    of the text just before and after them."""

    exact: str
    prefix: str = ""
    suffix: str = ""

    @classmethod
    def of(cls, selector: Mapping[str, str] | object) -> TextQuote:
        """A selector given as a dict or as any object with exact/prefix/suffix attributes."""
        if isinstance(selector, Mapping):
            return cls(selector["exact"], selector.get("prefix", ""), selector.get("suffix", ""))
        return cls(selector.exact, selector.prefix or "", selector.suffix or "")

    @classmethod
    def at(cls, text: str, start: int, end: int) -> TextQuote:
        """The selector for text[start:end], its context taken as responses' quotes module does."""
        return cls(
            exact=text[start:end],
            prefix=text[max(0, start - CONTEXT_LENGTH) : start],
            suffix=text[end : end + CONTEXT_LENGTH],
        )


@dataclass(frozen=True)
class Reanchored:
    """Where a quote of the old wording is in the new wording, and how sure that is.

    status: "unchanged" (the quoted words are still there, case and typography aside; `start`
    is where), "changed" (they are not, but the passage was found: `selector.exact` is what
    they became, `diff` the difference), "gone" (too little of the passage survives) or
    "ambiguous" (several places fit and nothing tells them apart: `candidates` are their start
    offsets). `score` (0–1) is how alike the place found is: 1.0 unchanged; for a change, the
    similarity of the words (an approximate match) or the share of the passage kept. A quote
    `to_check` is placed, but too unsure to be trusted without an officer.
    """

    status: str
    selector: TextQuote | None = None  # over the new text, for "unchanged" and "changed"
    start: int | None = None  # offset of selector.exact in the new text
    candidates: tuple[int, ...] = ()
    diff: list[tuple[str, str]] = field(default_factory=list)
    survived: float = 1.0  # share of the passage's words kept, for "changed" and "gone"
    score: float = 1.0
    to_check: bool = False
    # For "ambiguous": each candidate's selector over the new text, its score (quote, context
    # and position) and the similarity of its words alone, best first.
    options: tuple[tuple[TextQuote, float, float], ...] = ()


# A change found by aligning the words, keeping less of its passage than this, is to check.
CHECK_BELOW = 0.75


def reanchor(selector: Mapping[str, str] | object, old_text: str, new_text: str) -> Reanchored:
    """Follow a quote of `old_text` (a TextQuoteSelector: dict or object with exact, prefix and
    suffix) into `new_text` with the quote matcher (plans.anchoring), weighing the quoted words,
    their context and where they were. Raises ValueError when the exact words are empty or do
    not occur in `old_text`."""
    quote = TextQuote.of(selector)
    if not quote.exact:
        raise ValueError("The selector quotes nothing.")
    old_start = _locate(quote, old_text)
    hint = old_start * len(new_text) // max(1, len(old_text))
    found = anchoring.anchor(
        new_text, quote.exact, prefix=quote.prefix, suffix=quote.suffix, position=hint
    )
    if found.status == "ambiguous":
        return Reanchored(
            "ambiguous",
            candidates=tuple(candidate.start for candidate in found.candidates),
            options=_options(new_text, found.candidates),
            score=found.candidates[0].score,
        )
    if found.status == "found":
        return Reanchored(
            "unchanged", selector=TextQuote.at(new_text, found.start, found.end), start=found.start
        )
    if found.sure:
        new_quote = TextQuote.at(new_text, found.start, found.end)
        return Reanchored(
            "changed",
            selector=new_quote,
            start=found.start,
            diff=word_diff(quote.exact, new_quote.exact),
            score=found.similarity,
        )
    followed = _follow_edit(quote, old_text, old_start, new_text)
    if followed.status == "gone" and found.placed:
        # Alike, but not alike enough to trust, and the words around it do not say so.
        return Reanchored(
            "ambiguous",
            candidates=(found.start,),
            options=_options(new_text, found.candidates),
            score=found.similarity,
        )
    return followed


def _options(text: str, candidates) -> tuple[tuple[TextQuote, float, float], ...]:
    return tuple(
        (TextQuote.at(text, candidate.start, candidate.end), candidate.score, candidate.similarity)
        for candidate in candidates
    )


def _locate(quote: TextQuote, old_text: str) -> int:
    """Where the selector's exact words are in the text it was made on: where its prefix, exact
    words and suffix stand together, else where the quote matcher puts them (the best of equals
    when their context tells them no further apart), else, for words inside a word, the first."""
    whole = old_text.find(quote.prefix + quote.exact + quote.suffix)
    if whole != -1:
        return whole + len(quote.prefix)
    found = anchoring.anchor(
        old_text, quote.exact, prefix=quote.prefix, suffix=quote.suffix, threshold=1.0
    )
    if found.candidates:
        return found.candidates[0].start
    start = old_text.find(quote.exact)
    if start == -1:
        raise ValueError("The quoted wording does not occur in the old text.")
    return start


def _token_range(tokens: Sequence[_Token], start: int, end: int) -> tuple[int, int]:
    """Indices [first, last) of the tokens overlapping text[start:end]."""
    inside = [
        index for index, token in enumerate(tokens) if token.end > start and token.start < end
    ]
    return (inside[0], inside[-1] + 1) if inside else (0, 0)


def _share_kept(opcodes, first: int, last: int) -> float:
    """Share of old tokens [first, last) that the alignment keeps unchanged."""
    if first >= last:
        return 0.0
    kept = sum(
        max(0, min(i2, last) - max(i1, first))
        for tag, i1, i2, _j1, _j2 in opcodes
        if tag == "equal"
    )
    return kept / (last - first)


def _mapped_range(opcodes, first: int, last: int) -> tuple[int, int] | None:
    """The new tokens that old tokens [first, last) became: kept tokens map one to one, replaced
    ones to their replacement, insertions strictly inside the range come along; None when all
    of them were deleted with nothing in their place."""
    bounds: list[int] = []
    for tag, i1, i2, j1, j2 in opcodes:
        low, high = max(i1, first), min(i2, last)
        replaced = tag == "replace" and low < high
        inserted_inside = tag == "insert" and first < i1 < last
        if tag == "equal" and low < high:
            bounds += [j1 + low - i1, j1 + high - i1]
        elif replaced or inserted_inside:
            bounds += [j1, j2]
    return (min(bounds), max(bounds)) if bounds else None


def _follow_edit(quote: TextQuote, old_text: str, old_start: int, new_text: str) -> Reanchored:
    """The exact words no longer occur: align the old wording with the new word by word and see
    what the quoted words, and the passage of them and their context, became."""
    old_tokens, new_tokens = _tokens(old_text), _tokens(new_text)
    opcodes = _opcodes(old_tokens, new_tokens)
    old_end = old_start + len(quote.exact)
    passage = _token_range(old_tokens, old_start - len(quote.prefix), old_end + len(quote.suffix))
    survived = _share_kept(opcodes, *passage)
    quoted = _token_range(old_tokens, old_start, old_end)
    mapped = _mapped_range(opcodes, *quoted) if quoted[0] < quoted[1] else None
    if mapped is None or survived < SURVIVAL:
        return Reanchored("gone", survived=survived, score=survived)
    start, end = new_tokens[mapped[0]].start, new_tokens[mapped[1] - 1].end
    new_quote = TextQuote.at(new_text, start, end)
    # Several quoted words all replaced: what took their place may be other wording altogether.
    replaced_entirely = quoted[1] - quoted[0] > 1 and _share_kept(opcodes, *quoted) == 0
    return Reanchored(
        "changed",
        selector=new_quote,
        start=start,
        diff=word_diff(quote.exact, new_quote.exact),
        survived=survived,
        score=survived,
        to_check=survived < CHECK_BELOW or replaced_entirely,
    )
