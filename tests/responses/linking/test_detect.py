"""detect_links as a whole: one result per paragraph, the real response, odd input, properties."""

from __future__ import annotations

import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from benchmarks.link_detector import WORST_CASES
from responses.linking import detect_links, natural_key, split_paragraphs
from tests.responses.linking.plan_examples import (
    MENTORING_PARAGRAPH,
    PRISONS_PARAGRAPH,
    REAL_PARAGRAPHS,
    REAL_SECTIONS,
    REAL_THEMES,
    STARTS_1_3_PARAGRAPH,
    STATED_IN_1_15_PARAGRAPH,
    THEMES_PARAGRAPH,
    TRICKY_SECTIONS,
    UNDER_2_8_PARAGRAPH,
    read_one,
)

# --- One result per paragraph -------------------------------------------------------------------


def test_detect_links_returns_one_result_per_paragraph_with_stripped_text() -> None:
    paragraphs = detect_links(
        "  Point 1.11 matters.  \n\n\n1.3 too\r\n\r\nNothing here",
        sections=REAL_SECTIONS,
        themes=REAL_THEMES,
    )

    assert [paragraph.text for paragraph in paragraphs] == [
        "Point 1.11 matters.",
        "1.3 too",
        "Nothing here",
    ]
    assert [paragraph.sections for paragraph in paragraphs] == [("1.11",), ("1.3",), ()]


# --- The real response --------------------------------------------------------------------------


def test_real_response_links_exactly_the_expected_sections_and_themes() -> None:
    text = "\n\n".join(paragraph for paragraph, _, _ in REAL_PARAGRAPHS)

    paragraphs = detect_links(text, sections=REAL_SECTIONS, themes=REAL_THEMES)

    assert [paragraph.text for paragraph in paragraphs] == [text for text, _, _ in REAL_PARAGRAPHS]
    assert [(paragraph.sections, paragraph.themes) for paragraph in paragraphs] == [
        (sections, themes) for _, sections, themes in REAL_PARAGRAPHS
    ]


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        (STATED_IN_1_15_PARAGRAPH, [("1.15", "informed")]),
        (STARTS_1_3_PARAGRAPH, [("1.3", "encouraging social enterprise")]),
        (UNDER_2_8_PARAGRAPH, []),
        (MENTORING_PARAGRAPH, []),
        (PRISONS_PARAGRAPH, []),
        (THEMES_PARAGRAPH, []),
    ],
)
def test_real_response_quotes(text: str, quotes: list[tuple[str, str]]) -> None:
    paragraph = read_one(text, sections=REAL_SECTIONS)

    assert [(quote.section, quote.exact) for quote in paragraph.quotes] == quotes


# --- Robustness ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\x00\x01\x1c\x1d\u2028\u2029",
        "‘’“”'\"" * 50,
        "9" * 10_000 + ".1",
        "Section " + "1." * 5_000 + "3",
        "1.3-" * 1_000,
        "İstanbul ΣΑΣ ß ﬁ 𝟏.𝟑 ١.٣ \U0010ffff",
    ],
)
def test_odd_inputs_are_read_paragraph_by_paragraph_within_the_plan(text: str) -> None:
    odd_sections = {**TRICKY_SECTIONS, "": "", "x": "İ ß", "9" * 5_000: "ΣΑΣ"}

    paragraphs = detect_links(
        text, sections=odd_sections, themes=["", "  ", "-", "ß", *REAL_THEMES]
    )

    assert [paragraph.text for paragraph in paragraphs] == split_paragraphs(text)
    for paragraph in paragraphs:
        assert set(paragraph.sections) <= set(odd_sections)


@pytest.mark.parametrize("text", WORST_CASES.values(), ids=WORST_CASES.keys())
def test_adversarial_inputs_link_only_sections_of_the_plan(text: str) -> None:
    # How fast these are read is measured by `make bench`, not asserted here.
    for paragraph in detect_links(text, sections=TRICKY_SECTIONS, themes=REAL_THEMES):
        assert set(paragraph.sections) <= set(TRICKY_SECTIONS)


# --- Properties ---------------------------------------------------------------------------------

WORDING = ["informed", "considered", "local", "demonstration", "projects", "make use", "of the"]
VOCABULARY = [
    *WORDING,
    "1.3",
    "1.11",
    "2.8",
    "3.5",
    "3",
    ".",
    "%",
    "£",
    "m",
    " million",
    "Section ",
    "Point ",
    "paragraphs ",
    "§",
    " and ",
    " to ",
    "-",
    "–",
    "/",
    ", ",
    "‘",
    "’",
    "“",
    "”",
    "'",
    '"',
    "don't",
    "\n",
    "\n\n",
    "\r\n \r\n",
    " ",
    "strengthening communities",
]

section_numbers = st.one_of(
    st.builds(lambda top, sub: f"{top}.{sub}", st.integers(0, 12), st.integers(0, 20)),
    st.integers(0, 12).map(str),
)
section_texts = st.one_of(st.text(max_size=30), st.lists(st.sampled_from(WORDING)).map(" ".join))
section_maps = st.dictionaries(section_numbers, section_texts, max_size=6)
theme_lists = st.lists(st.one_of(st.text(max_size=12), st.sampled_from(REAL_THEMES)), max_size=4)
texts = st.lists(
    st.one_of(st.text(max_size=8), st.sampled_from(VOCABULARY), section_numbers), max_size=30
).map("".join)


@given(texts, section_maps, theme_lists)
def test_property_links_stay_within_the_plan(
    text: str, sections: dict[str, str], themes: list[str]
) -> None:
    for paragraph in detect_links(text, sections=sections, themes=themes):
        assert set(paragraph.sections) <= set(sections)
        assert set(paragraph.themes) <= set(themes)
        for quote in paragraph.quotes:
            assert quote.exact
            assert len(quote.prefix) <= 32 and len(quote.suffix) <= 32
            assert quote.prefix + quote.exact + quote.suffix in sections[quote.section]
            assert quote.section in paragraph.sections
        for item in paragraph.evidence:
            assert item.kind in {"section", "theme", "quote"}
            assert item.words


QUANTITY_TEMPLATES = ["£{}m", "{}%", "{} million", "{} per cent", "$ {}", "{} people"]
filler = st.text(alphabet=string.ascii_letters + " ,.;:()", max_size=15)


@given(section_maps.filter(bool), st.data())
def test_property_quantities_and_money_never_link(
    sections: dict[str, str], data: st.DataObject
) -> None:
    numbers = data.draw(st.lists(st.sampled_from(sorted(sections)), min_size=1, max_size=3))
    pieces = []
    for number in numbers:
        template = data.draw(st.sampled_from(QUANTITY_TEMPLATES))
        pieces += [data.draw(filler), template.format(number), data.draw(filler)]
    text = " ".join(pieces)

    assert all(
        paragraph.sections == () for paragraph in detect_links(text, sections=sections, themes=[])
    )


@given(texts, section_maps)
def test_property_sections_are_in_natural_order_without_duplicates(
    text: str, sections: dict[str, str]
) -> None:
    for paragraph in detect_links(text, sections=sections, themes=[]):
        assert list(paragraph.sections) == sorted(set(paragraph.sections), key=natural_key)


@given(texts, section_maps, theme_lists)
def test_property_one_result_per_paragraph(
    text: str, sections: dict[str, str], themes: list[str]
) -> None:
    paragraphs = detect_links(text, sections=sections, themes=themes)

    assert [paragraph.text for paragraph in paragraphs] == split_paragraphs(text)
