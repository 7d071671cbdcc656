"""A plan's outline read from its text: its numbered sections (1, 1.3, 1.3.2; "Section 3.5";
"Paragraph 2.8"), each with its heading and its own wording, and the themes that group them.

The text is the plan as a document gives it, a line per paragraph or heading (a Word file's
paragraphs, a PDF's lines, a Markdown or text file). What a printed page adds is dropped: page
numbers ("12", "Page 3 of 20", "- 4 -") and the running headers and footers that repeat on
every page. A number at the start of a line is a section only where a section could come next:
after the section before it in natural order, and no more than one past it at the top level, so
"2020 saw record volunteering." inside section 2 stays part of its wording.

Nothing here touches the database: the outline is shown for a person to correct before any of
it is saved.
"""

import re
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from plans.ordering import MAX_LEVEL_DIGITS, MAX_LEVELS, sort_key

# "1.3 Heading", "1.3. Heading", "1.3) text", "Section 3.5 Heading", "Paragraph 2.8: text".
NUMBERED_LINE = re.compile(
    r"^\s*(?:(?:section|paragraph|para\.?|point|§)\s*)?"
    rf"(?P<number>\d{{1,{MAX_LEVEL_DIGITS}}}(?:\.\d{{1,{MAX_LEVEL_DIGITS}}}){{0,{MAX_LEVELS - 1}}})"
    r"(?:[.)]|:)?(?:\s+|$)(?P<rest>.*)$",
    re.IGNORECASE,
)
THEME_LINE = re.compile(r"^\s*theme(?:\s+\d+)?\s*[:–—-]\s*(?P<name>\S.*?)\s*$", re.IGNORECASE)
PAGE_NUMBER = re.compile(
    r"^\s*(?:page\s+\d+(?:\s+of\s+\d+)?|[-–—]?\s*\d+\s*[-–—]?|\d+\s*/\s*\d+)\s*$", re.IGNORECASE
)
# A line this short, not ending as a sentence does, after a number is the section's heading;
# a longer one is the start of its wording.
HEADING_MAX_WORDS = 12
# A line seen this many times is a running header or footer, not the plan's wording.
RUNNING_LINE_TIMES = 3
# A heading may skip this many chapters ahead (3.9 → 5.1: a chapter left out of the document);
# a number further ahead ("2020 Vision") is wording.
MAX_CHAPTERS_SKIPPED = 3


@dataclass
class OutlineSection:
    number: str
    heading: str = ""
    paragraphs: list[str] = field(default_factory=list)
    theme: str = ""

    @property
    def text(self):
        return "\n\n".join(self.paragraphs)

    @property
    def first_words(self):
        return " ".join(self.text.split()[:12])


@dataclass
class Outline:
    sections: list[OutlineSection]
    themes: list[str]
    # Wording before the first section (a title page, a foreword): shown, not a section.
    preamble: list[str]


def read_outline(text: str) -> Outline:
    lines = [line.strip() for line in text.splitlines()]
    running = _running_lines(lines)
    sections, themes, preamble = [], [], []
    theme = ""
    for line in lines:
        if not line or line in running or PAGE_NUMBER.match(line):
            continue
        if found := THEME_LINE.match(line):
            theme = found["name"]
            if theme not in themes:
                themes.append(theme)
            if sections and not sections[-1].paragraphs:
                # Right under a heading ("2 Housing", then "Theme: Homes"): the heading's too.
                sections[-1].theme = theme
            continue
        numbered = NUMBERED_LINE.match(line)
        if numbered and _can_follow(sections, numbered["number"], numbered["rest"].strip()):
            section = OutlineSection(number=numbered["number"], theme=theme)
            rest = numbered["rest"].strip()
            if _is_heading(rest):
                section.heading = rest
            elif rest:
                section.paragraphs.append(rest)
            sections.append(section)
        elif sections:
            sections[-1].paragraphs.append(line)
        else:
            preamble.append(line)
    return Outline(sections=sections, themes=themes, preamble=preamble)


def _running_lines(lines):
    """Lines repeated on many pages: running headers and footers."""
    counts = Counter(line for line in lines if line)
    return {line for line, times in counts.items() if times >= RUNNING_LINE_TIMES}


def _can_follow(sections, number, rest=""):
    """Whether a section numbered `number` (its line going on with `rest`) can come after those
    read so far: later in natural order, and at most one past the last top-level number (1 → 2,
    not 1 → 2020), or a few past it where the line reads as a heading (3.9 → "5.1 Funding")."""
    if not sections:
        return number.split(".")[0] in {"0", "1"} or "." in number
    previous = sections[-1].number
    if sort_key(number) <= sort_key(previous):
        return False
    skipped = _chapter(number) - _chapter(previous) - 1
    return skipped <= 0 or (skipped <= MAX_CHAPTERS_SKIPPED and _is_heading(rest))


def _chapter(number):
    """The top-level number of a section number; 0 for one typed without digits."""
    first = number.split(".")[0]
    return int(first) if first.isdigit() and len(first) <= MAX_LEVEL_DIGITS else 0


