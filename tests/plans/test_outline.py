"""Reading a plan's outline from its text (plans.outline): numbered sections at any depth with
their headings and wording, themes, and what a printed page adds left out."""

from plans.outline import outline_doubts, read_outline

PLAN = """NOMS Third Sector Action Plan
Securing effective partnerships
Ministry of Justice – Draft for consultation
1
Theme: Strengthening communities
1 Introduction
The plan sets out how offender management will work with the third sector.
1.3 NOMS identifies three main reasons for working with the third sector.
1.11 Sub-contracting and consortia building will be considered where appropriate.
Ministry of Justice – Draft for consultation
Page 2 of 3
Section 1.15: Volunteering
Volunteers bring skills and time.
2 Commissioning
2020 saw record numbers of volunteers.
Paragraph 2.8 Demonstration projects will test new approaches.
2.8.1 Evaluation
Each project is evaluated.
Theme – Transforming public services
Ministry of Justice – Draft for consultation
- 3 -
3.5 Table two: make use of the local community anchor organisations
"""
PLAN_NUMBERS = ["1", "1.3", "1.11", "1.15", "2", "2.8", "2.8.1", "3.5"]


def test_numbered_sections_at_any_depth_with_their_headings_and_wording():
    outline = read_outline(PLAN)

    assert [section.number for section in outline.sections] == PLAN_NUMBERS
    by_number = {section.number: section for section in outline.sections}
    assert by_number["1"].heading == "Introduction"
    assert by_number["1"].text == (
        "The plan sets out how offender management will work with the third sector."
    )
    assert by_number["1.11"].heading == ""
    assert by_number["1.11"].text == (
        "Sub-contracting and consortia building will be considered where appropriate."
    )
    assert by_number["1.15"].heading == "Volunteering"
    assert by_number["2.8.1"].heading == "Evaluation"
    assert by_number["3.5"].heading == (
        "Table two: make use of the local community anchor organisations"
    )


def test_a_number_that_cannot_be_the_next_section_stays_in_the_wording():
    by_number = {section.number: section for section in read_outline(PLAN).sections}

    assert "2020" not in by_number
    assert by_number["2"].text == "2020 saw record numbers of volunteers."


def test_page_numbers_and_running_headers_are_left_out():
    outline = read_outline(PLAN)
    words = " ".join([*outline.preamble, *(f"{s.heading} {s.text}" for s in outline.sections)])

    assert "Draft for consultation" not in words
    assert "Page 2 of 3" not in words
    assert "- 3 -" not in words
    assert outline.preamble == ["NOMS Third Sector Action Plan", "Securing effective partnerships"]


def test_themes_group_the_sections_that_follow_them():
    outline = read_outline(PLAN)

    assert outline.themes == ["Strengthening communities", "Transforming public services"]
    themes = {section.number: section.theme for section in outline.sections}
    assert themes["1.3"] == "Strengthening communities"
    assert themes["3.5"] == "Transforming public services"


def test_a_numbered_list_inside_a_later_section_stays_its_wording():
    outline = read_outline("2.1 Aims\n1. Fewer victims.\n2. Safer places.\n")

    assert [section.number for section in outline.sections] == ["2.1"]
    assert outline.sections[0].paragraphs == ["1. Fewer victims.", "2. Safer places."]


def test_a_chapter_skipped_in_a_text_outline_starts_its_own_sections():
    text = (
        "3.9 Evaluation\nThe plan will be evaluated.\n\n5.1 Funding\nMoney follows results."
        "\n\n5.2 Review"
    )

    outline = read_outline(text)

    assert [(s.number, s.heading) for s in outline.sections] == [
        ("3.9", "Evaluation"),
        ("5.1", "Funding"),
        ("5.2", "Review"),
    ]


def test_a_number_far_ahead_or_a_sentence_is_still_wording():
    text = "1 Aims\n2 Partners\n2020 saw record volunteering.\n2030 Vision\n6.1 They met in 2009."

    outline = read_outline(text)

    assert [s.number for s in outline.sections] == ["1", "2"]


def test_a_heading_after_a_line_without_a_full_stop_starts_a_section():
    text = "A plan for the region\n1 Introduction\nTable: grants | 2009 | 2.5 per cent\n1.1 Purpose"

    outline = read_outline(text)

    assert [(s.number, s.heading) for s in outline.sections] == [
        ("1", "Introduction"),
        ("1.1", "Purpose"),
    ]


def test_the_sections_read_with_less_confidence_say_why():
    outline = read_outline(
        "1 Introduction\nWords.\n\n3 Funding\nMore words.\n2.1 Targets\n\nSection 4"
    )

    assert outline_doubts(outline.sections) == [
        [],
        [
            "The numbering skips from 1 to 3: is a section missing?",
            "Its wording has a line numbered 2.1: is that a section of its own?",
        ],
        ["No wording was read for it."],
    ]


def test_a_theme_named_right_under_a_chapter_heading_is_that_chapters():
    outline = read_outline(
        "Theme: Communities\n1 Introduction\nWords of the introduction.\n"
        "2 Housing\nTheme: Homes\n2.1 Supply\nMore homes.\n"
    )

    themes = {section.number: section.theme for section in outline.sections}
    assert themes == {"1": "Communities", "2": "Homes", "2.1": "Homes"}
