"""Tests for the link detector, which reads consultation comments for references to the plan.

Pure Python: no database and no Django, so run with ``-p no:django`` if you like.
"""

from __future__ import annotations

import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from benchmarks.link_detector import WORST_CASES
from responses.linking import (
    Evidence,
    ParagraphLinks,
    QuoteMatch,
    detect_links,
    natural_key,
    split_paragraphs,
)

REAL_SECTIONS = {
    "1.3": "encouraging social enterprise",
    "1.11": "sub-contracting and consortia building will be considered where appropriate",
    "1.15": "informed",
    "2.8": "local demonstration projects",
    "3.5": "Table two: make use of the local community anchor organisations",
}
REAL_THEMES = ["Strengthening communities", "Transforming public services"]

# Sections whose numbers also look like amounts, dates and decimals.
TRICKY_SECTIONS = {
    **REAL_SECTIONS,
    "1.5": "volunteering infrastructure",
    "2.9": "prisons and probation",
    "2.10": "campaigning",
}

# The twelve comments of the Volunteering England response, exactly as published.
WELCOMES_PARAGRAPH = (
    "Volunteering England welcomes the acknowledgement in this plan of the important role of "
    "volunteering in supporting the work of the Third Sector in reducing re-offending and "
    "protecting the public, in particular the identified actions to implement the NOMS "
    "volunteering strategy. Strengthening volunteering and the capacity of organisations to "
    "involve and manage volunteers will need to be a crucial element of the Third Sector Plan. "
    "It will be important for the final Third Sector Action Plan to explicitly state the "
    "actions to be implemented from the Volunteering Strategy."
)
THEMES_PARAGRAPH = (
    "Volunteering sits well in the ‘strengthening communities’ theme; however it has "
    "considerable overlap in the other sections, especially ‘transforming public services’. "
    "While this has been acknowledged, it would benefit from further emphasis, and "
    "volunteering could feature as a distinct part of the other areas."
)
POINT_1_11_PARAGRAPH = (
    "A key area of concern in the sector is the impact of changes in the commissioning process "
    "on small organisations, many of which involve volunteers in delivering and supporting key "
    "activities and services to offenders and victims. In the plan there is some vagueness and "
    "lack of clarity in how small organisations will be supported. Point 1.11, for example, "
    "states that sub-contracting and consortia building will be considered where appropriate "
    "but Volunteering England would like to see consortia building being ‘encouraged’ rather "
    "than simply ‘considered’."
)
UNDER_3_5_PARAGRAPH = (
    "As recommended in the NOMS draft volunteering strategy, volunteering should be recognised "
    "as a key part of the commissioning process. This should be highlighted in the actions "
    "under 3.5."
)
STATED_IN_1_15_PARAGRAPH = (
    "The Office of the Third Sector and voluntary sector infrastructure bodies will need to be "
    "a key partner in the delivery of this action plan rather than being kept ‘informed’ as "
    "stated in 1.15"
)
VICTIMS_PARAGRAPH = (
    "The plan makes little reference to victims and the role that the Third Sector plays in "
    "helping to support victims and witnesses of crime, their friends and families."
)
MENTORING_PARAGRAPH = (
    "It is questionable whether the distinction between mentoring and volunteering made in the "
    "action plan is useful. Volunteering and unpaid mentoring should not be seen as separate "
    "from one another. It is unclear whether the action point ‘increase mentoring’ is referring "
    "to unpaid mentoring (volunteering) or paid mentoring."
)
PRISONS_PARAGRAPH = (
    "In many places this document fails to bring together prisons and probation work, "
    "discussing them in many contexts as separate. It is important that the plan does not let "
    "the work of third sector organisations ‘fall down this gap’ and that partnership working "
    "between organisations working in prison and probation environments are encouraged."
)
UNDER_2_8_PARAGRAPH = (
    "The suggestion for local demonstration projects under 2.8 is valuable and could include "
    "projects with small organisations working to reduce re-offending and successful consortia "
    "bids as examples of how barriers can be overcome."
)
STARTS_1_3_PARAGRAPH = (
    "1.3 identifies ‘encouraging social enterprise’ as one of the drivers but there is no "
    "detail in the document on the role they could play or the value they could bring."
)
INDEPENDENCE_PARAGRAPH = (
    "The independence of the Third Sector needs to be recognised and respected. While "
    "partnerships and consortia will be developed as part of commissioning, and the Third "
    "Sector may be heavily involved in the delivery of public services, it is important that "
    "the ability of organisations to campaign is not affected."
)
SECTION_3_5_PARAGRAPH = (
    "In places the document fails to communicate the need for meaningful and effective "
    "engagement of the Third Sector. Section 3.5: table two, for example, identified the need "
    "to ‘make use of the local community anchor organisations’ which suggests more of a "
    "one-sided relationship."
)

