"""Codes suggested for the comments officers have not coded, from those they have, with how sure
the machine is, measured on the officers' own coding rather than assumed.

A comment's likeness to a code is the cosine of its words to the mean of the words of the
comments officers gave the code: words and two-word phrases (common English words left out)
and, so that "volunteers", "volunteering" and "volunter" are alike, the letters within words
(three to five at a time), each weighed by TF-IDF.

How alike is alike enough differs from one consultation's prose to another's, so no fixed
figure is trusted. The officers' coded comments are split into five (each code's dealt in
turn), and each fifth read against the codes of the other four, as if not coded: once with
every code, and once without the comment's own codes, as a comment on something the frame has
no code for yet would be read. How often the most alike code was one the officers gave is
fitted to the likeness (isotonic regression), the two readings weighed by how many uncoded
comments look like each.
A comment is suggested its most alike code when, that alike, it was right SURE_ENOUGH of the
time; and how often is its score: "88% sure" says that of the officers' comments read as this
alike to a code, 88 in 100 had it. A few coded comments right by chance are kept from making
it sure (SURE_BY_CHANCE).

Pure: comments in, suggestions out; coding.suggesting reads and stores them.
"""

from dataclasses import dataclass, field

import numpy as np
from sklearn.isotonic import IsotonicRegression
from sklearn.preprocessing import normalize

from coding.weighing import comment_reader

# A code is suggested when the comments officers coded that were as alike to their most alike
# code had it this share of the time at least.
SURE_ENOUGH = 0.7
# A code officers gave fewer comments than this is not suggested: too few to be sure of it;
# and fewer codes than FEWEST_CODES so given suggest none (nothing to tell them from).
FEWEST_PER_CODE = 3
FEWEST_CODES = 2
FOLDS = 5
# How many comments, as alike as can be and wrong, are added to the reading: so that a few
# most alike comments, right by chance, do not make the machine sure (with a dozen coded, it
# would claim 84 in 100 and be right 62).
SURE_BY_CHANCE = 3
# The comments not coded whose words weigh the TF-IDF beside the coded ones, at most (spread
# evenly), so that 100,000 comments are weighed in bounded memory.
WEIGHED_UNCODED = 5_000
CHUNK = 5_000
TOO_FEW_CODED = (
    f"Codes are suggested once officers have given two codes or more to {FEWEST_PER_CODE} "
    f"comments each at least, so that how sure a suggestion is can be measured on their coding."
)


@dataclass(frozen=True)
class Coded:
    """A comment officers coded: its id, words and the codes they gave it."""

    pk: int
    text: str
    codes: frozenset


@dataclass
class Suggested:
    # (comment id, code id, how sure 0–1) for each comment suggested a code.
    codings: list[tuple[int, int, float]] = field(default_factory=list)
    # The least likeness suggested, and how many coded comments the sureness was measured on.
    likeness_needed: float | None = None
    checked_on: int = 0


class CannotSuggest(Exception):
    """Why no code could be suggested, in words for the officer."""


