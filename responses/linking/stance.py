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


def _cues(*phrases: str) -> str:
    return "|".join(phrases)


_RECOMMENDATION = _cues(
    r"(?:we|i)\s+(?:would\s+|strongly\s+)?(?:recommend|suggest|propose|urge|call\s+on|advise)",
    r"(?:we|i)\s+(?:would\s+)?(?:ask|urge|invite)\s+(?:that|for|the\s+[\w-]+(?:\s+[\w-]+)?\s+to)",
    r"(?:we|i)(?:['’]d|\s+would)\s+(?:rather|prefer|ask|urge|like(?!\s+to\s+thank))",
    r"recommends?\s+(?:that|the|a|an)",
    r"please\s+(?:make|add|amend|change|include|consider|reconsider|ensure|fund|publish|remove"
    r"|delete|extend|set|reword|clarify|explain|think|look|commit|state|give|put|keep|drop)",
    # "Insert ‘…’ after …", "Delete the words ‘…’": wording changed by the respondent.
    r"(?:insert|delete|remove|replace|amend|reword|add)(?=\s+(?:the\s+words?|['‘\"“]))",
    r"(?:replaced|amended|strengthened|changed)\s+(?:with|to|by)",
    r"(?:to|should|must)\s+include",
    r"(?:but|and|also|would|strongly)\s+recommend",
    r"(?:and|also|but)\s+(?:ask|urge|request)\s+(?:that|for)",
    r"recommendations?",
    r"(?:would|should)\s+like\s+to\s+see",
    # "should start", "must all be funded", "needs to say": a request, whatever is asked.
    r"(?:should|must|ought\s+to|needs?\s+to)\s+(?!not\s+be\s+(?:changed|removed))[a-z]+",
    r"(?:both|it|this|they|each|which)\s+needs?\s+(?:a|an|to|more|clear)",
    r"(?:we|and)\s+want\s+(?:it|them|this|that|to\s+see)",
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
    r"(?:far\s+)?too\s+(?:weak|vague|narrow|slow|limited|little|late|long|short|few|many|much"
    r"|small|low|high|soon|seldom|rarely|often|infrequent|costly|complex)",
    r"(?:we|i)\s+doubt",
    r"(?:tired|weary)\s+of",
    r"fed\s+up",
    r"(?:hard|difficult|impossible)\s+to\s+(?:deliver|achieve|meet|see|believe|justify)",
    r"fails?\s+to",
    r"(?:a\s+)?lack\s+of",
    r"(?:is|are|remains?)\s+(?:unclear|insufficient|inadequate|missing)",
    r"not\s+(?:enough|sufficient|clear|adequate)",
    r"(?:we|i)\s+(?:disagree|object|oppose|cannot\s+support|do\s+not\s+support|reject)",
    r"(?:a\s+)?(?:serious\s+)?(?:risk|danger|problem)s?\s+(?:that|of|is)",
    r"at\s+risk",
    r"undermines?",
    r"(?:does|do)\s+not\s+(?:say|explain|address|mention|set\s+out)",
    # A plain "not": "will not go far", "are not ‘hard to reach’", "is not often enough".
    r"(?:will|would|is|are|was|were|does|do|did|can|could|has|have)\s*n[o’']t\b",
    r"(?:won['’]?t|can['’]?t|cannot|isn['’]?t|aren['’]?t|doesn['’]?t|don['’]?t|didn['’]?t)",
    r"(?:means|tells\s+us|says|offers)\s+(?:little|nothing)",
    r"no\s+one\s+ever",
    r"strips?",
    r"(?:badly|poorly)\s+\w+",
    r"let[\s-]+down",
    r"a\s+joke",
    r"clumsy",
    r"barely",
    r"never\s+(?:had|been|seen|received)",
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
    r"(?:is|are|it['’]s)\s+(?:good|great|excellent|encouraging|positive|right)",
    r"(?:good|great|welcome)\s+news",
    r"(?:the\s+)?strongest\s+part",
    r"(?:we|i)\s+(?:thank|appreciate|value|like)\b",
    r"(?:fully|strongly|warmly|wholeheartedly)\s+(?:support|supports|welcome|welcomes|endorse)",
    r"yes\s+please",
)


# One pass finds them all: the group says which stance a cue suggests. \b rather than
# look-arounds: every cue starts and ends with a letter, and \b is quicker.
_ANY_CUE_PATTERN = (
    r"\b(?:"
    + "|".join(
        f"(?P<{stance}>{cues})"
        for stance, cues in (
            (RECOMMENDATION, _RECOMMENDATION),
            (CONCERN, _CONCERN),
            (QUESTION, _QUESTION),
            (WELCOMES, _WELCOMES),
        )
    )
    + r")\b"
)
# Matched against the lower-cased text (quicker than IGNORECASE), or, where lower-casing
# changes a text's length, against the text itself.
_ANY_CUE = re.compile(_ANY_CUE_PATTERN)
_ANY_CUE_ANY_CASE = re.compile(_ANY_CUE_PATTERN, re.IGNORECASE)


@dataclass(frozen=True)
class StanceSuggestion:
    stance: str
    words: str  # the words that suggested it; empty for "general"


def suggest_stance(paragraph: str, *, proposes_wording: bool = False) -> StanceSuggestion:
    """The stance `paragraph` suggests, and the words that suggest it."""
    if proposes_wording:
        return StanceSuggestion(RECOMMENDATION, "proposed wording")
    first: dict[str, str] = {}
    lowered = paragraph.lower()
    if len(lowered) == len(paragraph):
        found_cues = _ANY_CUE.finditer(lowered)
    else:
        found_cues = _ANY_CUE_ANY_CASE.finditer(paragraph)
    for found in found_cues:
        first.setdefault(found.lastgroup, paragraph[found.start() : found.end()])
    for stance in (RECOMMENDATION, CONCERN, QUESTION):
        if stance in first:
            return StanceSuggestion(stance, first[stance])
    question = _question_sentence(paragraph)
    if question:
        return StanceSuggestion(QUESTION, question)
    if WELCOMES in first:
        return StanceSuggestion(WELCOMES, first[WELCOMES])
    return StanceSuggestion(GENERAL, "")


def _question_sentence(paragraph: str) -> str:
    """The first sentence that ends in a question mark, if any, as evidence (at most 80
    characters of it)."""
    mark = paragraph.find("?")
    if mark == -1:
        return ""
    start = max(paragraph.rfind(".", 0, mark), paragraph.rfind("\n", 0, mark)) + 1
    return paragraph[start : mark + 1].strip()[-80:]
