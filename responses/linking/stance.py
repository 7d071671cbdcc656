"""Stance: what a comment does to the plan, suggested from its own words for a person to confirm.

An officer reading "We welcome 1.3 but are concerned that …" files it as a concern, and "we would
like to see consortia building ‘encouraged’" as a recommendation. `suggest_stance` reads the
same signals in the same order of weight: wording the respondent proposes, then a request for
change, a concern, a question, a welcome; a comment with none of them is "general". The words
that decided it come back with it, so the suggestion can be checked at a glance.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The values of responses.models.Comment.Stance; this package imports no Django.
WELCOMES, CONCERN, RECOMMENDATION, QUESTION, GENERAL = (
    "welcomes",
    "concern",
    "recommendation",
    "question",
    "general",
)


def _cues(*phrases: str) -> re.Pattern[str]:
    return re.compile(r"(?<![^\W_])(?:" + "|".join(phrases) + r")(?![^\W_])", re.IGNORECASE)


_RECOMMENDATION = _cues(
    r"(?:we|i)\s+(?:would\s+|strongly\s+)?(?:recommend|suggest|propose|urge|call\s+on|advise)",
    r"(?:we|i)\s+(?:would\s+)?ask\s+(?:that|for|the\s+department\s+to)",
    r"(?:but|and|also|would|strongly)\s+recommend",
    r"recommendations?",
    r"(?:would|should)\s+like\s+to\s+see",
    r"(?:should|must|ought\s+to|needs?\s+to)\s+(?:be|include|say|read|set|make|give|ensure|"
    r"fund|commit|consider|recognise|recognize|explicitly|also|instead|state|require|take|"
    r"have|provide|involve|consult|allow|extend|expand|clarify|publish|reflect|go|do|offer)",
    r"it\s+would\s+be\s+(?:better|helpful|useful)",
    r"we\s+want\s+to\s+see",
    r"in\s+place\s+of",
    r"(?:please|kindly)\s+(?:add|amend|change|include)",
)
_CONCERN = _cues(
    r"concern(?:s|ed|ing)?",
    r"worr(?:y|ied|ies|ying)",
    r"disappoint(?:ed|ing|ment)?",
    r"regret(?:s|table)?",
    r"too\s+(?:weak|vague|narrow|slow|limited|little|late)",
    r"fails?\s+to",
    r"(?:a\s+)?lack\s+of",
    r"(?:is|are|remains?)\s+(?:unclear|insufficient|inadequate|missing)",
    r"not\s+(?:enough|sufficient|clear|adequate)",
    r"(?:we|i)\s+(?:disagree|object|oppose|cannot\s+support|do\s+not\s+support|reject)",
    r"(?:a\s+)?(?:serious\s+)?(?:risk|danger|problem)s?\s+(?:that|of|is)",
    r"at\s+risk",
    r"undermines?",
    r"overlooks?",
)
_QUESTION = _cues(
    r"(?:we|i)\s+(?:would\s+)?(?:ask|query|wonder|question)\s+(?:whether|how|why|what|if|when)",
    r"(?:it\s+is\s+)?(?:not\s+)?clear\s+(?:whether|how|who|what|when)",
    r"could\s+the\s+department\s+(?:clarify|explain|confirm)",
)
_WELCOMES = _cues(
    r"welcom(?:e|es|ed|ing)",
    r"(?:we|i)\s+(?:strongly\s+|fully\s+|warmly\s+)?(?:support|endorse|agree|applaud|commend)",
    r"supports?\s+(?:the|this)",
    r"(?:pleased|glad|delighted|encouraged)\s+(?:to|that|by)",
    r"(?:a\s+)?(?:positive|important|helpful|good)\s+(?:step|move|development|commitment)",
)


@dataclass(frozen=True)
class StanceSuggestion:
    stance: str
    words: str  # the words that suggested it; empty for "general"


def suggest_stance(paragraph: str, *, proposes_wording: bool = False) -> StanceSuggestion:
    """The stance `paragraph` suggests, and the words that suggest it."""
    if proposes_wording:
        return StanceSuggestion(RECOMMENDATION, "proposed wording")
    for stance, cue in (
        (RECOMMENDATION, _RECOMMENDATION),
        (CONCERN, _CONCERN),
        (QUESTION, _QUESTION),
    ):
        found = cue.search(paragraph)
        if found is not None:
            return StanceSuggestion(stance, found.group())
    question = _question_sentence(paragraph)
    if question:
        return StanceSuggestion(QUESTION, question)
    found = _WELCOMES.search(paragraph)
    if found is not None:
        return StanceSuggestion(WELCOMES, found.group())
    return StanceSuggestion(GENERAL, "")


def _question_sentence(paragraph: str) -> str:
    """The first sentence that ends in a question mark, if any, as evidence (at most 80
    characters of it)."""
    mark = paragraph.find("?")
    if mark == -1:
        return ""
    start = max(paragraph.rfind(".", 0, mark), paragraph.rfind("\n", 0, mark)) + 1
    return paragraph[start : mark + 1].strip()[-80:]
