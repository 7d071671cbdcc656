"""Section numbers: the references that link, with their cue words, and numbers that must not."""

from __future__ import annotations

import pytest

from responses.linking import Evidence, ParagraphLinks
from tests.responses.linking.plan_examples import TRICKY_SECTIONS, read_one


def section_evidence_words(paragraph: ParagraphLinks) -> list[str]:
    return [item.words for item in paragraph.evidence if item.kind == "section"]


# --- Section numbers that link ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "section", "words"),
    [
        ("Point 1.11, for example, states that it will be considered.", "1.11", "Point 1.11"),
        ("This should be highlighted in the actions under 3.5.", "3.5", "under 3.5"),
        ("rather than being kept ‘informed’ as stated in 1.15", "1.15", "in 1.15"),
        ("1.3 identifies ‘encouraging social enterprise’ as a driver", "1.3", "1.3"),
        ("Section 3.5: table two, for example, identified the need", "3.5", "Section 3.5"),
        ("as set out in paragraph 2.8 of the plan", "2.8", "paragraph 2.8"),
        ("as set out in para 2.8 of the plan", "2.8", "para 2.8"),
        ("see section 1.3", "1.3", "section 1.3"),
        ("see § 1.3", "1.3", "§ 1.3"),
        ("the clause 2.10 wording", "2.10", "clause 2.10"),
        (
            "The suggestion for local demonstration projects under 2.8 is valuable",
            "2.8",
            "under 2.8",
        ),
        ("We agree with 2.10 entirely.", "2.10", "2.10"),
    ],
)
def test_reads_a_section_reference_and_keeps_its_cue_word(
    text: str, section: str, words: str
) -> None:
    paragraph = read_one(text)

    assert paragraph.sections == (section,)
    assert Evidence("section", section, words) in paragraph.evidence


@pytest.mark.parametrize(
    ("text", "sections", "words"),
    [
        ("Sections 1.3 and 1.11", ("1.3", "1.11"), "Sections 1.3 and 1.11"),
        ("Points 1.3 and 1.11 overlap", ("1.3", "1.11"), "Points 1.3 and 1.11"),
        ("paragraphs 2.8 and 2.9", ("2.8", "2.9"), "paragraphs 2.8 and 2.9"),
        ("as 1.3, 1.11 and 1.15 say", ("1.3", "1.11", "1.15"), "1.3, 1.11 and 1.15"),
        ("either 1.3 or 1.11", ("1.3", "1.11"), "1.3 or 1.11"),
        ("see 1.3/1.11", ("1.3", "1.11"), "see 1.3/1.11"),
        ("sections 1.11 and 1.3", ("1.3", "1.11"), "sections 1.11 and 1.3"),
    ],
)
def test_reads_lists_of_sections(text: str, sections: tuple[str, ...], words: str) -> None:
    paragraph = read_one(text)

    assert paragraph.sections == sections
    assert section_evidence_words(paragraph) == [words] * len(sections)


@pytest.mark.parametrize("text", ["1.3 to 1.15", "1.3–1.15", "1.3-1.15", "Sections 1.3 - 1.15"])
def test_range_links_every_section_between_its_ends(text: str) -> None:
    paragraph = read_one(text)

    assert paragraph.sections == ("1.3", "1.5", "1.11", "1.15")
    assert [item.target for item in paragraph.evidence] == ["1.3", "1.5", "1.11", "1.15"]


def test_range_ends_need_not_be_sections_themselves() -> None:
    assert read_one("Sections 1.4 to 1.12").sections == ("1.5", "1.11")


@pytest.mark.parametrize(
    ("text", "sections"),
    [("1.15 to 1.3", ("1.3", "1.15")), ("1.3 to 2.8", ("1.3", "2.8")), ("1.3 to 4.1", ("1.3",))],
)
def test_reversed_or_cross_level_range_links_only_the_ends(
    text: str, sections: tuple[str, ...]
) -> None:
    assert read_one(text).sections == sections


@pytest.mark.parametrize(
    ("text", "sections"),
    [
        ("Section 3 of the plan", ("3",)),
        ("Part 3 of the plan", ("3",)),
        ("Sections 3 and 1.3", ("1.3", "3")),
        ("in 3 places", ()),
        ("3 of them", ()),
        ("Section 4 of the plan", ()),
    ],
)
def test_single_level_numbers_link_only_after_a_reference_noun(
    text: str, sections: tuple[str, ...]
) -> None:
    assert read_one(text, sections={**TRICKY_SECTIONS, "3": "Part three"}).sections == sections


def test_every_mention_is_evidence_in_order_of_appearance() -> None:
    paragraph = read_one("Point 1.11 and, later, Section 1.3; and again under 1.11.")

    assert paragraph.sections == ("1.3", "1.11")
    assert paragraph.evidence == (
        Evidence("section", "1.11", "Point 1.11"),
        Evidence("section", "1.3", "Section 1.3"),
        Evidence("section", "1.11", "under 1.11"),
    )


# --- Numbers that must not link -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "1.5 million volunteers",
        "1.5m",
        "1.5bn",
        "2.8 billion",
        "3.5 thousand",
        "1.5 per cent",
        "3.5 percent",
        "3.5%",
        "3.5 %",
        "1.5 km",
        "2.8 hours",
        "2.8 years",
        "2.8 days",
        "2.8 weeks",
        "2.8 months",
        "2.8 people",
        "2.8 times",
        "between 1.3 and 1.5 million people",
    ],
)
def test_quantities_do_not_link(text: str) -> None:
    assert read_one(text).sections == ()


@pytest.mark.parametrize("text", ["£2.8m", "£2.8", "$3.5", "€1.5", "£ 3.5 million", "GBP 2.8"])
def test_money_does_not_link(text: str) -> None:
    assert read_one(f"It cost {text} last year.").sections == ()


@pytest.mark.parametrize(
    "text", ["1.3.2009", "15.1.11", "1.11.2008", "at 3.5.08", "2008/1.3", "1.11.2", "Point 1.11.2"]
)
def test_dates_and_longer_dotted_runs_do_not_link(text: str) -> None:
    assert read_one(f"Published {text}, revised later.").sections == ()


def test_numbers_that_are_not_sections_of_the_plan_do_not_link() -> None:
    paragraph = read_one("Point 4.7 says otherwise.")

    assert paragraph.sections == ()
    assert paragraph.evidence == ()


@pytest.mark.parametrize("text", ["A1.3", "1.3a", "11.3", "1.33", "21.11", "x1.11y", "1.3_b"])
def test_numbers_glued_to_letters_or_digits_do_not_link(text: str) -> None:
    assert read_one(f"See {text} here.").sections == ()


def test_the_word_sections_without_a_number_links_nothing() -> None:
    assert read_one("It overlaps with the other sections and points.").sections == ()
