"""Quotes as respondents really type them: misquoted, with an ellipsis, twice in a section,
common to many sections, or wording they propose; and links as a careful officer draws them."""

from __future__ import annotations

import pytest

from tests.responses.linking.plan_examples import read_one

FRAMEWORK = {
    "1.2": "Partners will be consulted on the framework before it is published in 2009.",
    "1.3": "The framework will be reviewed yearly. Partners will be consulted on funding, and "
    "partners will be consulted on training.",
}


@pytest.mark.parametrize(
    "typed",
    [
        "‘partners will be consultd on the framwork’",
        "‘partners will be consulted the framework’",
        "“Providers will be consulted on the framework”",
        "‘partners will be consulted … before it is published’",
        "‘partners will be consulted...before it is published’",
    ],
)
def test_a_misquote_links_its_section_with_the_plans_own_wording(typed):
    paragraph = read_one(f"The plan says {typed}, which is not enough.", sections=FRAMEWORK)

    assert paragraph.sections == ("1.2",)
    (quote,) = paragraph.quotes
    assert quote.section == "1.2"
    assert FRAMEWORK["1.2"][FRAMEWORK["1.2"].index(quote.exact) :].startswith(quote.exact)
    assert quote.exact.startswith("Partners will be consulted")


def test_an_approximate_quote_says_how_alike_it_is():
    paragraph = read_one("It says ‘partners will be consultd on the framwork’.", sections=FRAMEWORK)

    (quote,) = paragraph.quotes
    assert quote.exact == "Partners will be consulted on the framework"
    assert 0.9 < quote.similarity < 1
    (evidence,) = paragraph.evidence
    assert evidence.words == "‘partners will be consultd on the framwork’ (quoted, 95 % alike)"


def test_a_missing_accent_still_links():
    sections = {"4.1": "Our café and crèche network will grow."}
    paragraph = read_one("The ‘cafe and creche network’ is welcome.", sections=sections)

    assert [quote.exact for quote in paragraph.quotes] == ["café and crèche network"]


def test_the_respondents_own_words_choose_the_occurrence():
    paragraph = read_one(
        "Section 1.3 says ‘partners will be consulted’ on training, but not how.",
        sections=FRAMEWORK,
    )

    (quote,) = paragraph.quotes
    assert quote.suffix.startswith(" on training")
    assert not paragraph.doubts


def test_an_occurrence_nothing_chooses_is_a_doubt_not_a_guess():
    paragraph = read_one(
        "Section 1.3: ‘partners will be consulted’ is too weak.", sections=FRAMEWORK
    )

    assert paragraph.sections == ("1.3",)
    assert paragraph.quotes == ()
    (doubt,) = paragraph.doubts
    assert doubt.reason == "occurs 2 times in section 1.3"
    assert paragraph.unsure


# A plan in which a stock phrase recurs, as it does in real plans of hundreds of sections.
COMMON = {
    f"2.{number}": f"Action {number} on local services will be considered where appropriate."
    for number in range(1, 41)
} | {"2.41": "Grants will be funded from 2010.", "2.42": "Loans will be funded by banks."}


def test_a_named_section_decides_and_a_common_quote_links_nowhere_else():
    paragraph = read_one(
        "Section 2.7 ‘will be considered where appropriate’ is too weak; it should say "
        "‘will be funded’.",
        sections=COMMON,
    )

    assert paragraph.sections == ("2.7",)
    assert [quote.section for quote in paragraph.quotes] == ["2.7"]
    assert paragraph.proposed == ("will be funded",)


def test_a_common_quote_naming_no_section_links_nothing_and_is_to_check():
    paragraph = read_one("‘Will be considered where appropriate’ is too weak.", sections=COMMON)

    assert paragraph.sections == ()
    assert paragraph.quotes == ()
    (doubt,) = paragraph.doubts
    assert doubt.reason == "common wording: found in 40 sections"
    assert len(doubt.sections) == 40


def test_a_quote_found_in_no_named_section_is_a_doubt_not_a_link_elsewhere():
    paragraph = read_one("In 2.41 it says ‘Loans will be funded by banks’.", sections=COMMON)

    assert paragraph.sections == ("2.41",)
    assert paragraph.quotes == ()
    assert paragraph.doubts[0].reason == "found in section 2.42, not in 2.41"


@pytest.mark.parametrize(
    "text",
    [
        "It should say ‘will be funded’.",
        "The wording should read: ‘will be funded’.",
        "Replace ‘considered’ with ‘will be funded’.",
        "Please amend it to read ‘will be funded’.",
        "We suggest the wording ‘will be funded’.",
        "We propose ‘will be funded’ instead.",
    ],
)
def test_proposed_wording_is_a_proposal_not_a_quote(text):
    paragraph = read_one(text, sections=COMMON)

    assert "will be funded" in paragraph.proposed
    assert all(quote.exact != "will be funded" for quote in paragraph.quotes)
    assert paragraph.sections == ()
    assert paragraph.stance == "recommendation"
    assert paragraph.stance_words == "proposed wording"
