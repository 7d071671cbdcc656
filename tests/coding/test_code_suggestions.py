"""Codes suggested for uncoded comments (coding.code_suggestions), measured on comments written
and coded by hand without reading how suggestions are made (tests/coding/coded_prose.py): the
codes an analyst gave the calibration comments are the officers' coding, the held-out comments
are those to suggest for."""

import random

import pytest

from coding.code_suggestions import SURE_ENOUGH, CannotSuggest, Coded, suggest_codes
from coding.themes import Read
from tests.coding.coded_prose import CALIBRATION, FRAME, HELD_OUT

CODE_IDS = {name: number for number, name in enumerate(FRAME, start=1)}
FIRST_HELD_OUT = 1_000


def _coded(comments):
    return [
        Coded(pk, text, frozenset(CODE_IDS[name] for name in codes))
        for pk, (text, codes) in enumerate(comments, start=1)
        if codes
    ]


def _held_out():
    reads = [Read(FIRST_HELD_OUT + n, text) for n, (text, _) in enumerate(HELD_OUT)]
    truth = {
        FIRST_HELD_OUT + n: {CODE_IDS[name] for name in codes}
        for n, (_, codes) in enumerate(HELD_OUT)
    }
    return reads, truth


def test_suggestions_on_prose_nobody_wrote_for_them_are_mostly_right_and_say_how_sure():
    reads, truth = _held_out()

    suggested = suggest_codes(_coded(CALIBRATION), reads)

    codings = suggested.codings
    right = [code in truth[pk] for pk, code, _ in codings]
    precision = sum(right) / len(codings)
    assert precision >= 0.85
    # Four in ten of the held-out comments with a code are suggested one of theirs at least.
    with_codes = [pk for pk, codes in truth.items() if codes]
    found = {pk for pk, code, _ in codings if code in truth[pk]}
    assert len(found) >= 0.4 * len(with_codes)
    # Thanks, complaints about the form and potholes are, as good as always, suggested nothing.
    assert sum(not truth[pk] for pk, _, _ in codings) <= 1
    # How sure it says it is, is near how often it is right (if anything, under), and never
    # under what it needs.
    claimed = sum(sure for *_, sure in codings) / len(codings)
    assert precision - 0.15 <= claimed <= precision + 0.05
    assert min(sure for *_, sure in codings) >= SURE_ENOUGH
    assert suggested.checked_on == len(_coded(CALIBRATION))
    assert 0 < suggested.likeness_needed < 0.35


def test_comments_about_nothing_the_frame_codes_are_suggested_nothing():
    """Comments in words no coded comment has: none is suggested a code, and the held-out ones
    still are. (Many more such comments make the machine less sure of every suggestion, so
    that it suggests fewer: never more.)"""
    reads, truth = _held_out()
    words = ["ledger", "orbit", "velvet", "canyon", "harbour"]
    words += ["pickle", "lantern", "meadow", "quartz", "tundra"]
    generator = random.Random(3)
    off_topic = [
        Read(5_000 + n, " ".join(generator.choices(words, k=12)).capitalize() + ".")
        for n in range(20)
    ] + [Read(6_000, ""), Read(6_001, "zzz qqq")]

    suggested = suggest_codes(_coded(CALIBRATION), reads + off_topic)

    held_out = [(pk, code) for pk, code, _ in suggested.codings if pk in truth]
    assert len(held_out) >= 10
    assert sum(code in truth[pk] for pk, code in held_out) >= 0.85 * len(held_out)
    assert not [pk for pk, _, _ in suggested.codings if pk >= 5_000]


def test_comments_each_given_every_code_make_no_likeness_enough():
    """Coded with every code, a comment says nothing of which code: no likeness, not even
    none at all, is reason to suggest one."""
    coded = [Coded(n, f"Hostels and grants, comment {n}.", frozenset({1, 2})) for n in range(7)]

    suggested = suggest_codes(coded, [Read(100, ""), Read(101, "zzz qqq")])

    assert suggested.codings == []


def test_the_same_comments_give_the_same_suggestions_in_any_order_and_numbered_anew():
    reads, _ = _held_out()
    coded = _coded(CALIBRATION)

    first = suggest_codes(coded, reads)
    again = suggest_codes(list(reversed(coded)), list(reversed(reads)))
    # Numbered anew, in the same order: the fifths each code's comments are read in are dealt
    # by code, not by number.
    renumbered = suggest_codes([Coded(c.pk * 7 + 3, c.text, c.codes) for c in coded], reads)

    assert first.codings and sorted(first.codings) == sorted(again.codings)
    assert sorted(first.codings) == sorted(renumbered.codings)


def test_misspelt_words_still_count():
    """Words alone would miss these: "volunter" and "mentr" are words no coded comment has."""
    coded = _coded(CALIBRATION)
    volunteering = CODE_IDS["Volunteering and mentoring"]
    comments = [
        Read(1, "More volunter mentors, please."),
        Read(2, "We need more volunteerz to mentr people leaving prison."),
    ]

    suggested = {pk: code for pk, code, _ in suggest_codes(coded, comments).codings}

    assert suggested == {1: volunteering, 2: volunteering}


@pytest.mark.parametrize(
    "coded",
    [
        [],
        # One code, however many comments: nothing to tell it from.
        [Coded(n, f"Housing comment {n}", frozenset({1})) for n in range(1, 30)],
        # Two codes, one given to two comments only.
        [Coded(n, f"Housing comment {n}", frozenset({1})) for n in range(1, 6)]
        + [Coded(n, f"Funding comment {n}", frozenset({2})) for n in range(6, 8)],
    ],
    ids=["no coding", "one code", "a code given twice"],
)
def test_too_little_coding_to_measure_how_sure_is_told_not_guessed(coded):
    with pytest.raises(CannotSuggest, match="two codes or more to 3 comments each"):
        suggest_codes(coded, [Read(100, "More money for hostels please.")])


def test_too_few_coded_comments_to_be_sure_suggest_nothing():
    reads, _ = _held_out()

    suggested = suggest_codes(_coded(CALIBRATION[:25]), reads)

    assert suggested.codings == [] and suggested.likeness_needed is None
    # Measured on the comments given a code given 3 times or more, there were too few.
    assert 0 < suggested.checked_on < len(_coded(CALIBRATION[:25]))


def test_coded_comments_with_no_words_to_weigh_are_told_not_guessed():
    coded = [Coded(n, "the and of", frozenset({1 + n % 2})) for n in range(1, 9)]

    with pytest.raises(CannotSuggest, match="share too few words"):
        suggest_codes(coded, [Read(100, "")])