# (paragraph, expected sections, expected themes), in the order of the response.
REAL_PARAGRAPHS = [
    (WELCOMES_PARAGRAPH, (), ()),
    (THEMES_PARAGRAPH, (), tuple(REAL_THEMES)),
    (POINT_1_11_PARAGRAPH, ("1.11",), ()),
    (UNDER_3_5_PARAGRAPH, ("3.5",), ()),
    (STATED_IN_1_15_PARAGRAPH, ("1.15",), ()),
    (VICTIMS_PARAGRAPH, (), ()),
    (MENTORING_PARAGRAPH, (), ()),
    (PRISONS_PARAGRAPH, (), ()),
    (UNDER_2_8_PARAGRAPH, ("2.8",), ()),
    (STARTS_1_3_PARAGRAPH, ("1.3",), ()),
    (INDEPENDENCE_PARAGRAPH, (), ()),
    (SECTION_3_5_PARAGRAPH, ("3.5",), ()),
]


def read_one(
    text: str, sections: dict[str, str] | None = None, themes: list[str] | None = None
) -> ParagraphLinks:
    """Read text that is a single paragraph."""
    [paragraph] = detect_links(
        text,
        sections=TRICKY_SECTIONS if sections is None else sections,
        themes=REAL_THEMES if themes is None else themes,
    )
    return paragraph


def section_evidence_words(paragraph: ParagraphLinks) -> list[str]:
    return [item.words for item in paragraph.evidence if item.kind == "section"]


# --- Paragraphs and ordering --------------------------------------------------------------------


@pytest.mark.parametrize("line_break", ["\n", "\r\n", "\r"])
def test_split_paragraphs_on_blank_lines_with_any_line_ending(line_break: str) -> None:
    text = f"  First one{line_break}still first{line_break}{line_break}Second  {line_break}"

    assert split_paragraphs(text) == ["First one\nstill first", "Second"]


def test_split_paragraphs_treats_whitespace_only_lines_as_blank() -> None:
    text = "First\n \t \nSecond\n\n\n   \n\nThird"

    assert split_paragraphs(text) == ["First", "Second", "Third"]


@pytest.mark.parametrize("text", ["", "   ", "\n\n\r\n \t\n"])
def test_split_paragraphs_drops_empty_paragraphs(text: str) -> None:
    assert split_paragraphs(text) == []


def test_natural_key_reads_each_level_as_a_number() -> None:
    assert natural_key("1.11") == (1, 11)
    assert natural_key("3") == (3,)


def test_natural_key_sorts_sections_in_plan_order() -> None:
    numbers = ["10.1", "2.10", "1.15", "3.5", "1.3", "2.8", "1.11"]

    assert sorted(numbers, key=natural_key) == ["1.3", "1.11", "1.15", "2.8", "2.10", "3.5", "10.1"]


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


# --- Themes -------------------------------------------------------------------------------------


def test_reads_themes_named_in_quotes_and_no_sections() -> None:
    paragraph = read_one(THEMES_PARAGRAPH)

    assert paragraph.themes == ("Strengthening communities", "Transforming public services")
    assert paragraph.sections == ()
    assert paragraph.quotes == ()
    assert paragraph.evidence == (
        Evidence("theme", "Strengthening communities", "‘strengthening communities’"),
        Evidence("theme", "Transforming public services", "‘transforming public services’"),
    )


@pytest.mark.parametrize(
    "text",
    [
        "We support strengthening communities.",
        "We support STRENGTHENING   COMMUNITIES.",
        "We support strengthening\ncommunities.",
        "We support strengthening-communities.",
        'We support "Strengthening communities".',
    ],
)
def test_theme_names_tolerate_case_whitespace_and_hyphens(text: str) -> None:
    assert read_one(text).themes == ("Strengthening communities",)


def test_theme_names_tolerate_curly_or_straight_apostrophes() -> None:
    themes = ["Children's services"]

    assert read_one("On children’s services we agree.", themes=themes).themes == tuple(themes)


def test_theme_names_need_word_boundaries() -> None:
    themes = ["Community", "Public services"]

    assert read_one("Communityism and nonpublic services.", themes=themes).themes == ()


def test_themes_are_reported_once_in_the_order_given() -> None:
    themes = [
        "Transforming public services",
        "Strengthening communities",
        "Strengthening communities",
    ]
    paragraph = read_one(
        "Strengthening communities, transforming public services, strengthening communities.",
        themes=themes,
    )

    assert paragraph.themes == ("Transforming public services", "Strengthening communities")
    assert [item.target for item in paragraph.evidence] == [
        "Strengthening communities",
        "Transforming public services",
        "Strengthening communities",
    ]


def test_quoted_theme_name_is_a_theme_not_a_quote() -> None:
    paragraph = read_one("The ‘Strengthening communities’ theme is right.")

    assert paragraph.themes == ("Strengthening communities",)
    assert paragraph.quotes == ()
    assert paragraph.sections == ()


# --- Quoted wording -----------------------------------------------------------------------------


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
def test_odd_inputs_do_not_raise(text: str) -> None:
    odd_sections = {**TRICKY_SECTIONS, "": "", "x": "İ ß", "9" * 5_000: "ΣΑΣ"}

    detect_links(text, sections=odd_sections, themes=["", "  ", "-", "ß", *REAL_THEMES])


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