# Why the preview asks the officer to check a section first.
SKIPS_NUMBERS = "The numbering skips from {previous} to {number}: is a section missing?"
OUT_OF_ORDER = "Numbered {number} after {previous}: out of order."
NUMBERED_WORDING = "Its wording has a line numbered {number}: is that a section of its own?"
NO_WORDING = "No wording was read for it."
NO_NUMBER = "It has no number."
LOOKS_LIKE_THEME = (
    "Its theme “{theme}” is given to {count} only and looks like “{other}”: is it a typo?"
)
# Two theme names this alike (rapidfuzz's ratio, 0 to 100, of their lower-cased words) are
# probably one theme typed twice: "Volunteerng" and "Volunteering" score 96.
ALIKE_THEMES = 85
DIGITS = re.compile(r"\d+")


def outline_doubts(sections, *, known_themes=()):
    """For each section of an outline, what makes its reading unsure, for the officer to check
    first: a number that skips ahead or goes back, a line of its wording that reads as a
    numbered heading, no wording or no number, a theme that looks like a typo of another (one
    more sections have, or one of `known_themes`, the plan's own). An empty list where nothing
    does."""
    doubts = []
    previous = None
    typos = _theme_typos(sections, known_themes)
    for section in sections:
        found = []
        if not section.number:
            found.append(NO_NUMBER)
        elif previous:
            if sort_key(section.number) <= sort_key(previous):
                found.append(OUT_OF_ORDER.format(number=section.number, previous=previous))
            elif _chapter(section.number) - _chapter(previous) > 1:
                found.append(SKIPS_NUMBERS.format(number=section.number, previous=previous))
        for paragraph in section.paragraphs:
            numbered = NUMBERED_LINE.match(paragraph)
            if numbered and _is_heading(numbered["rest"].strip()):
                found.append(NUMBERED_WORDING.format(number=numbered["number"]))
                break
        if not section.paragraphs and not section.heading:
            found.append(NO_WORDING)
        if section.theme in typos:
            found.append(typos[section.theme])
        doubts.append(found)
        previous = section.number or previous
    return doubts


def _theme_typos(sections, known_themes):
    """{theme: why it looks like a typo} for each theme of the outline that is close to one of
    the plan's own themes or to one given to more sections. Names that differ in a number
    ("Theme 1", "Theme 2") are different themes, and so are two as widely given."""
    given = Counter(section.theme for section in sections if section.theme)
    typos = {}
    for theme, count in given.items():
        if theme in known_themes:
            continue
        likelier = [*known_themes, *(other for other in given if given[other] > count)]
        for other in likelier:
            if _alike(theme, other):
                typos[theme] = LOOKS_LIKE_THEME.format(
                    theme=theme,
                    count=f"{count} section" if count == 1 else f"{count} sections",
                    other=other,
                )
                break
    return typos


def _alike(theme, other):
    plain, other_plain = _plain(theme), _plain(other)
    return (
        DIGITS.findall(plain) == DIGITS.findall(other_plain)
        and fuzz.ratio(plain, other_plain) >= ALIKE_THEMES
    )


def _plain(theme):
    return " ".join(theme.casefold().split())


def _is_heading(rest):
    return bool(rest) and len(rest.split()) <= HEADING_MAX_WORDS and not rest.endswith((".", ";"))


def merge_into_previous(sections, index):
    """The outline with section `index` joined to the one before it (a line mistaken for a
    section): its number and heading, or its number and first paragraph, become wording again."""
    if not 0 < index < len(sections):
        return sections
    merged, previous = sections[index], sections[index - 1]
    # The number read as a section's goes back in front of the words it was taken from.
    if merged.heading:
        words = [f"{merged.number} {merged.heading}".strip(), *merged.paragraphs]
    elif merged.paragraphs:
        first, *rest = merged.paragraphs
        words = [f"{merged.number} {first}".strip(), *rest]
    else:
        words = [merged.number] if merged.number else []
    joined = OutlineSection(
        number=previous.number,
        heading=previous.heading,
        paragraphs=previous.paragraphs + words,
        theme=previous.theme,
    )
    return sections[: index - 1] + [joined] + sections[index + 1 :]


def split_section(sections, index, paragraph):
    """The outline with a new section starting at paragraph `paragraph` of section `index`; if
    that paragraph reads as a numbered line, its number and heading are the new section's."""
    if not 0 <= index < len(sections):
        return sections
    section = sections[index]
    if not 0 < paragraph < len(section.paragraphs):
        return sections
    first, *rest = section.paragraphs[paragraph:]
    new = OutlineSection(number="", theme=section.theme)
    if (numbered := NUMBERED_LINE.match(first)) and _is_heading(numbered["rest"].strip()):
        new.number, new.heading = numbered["number"], numbered["rest"].strip()
    elif numbered:
        new.number, rest = numbered["number"], [numbered["rest"].strip(), *rest]
    else:
        rest = [first, *rest]
    new.paragraphs = [text for text in rest if text]
    kept = OutlineSection(
        number=section.number,
        heading=section.heading,
        paragraphs=section.paragraphs[:paragraph],
        theme=section.theme,
    )
    return sections[:index] + [kept, new] + sections[index + 1 :]


def paragraphs_of(text):
    """A section's text as its paragraphs: blocks between blank lines."""
    return [block.strip() for block in re.split(r"\n\s*\n", text or "") if block.strip()]