def suggest_codes(coded: list[Coded], uncoded: list) -> Suggested:
    """For each of `uncoded` (coding.themes.Read), the code of `coded` its words are most like,
    when comments the officers coded that alike had it SURE_ENOUGH of the time."""
    counts = {}
    for comment in coded:
        for code in comment.codes:
            counts[code] = counts.get(code, 0) + 1
    codes = sorted(code for code, count in counts.items() if count >= FEWEST_PER_CODE)
    if len(codes) < FEWEST_CODES:
        raise CannotSuggest(TOO_FEW_CODED)
    known = set(codes)
    coded = sorted(
        (Coded(c.pk, c.text, frozenset(c.codes & known)) for c in coded if c.codes & known),
        key=lambda c: c.pk,
    )
    uncoded = sorted(uncoded, key=lambda c: c.pk)
    step = max(1, len(uncoded) // WEIGHED_UNCODED)
    try:
        reader = _reader().fit([c.text for c in coded] + [c.text for c in uncoded[::step]])
    except ValueError as error:  # no word left once common ones are taken out
        raise CannotSuggest("The coded comments share too few words to suggest codes.") from error
    words = normalize(reader.transform([c.text for c in coded]))
    labels = [c.codes for c in coded]
    centres = _centres(words, labels, codes)
    folds = _folds(labels)
    fold_centres = [
        _centres(words[folds != fold], [labels[i] for i in np.flatnonzero(folds != fold)], codes)
        for fold in range(FOLDS)
    ]
    best, likeness, read_as_checked = [], [], []
    for start in range(0, len(uncoded), CHUNK):
        chunk = normalize(reader.transform([c.text for c in uncoded[start : start + CHUNK]]))
        alike = np.asarray(chunk @ centres.T)
        best.append(alike.argmax(axis=1))
        likeness.append(alike.max(axis=1))
        # As alike as the coded comments were read when checked: against four fifths of them.
        read_as_checked.append(
            np.mean([np.asarray(chunk @ c.T).max(axis=1) for c in fold_centres], axis=0)
        )
    best = np.concatenate(best) if best else np.zeros(0, int)
    likeness = np.concatenate(likeness) if likeness else np.zeros(0)
    read_as_checked = np.concatenate(read_as_checked) if read_as_checked else np.zeros(0)
    sureness, needed = _sureness(words, labels, codes, folds, fold_centres, read_as_checked)
    suggested = Suggested(checked_on=len(coded))
    if needed is None:
        return suggested
    suggested.likeness_needed = round(needed, 3)
    sure = sureness.predict(likeness) if len(likeness) else likeness
    for row in np.flatnonzero(likeness >= needed):
        suggested.codings.append((uncoded[row].pk, codes[best[row]], round(float(sure[row]), 3)))
    return suggested


def _reader():
    """Comments' words and spellings of three to five letters (coding.weighing)."""
    return comment_reader(
        words={"max_features": 50_000},
        spellings={"ngram_range": (3, 5), "max_features": 100_000},
    )


def _centres(words, labels, codes):
    """Each code's centre: the mean of its comments' words, of length one."""
    centres = []
    for code in codes:
        rows = [i for i, given in enumerate(labels) if code in given]
        centre = np.asarray(words[rows].mean(axis=0)).ravel() if rows else np.zeros(words.shape[1])
        norm = np.linalg.norm(centre)
        centres.append(centre / norm if norm else centre)
    return np.vstack(centres)


def _folds(labels):
    """Which fifth each coded comment is read in: dealt in turn within each code (a comment
    with several, by its first), so that every code has comments in four fifths at least."""
    folds = np.zeros(len(labels), dtype=int)
    dealt = {}
    for index, given in enumerate(labels):
        code = min(given)
        folds[index] = dealt.get(code, 0) % FOLDS
        dealt[code] = dealt.get(code, 0) + 1
    return folds


def _sureness(words, labels, codes, folds, fold_centres, uncoded_likeness):
    """How often the most alike code is one the officers would give, by likeness; and the
    least likeness at which it is SURE_ENOUGH (None when at none).

    Each fifth of the coded comments is read against the codes of the other four, twice: with
    every code (as a comment the frame has a code for), and with the comment's own codes left
    out (as a comment on something the frame has no code for yet, as many uncoded comments
    are; the most alike code is then always wrong). The two are weighed by how many of the
    uncoded comments look like each, and how often the most alike code was right is fitted to
    the likeness."""
    inside, outside = [], []
    for fold, centres in enumerate(fold_centres):
        held = np.flatnonzero(folds == fold)
        for row, index in zip(np.asarray(words[held] @ centres.T), held, strict=True):
            given = labels[index]
            best = int(row.argmax())
            inside.append((float(row[best]), codes[best] in given))
            others = [position for position, code in enumerate(codes) if code not in given]
            if others:
                outside.append((float(row[others].max()), False))
    share = _share_inside(inside, outside, uncoded_likeness)
    pairs = inside + outside
    weights = [share / len(inside)] * len(inside)
    weights += [(1 - share) / len(outside)] * len(outside) if outside else []
    weights.append(SURE_BY_CHANCE * share / len(inside))  # as much as three coded comments
    pairs.append((1.0, False))
    sureness = IsotonicRegression(y_min=0, y_max=1, out_of_bounds="clip").fit(
        [likeness for likeness, _ in pairs], [right for _, right in pairs], sample_weight=weights
    )
    grid = np.linspace(0.001, 1, 1000)  # never at no likeness at all
    enough = grid[sureness.predict(grid) >= SURE_ENOUGH]
    return sureness, float(enough[0]) if len(enough) else None


def _share_inside(inside, outside, uncoded_likeness):
    """The share of the uncoded comments the frame seems to have a code for: the mixture of
    the likeness of comments it has a code for and of those it has not that comes nearest the
    uncoded comments' (least squares between their cumulative distributions), kept within
    5–95 %; half when there is nothing to tell by."""
    if not outside or not len(uncoded_likeness):
        return 0.5
    grid = np.linspace(0, 1, 201)

    def spread(likenesses):
        return np.searchsorted(np.sort(likenesses), grid, side="right") / len(likenesses)

    has = spread([likeness for likeness, _ in inside])
    has_not = spread([likeness for likeness, _ in outside])
    uncoded = spread(np.asarray(uncoded_likeness))
    apart = float(np.sum((has - has_not) ** 2))
    if apart == 0:
        return 0.5
    share = float(np.sum((uncoded - has_not) * (has - has_not))) / apart
    return min(0.95, max(0.05, share))
