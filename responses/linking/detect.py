"""detect_links and its results: the plan prepared once per call, then each paragraph read."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from responses.linking.numbers import NumberedSections, number_links
from responses.linking.quotes import Doubt, QuotableSections, QuoteMatch, quote_links
from responses.linking.stance import GENERAL, suggest_stance
from responses.linking.text import section_order, split_paragraphs
from responses.linking.themes import theme_links, theme_patterns

# Longest text read in one call; the paste form and the link-suggestions API refuse longer text.
MAX_TEXT_LENGTH = 200_000


@dataclass(frozen=True)
class Evidence:
    """Why a link was made, so that a person can check it."""

    kind: str  # "section", "theme" or "quote"
    target: str  # a section number or a theme name; for a quote, the section quoted
    words: str  # the words of the paragraph that made the link, cue word and quote marks included


@dataclass(frozen=True)
class ParagraphLinks:
    """Everything one paragraph links to; sections in plan order, the rest as they appear."""

    text: str
    sections: tuple[str, ...]
    themes: tuple[str, ...]
    quotes: tuple[QuoteMatch, ...]
    evidence: tuple[Evidence, ...]
    # Wording the respondent proposes in place of the plan's ("it should say ‘…’").
    proposed: tuple[str, ...] = ()
    # Quotes the detector could not link with confidence: for an officer to settle.
    doubts: tuple[Doubt, ...] = ()
    # The stance the paragraph's words suggest (responses.models.Comment.Stance values).
    stance: str = GENERAL
    stance_words: str = ""

    @property
    def unsure(self) -> bool:
        """Whether an officer should check these links: a doubt, or a quote only approximate."""
        return bool(self.doubts) or any(not quote.sure for quote in self.quotes)


def detect_links(
    text: str, *, sections: Mapping[str, str], themes: Iterable[str], approximate: bool = True
) -> list[ParagraphLinks]:
    """One ParagraphLinks per paragraph of text, linking it to the given sections and themes.
    With `approximate` off, quotes are found only as written (the benchmark's baseline)."""
    plan = PreparedPlan.build(sections, themes, approximate=approximate)
    return [_read_paragraph(paragraph, plan) for paragraph in split_paragraphs(text)]


# --- The plan: sections and themes prepared once per call ----------------------------------


@dataclass(frozen=True)
class PreparedPlan:
    """The sections and themes of one call, indexed for reading each of its paragraphs."""

    numbered: NumberedSections
    quotable: QuotableSections
    theme_patterns: tuple[tuple[str, re.Pattern[str]], ...]

    @classmethod
    def build(
        cls, sections: Mapping[str, str], themes: Iterable[str], *, approximate: bool = True
    ) -> PreparedPlan:
        section_texts = dict(sections)
        ordered_numbers = sorted(section_texts, key=section_order)
        return cls(
            numbered=NumberedSections.build(section_texts, ordered_numbers),
            quotable=QuotableSections.build(
                section_texts, ordered_numbers, approximate=approximate
            ),
            theme_patterns=theme_patterns(themes),
        )


# --- Reading one paragraph ------------------------------------------------------------------


def _read_paragraph(paragraph: str, plan: PreparedPlan) -> ParagraphLinks:
    by_number = number_links(paragraph, plan.numbered)
    cited_sections = {link.target for link in by_number}
    quoting = quote_links(paragraph, plan.quotable, cited_sections)
    by_theme = theme_links(paragraph, plan.theme_patterns)

    linked_sections = (
        cited_sections
        | {match.section for match in quoting.matches}
        | set(quoting.unplaced_sections)
    )
    linked_themes = {link.target for link in by_theme}
    evidence = sorted([*by_number, *quoting.links, *by_theme], key=lambda link: link.position)
    stance = suggest_stance(paragraph, proposes_wording=bool(quoting.proposed))
    return ParagraphLinks(
        text=paragraph,
        sections=tuple(sorted(linked_sections, key=section_order)),
        themes=tuple(theme for theme, _ in plan.theme_patterns if theme in linked_themes),
        quotes=tuple(quoting.matches),
        evidence=tuple(Evidence(link.kind, link.target, link.words) for link in evidence),
        proposed=tuple(quoting.proposed),
        doubts=tuple(quoting.doubts),
        stance=stance.stance,
        stance_words=stance.words,
    )
