"""Stance suggested from a comment's own words, with the words that suggest it."""

from __future__ import annotations

import pytest

from responses.linking import suggest_stance


@pytest.mark.parametrize(
    "text, stance, words",
    [
        ("Nacro welcomes the commitment in 1.3.", "welcomes", "welcomes"),
        ("We strongly support this approach.", "welcomes", "We strongly support"),
        ("We are concerned that small charities lose out.", "concern", "concerned"),
        ("The target is too weak.", "concern", "too weak"),
        ("We recommend that the plan funds advocacy.", "recommendation", "We recommend"),
        ("We would like to see consortia ‘encouraged’.", "recommendation", "We would like"),
        ("The plan should include a budget.", "recommendation", "should include"),
        ("How will volunteers be trained?", "question", "How will volunteers be trained?"),
        ("We ask whether the fund is new money.", "question", "We ask whether"),
        ("Volunteering is part of the sector.", "general", ""),
    ],
)
def test_a_stance_is_suggested_with_its_evidence(text, stance, words):
    suggestion = suggest_stance(text)

    assert (suggestion.stance, suggestion.words) == (stance, words)


def test_a_request_outweighs_a_welcome():
    assert suggest_stance("We welcome 1.3 but recommend a budget.").stance == "recommendation"


def test_proposed_wording_makes_a_recommendation():
    assert suggest_stance("Fine.", proposes_wording=True).stance == "recommendation"
