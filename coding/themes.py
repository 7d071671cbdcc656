"""Themes suggested from what comments say, with scikit-learn and nothing downloaded: each
comment's words weighed by TF-IDF (words and two-word phrases, common English words left out,
and the four letters at a time within words, so that a word's forms and misspellings count as
alike), factorised by NMF into the themes wanted; a theme is labelled by its most distinctive
phrases and shown by the comments that raise it most plainly. The same comments give the same
themes (a fixed seed, the comments in a fixed order). A campaign's near-copies are read once,
as one comment, and each copy gets the theme its letter got.

Pure: comments in, themes out; coding.suggesting stores them.
"""

from dataclasses import dataclass, field

import numpy as np
from scipy import sparse
from sklearn.decomposition import NMF

from coding.weighing import comment_reader

# A comment counts as raising a theme when the theme holds this share of its weight at least.
SHARE_TO_RAISE = 0.35
PHRASES_SHOWN = 8
REPRESENTATIVE_SHOWN = 3
# Fewer different comments than this cannot be told apart into themes.
FEWEST_COMMENTS = 4
# The comments (spread evenly) whose words choose which words and spellings are weighed, at
# most, and how many are weighed at once: so that 100,000 comments are read in bounded memory.
WEIGHED_ON = 20_000
CHUNK = 5_000


@dataclass(frozen=True)
class Read:
    """A comment to read: its id, words and campaign (None when in none)."""

    pk: int
    text: str
    campaign: int | None = None


@dataclass
class Theme:
    label: str
    phrases: list[str]
    # (comment id, score 0–1) of every comment raising it, a campaign's copies each.
    members: list[tuple[int, float]] = field(default_factory=list)
    # How many comments raise it, a campaign's near-copies once.
    count: int = 0
    representative: list[int] = field(default_factory=list)


class TooFewComments(Exception):
    """Why no themes could be suggested."""


def suggest_themes(comments: list[Read], *, wanted: int = 8) -> list[Theme]:
    """The themes `comments` raise, at most `wanted`, those raised by most comments first."""
    letters, copies = _read_once(comments)
    if len(letters) < FEWEST_COMMENTS:
        raise TooFewComments(
            f"Only {len(letters)} different comment{'s' if len(letters) != 1 else ''}: themes "
            f"need {FEWEST_COMMENTS} at least."
        )
    texts = [letter.text for letter in letters]
    reader = _reader(min_df=2 if len(letters) >= 20 else 1)
    try:
        reader.fit(texts[:: max(1, len(texts) // WEIGHED_ON)])
    except ValueError as error:  # no word left once common ones are taken out
        raise TooFewComments("The comments share too few words to tell themes apart.") from error
    weights = sparse.vstack(
        [reader.transform(texts[start : start + CHUNK]) for start in range(0, len(texts), CHUNK)]
    ).tocsr()
    terms = reader.named_transformers["words"].get_feature_names_out()
    wanted = max(1, min(wanted, len(letters) // 2, len(terms)))
    model = NMF(n_components=wanted, init="nndsvda", random_state=0, max_iter=500)
    strengths = model.fit_transform(weights)
    totals = strengths.sum(axis=1)
    shares = np.divide(
        strengths, totals[:, None], out=np.zeros_like(strengths), where=totals[:, None] > 0
    )
    themes = []
    for topic in range(wanted):
        phrases = _phrases(model.components_[topic][: len(terms)], terms)
        raising = np.flatnonzero(shares[:, topic] >= SHARE_TO_RAISE)
        if not phrases or not len(raising):
            continue
        peak = strengths[raising, topic].max() or 1.0
        theme = Theme(label=", ".join(phrases[:3]), phrases=phrases, count=len(raising))
        for index in raising:
            score = round(float(strengths[index, topic] / peak), 3)
            theme.members += [(pk, score) for pk in copies[letters[index].pk]]
        plainest = sorted(raising, key=lambda i: (-shares[i, topic] * strengths[i, topic], i))
        theme.representative = [letters[i].pk for i in plainest[:REPRESENTATIVE_SHOWN]]
        themes.append(theme)
    return sorted(themes, key=lambda theme: (-theme.count, theme.label))


def _reader(*, min_df):
    """Comments' words and spellings of four letters (coding.weighing), in 32 bits and the
    commonest left out, so that 100,000 comments are factorised in bounded memory."""
    return comment_reader(
        words={"min_df": min_df, "max_df": 0.6, "max_features": 20_000, "dtype": np.float32},
        spellings={
            "ngram_range": (4, 4),
            "min_df": min_df,
            "max_df": 0.5,
            "max_features": 50_000,
            "dtype": np.float32,
        },
    )


def _singular(phrase):
    """A phrase's words, a plural's "s" taken off ("services" as "service", but not "news",
    "less" or "bus")."""
    return [
        word[:-1] if len(word) >= 5 and word.endswith("s") and not word.endswith("ss") else word
        for word in phrase.split()
    ]


def _read_once(comments):
    """The comments to read, a campaign's first copy (the smallest id) for all of them; and for
    each comment read, the ids it stands for."""
    letters, copies, first_of = [], {}, {}
    for comment in sorted(comments, key=lambda c: c.pk):
        if comment.campaign is not None and comment.campaign in first_of:
            copies[first_of[comment.campaign]].append(comment.pk)
            continue
        if comment.campaign is not None:
            first_of[comment.campaign] = comment.pk
        letters.append(comment)
        copies[comment.pk] = [comment.pk]
    return letters, copies


def _phrases(weights, terms):
    """The topic's most distinctive phrases: its heaviest terms; a word left out when a phrase
    shown already holds it (or its plural), and a phrase shown in place of its words when they
    came first ("mental health", not "health, mental")."""
    chosen = []
    for index in np.argsort(-weights):
        if weights[index] <= 0 or len(chosen) == PHRASES_SHOWN:
            break
        term = terms[index]
        if any(
            set(_singular(term)) <= set(_singular(shown))  # "victim" when "victims" is shown
            for shown in chosen
        ):
            continue
        held = [
            position
            for position, shown in enumerate(chosen)
            if set(_singular(shown)) <= set(_singular(term))
        ]
        if held:
            chosen[held[0]] = term
            chosen = [shown for position, shown in enumerate(chosen) if position not in held[1:]]
        else:
            chosen.append(term)
    return chosen
