"""Quoted wording: quotation marks told from apostrophes, and wording found in the sections."""

from __future__ import annotations

import pytest

from responses.linking import Evidence, QuoteMatch
from tests.responses.linking.plan_examples import (
    POINT_1_11_PARAGRAPH,
    REAL_SECTIONS,
    SECTION_3_5_PARAGRAPH,
    read_one,
)


def test_quote_of_section_wording_gives_a_text_quote_selector() -> None:
    paragraph = read_one(POINT_1_11_PARAGRAPH, sections=REAL_SECTIONS)

    assert paragraph.sections == ("1.11",)
    assert paragraph.quotes == (
        QuoteMatch(
            section="1.11",
            exact="considered",
            prefix="sub-contracting and consortia building will be "[-32:],
            suffix=" where appropriate",
        ),
    )
    assert paragraph.evidence == (
        Evidence("section", "1.11", "Point 1.11"),
        Evidence("quote", "1.11", "‘considered’"),
    )


def test_long_quote_is_taken_from_the_section_text() -> None:
    paragraph = read_one(SECTION_3_5_PARAGRAPH, sections=REAL_SECTIONS)

    assert paragraph.quotes == (
        QuoteMatch(
            section="3.5",
            exact="make use of the local community anchor organisations",
            prefix="Table two: ",
            suffix="",
        ),
    )


@pytest.mark.parametrize(
    "text",
    [
        "They said ‘local demonstration projects’ twice.",
        "They said “local demonstration projects” twice.",
        "They said 'local demonstration projects' twice.",
        'They said "local demonstration projects" twice.',
        "They said ('local demonstration projects').",
    ],
)
def test_every_quotation_mark_style_is_read(text: str) -> None:
    paragraph = read_one(text)

    assert paragraph.sections == ("2.8",)
    assert [quote.exact for quote in paragraph.quotes] == ["local demonstration projects"]


def test_quote_links_its_section_even_without_a_section_number() -> None:
    paragraph = read_one("Being merely ‘informed’ is not a partnership.")

    assert paragraph.sections == ("1.15",)
    assert paragraph.evidence == (Evidence("quote", "1.15", "‘informed’"),)


def test_quote_matching_ignores_case_spacing_dashes_and_apostrophe_styles() -> None:
    sections = {"4.2": "Providers’ Local   Demonstration projects – where\n appropriate."}
    paragraph = read_one(
        "They promise “providers' local demonstration projects - where appropriate”.",
        sections=sections,
    )

    assert paragraph.quotes == (
        QuoteMatch(
            section="4.2",
            exact="Providers’ Local   Demonstration projects – where\n appropriate",
            prefix="",
            suffix=".",
        ),
    )


def test_quote_with_full_stop_inside_still_matches() -> None:
    paragraph = read_one("They will only be “considered.” That is not enough.")

    assert [(quote.section, quote.exact) for quote in paragraph.quotes] == [("1.11", "considered")]


@pytest.mark.parametrize(
    "text",
    [
        "The organisation's role, the organisations' role and don't 'informed",
        "The organisation’s role, the ‘informed",
        "Rock 'n' roll and the informed view",
    ],
)
def test_apostrophes_are_not_quotation_marks(text: str) -> None:
    paragraph = read_one(text)

    assert paragraph.quotes == ()
    assert paragraph.sections == ()


def test_quote_among_apostrophes_is_still_found() -> None:
    paragraph = read_one("The organisation's view: don't be 'informed' only.")

    assert [(quote.section, quote.exact) for quote in paragraph.quotes] == [("1.15", "informed")]


def test_quote_in_several_sections_prefers_the_ones_cited_by_number() -> None:
    sections = {"1.2": "work with local partners", "4.1": "we will work with local partners"}

    cited = read_one("Section 4.1 says ‘work with local partners’.", sections=sections)
    uncited = read_one("The plan says ‘work with local partners’.", sections=sections)

    assert [quote.section for quote in cited.quotes] == ["4.1"]
    assert cited.sections == ("4.1",)
    assert [quote.section for quote in uncited.quotes] == ["1.2", "4.1"]
    assert uncited.sections == ("1.2", "4.1")


def test_quotes_are_listed_in_order_of_appearance() -> None:
    paragraph = read_one(
        "First “informed”, then ‘local demonstration projects’, then 'considered'."
    )

    assert [quote.exact for quote in paragraph.quotes] == [
        "informed",
        "local demonstration projects",
        "considered",
    ]
    assert paragraph.sections == ("1.11", "1.15", "2.8")


@pytest.mark.parametrize(
    "text",
    [
        "Volunteering England would like to see it ‘encouraged’.",
        "They did not say ‘informed consent’.",
        "A quote ‘in’ is too short.",
        "Part of a word: ‘form’ and ‘nformed’.",
    ],
)
def test_quotes_that_are_not_section_wording_link_nothing(text: str) -> None:
    paragraph = read_one(text)

    assert paragraph.quotes == ()
    assert paragraph.sections == ()
