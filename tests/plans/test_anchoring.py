"""The one quote matcher: exact and approximate quotes, the context choosing an occurrence, and
the threshold below which nothing is placed."""

from __future__ import annotations

import pytest

from plans.anchoring import ACCEPT, anchor, fold

TEXT = (
    "The department says partners will be consulted on the framework in 2009. "
    "Later, partners will be consulted on funding. Café provision — ‘sub-contracting’ is key."
)


def test_a_quote_as_written_is_found_with_full_similarity():
    found = anchor(TEXT, "partners will be consulted on the framework")

    assert found.status == "found"
    assert found.exact == "partners will be consulted on the framework"
    assert found.similarity == 1.0
    assert found.prefix == "The department says "
    assert found.describe() == "quoted"


@pytest.mark.parametrize(
    "typed",
    [
        "partners will be consultd on the framwork",  # two typos
        "partners will be consulted the framework",  # a word dropped
        "providers will be consulted on the framework",  # the first word paraphrased
        "partners will be consulted on the framework in 2010",  # a word changed
    ],
)
def test_a_misquote_is_found_approximately_and_returned_as_written_in_the_text(typed):
    found = anchor(TEXT, typed)

    assert found.status == "approximate"
    assert found.exact.startswith("partners will be consulted on the framework")
    assert ACCEPT <= found.similarity < 1.0
    assert found.describe().startswith("quoted, ") and found.describe().endswith(" % alike")


def test_one_typo_costs_one_character_not_a_word():
    assert anchor(TEXT, "partners will be consultd on the framework").similarity > 0.97


@pytest.mark.parametrize(
    "typed, exact",
    [
        ("CAFE PROVISION", "Café provision"),  # case and accents
        ("cafe provision - 'sub-contracting' is key", "Café provision — ‘sub-contracting’ is key"),
        ("partners  will\nbe consulted on funding.", "partners will be consulted on funding"),
    ],
)
def test_case_accents_marks_dashes_and_spacing_do_not_count(typed, exact):
    found = anchor(TEXT, typed)

    assert found.status == "found"
    assert found.exact == exact


@pytest.mark.parametrize("ellipsis", ["…", "...", ". . .", "[…]", "(...)"])
def test_an_ellipsis_is_a_gap_of_any_length(ellipsis):
    found = anchor(TEXT, f"the department says {ellipsis} on the framework")

    assert found.status == "found"
    assert found.exact == "The department says partners will be consulted on the framework"


def test_an_ellipsis_joins_the_nearest_parts():
    found = anchor(TEXT, "partners will be consulted … on funding")

    assert found.exact == "partners will be consulted on funding"


def test_words_that_occur_twice_without_context_are_ambiguous_not_guessed():
    found = anchor(TEXT, "partners will be consulted")

    assert found.status == "ambiguous"
    assert not found.placed
    assert len(found.candidates) == 2
    assert found.describe() == "found more than once"


@pytest.mark.parametrize(
    "context, expected_prefix",
    [
        ({"suffix": " on funding"}, "in 2009. Later, "),
        ({"prefix": "Later, "}, "in 2009. Later, "),
        ({"prefix": "The department says "}, "The department says "),
        # A prefix that differs from the text by a boundary space or a typo still chooses.
        ({"prefix": "Later,"}, "in 2009. Later, "),
        ({"prefix": "Lateer, ", "suffix": "on fundng"}, "in 2009. Later, "),
        ({"suffix": " on the frame-work"}, "The department says "),
    ],
)
def test_prefix_and_suffix_choose_the_occurrence(context, expected_prefix):
    found = anchor(TEXT, "partners will be consulted", **context)

    assert found.status == "found"
    assert found.prefix.endswith(expected_prefix)


def test_a_position_hint_ranks_equals_but_does_not_decide_alone():
    later = TEXT.index("Later")
    near_the_end = anchor(TEXT, "partners will be consulted", position=later)
    near_the_start = anchor(TEXT, "partners will be consulted", position=0)

    assert near_the_end.candidates[0].start > later
    assert near_the_start.candidates[0].start < later
    assert near_the_end.status == near_the_start.status == "ambiguous"


@pytest.mark.parametrize(
    "typed",
    [
        "will be funded",  # not in the text
        "partners were never asked about anything",  # too unlike
        "cafes",  # too short to match approximately, and not a word of the text
        "",
    ],
)
def test_below_the_threshold_nothing_is_placed(typed):
    found = anchor(TEXT, typed)

    assert found.status == "not found"
    assert not found.placed
    assert found.describe() == "not found"


def test_the_threshold_is_explicit():
    typed = "the department said partners would be consulted"

    assert anchor(TEXT, typed, threshold=0.85).placed
    assert not anchor(TEXT, typed, threshold=0.95).placed


def test_a_word_inside_another_word_is_not_a_quote():
    assert not anchor("Consultation matters.", "consult").placed


def test_folding_remembers_where_each_character_came_from():
    folded = fold("Café  —  ‘x’")

    assert folded.folded == "cafe - 'x'"
    assert folded.span(0, 4) == (0, 4)
