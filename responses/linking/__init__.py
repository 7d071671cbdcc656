"""The link detector: reads consultation comments and finds what in the plan they point at.

A comment refers to the plan in three ways: by section number ("Point 1.11", "Sections 1.3 and
1.11", "under 3.5", read in `numbers`), by theme name ("the ‘strengthening communities’ theme",
in `themes`), and by quoting the plan's own wording ("rather than simply ‘considered’", in
`quotes`). `detect` reads those three kinds of reference paragraph by paragraph (paragraphs and
folding are in `text`) and reports, with the words that gave each one away, which sections, themes
and exact section wording the paragraph is linked to. It works on plain strings and mappings, with
no Django import, so that it can be tested in isolation and reused by imports, admin actions and
the API alike; callers import from this package, not from its modules.
"""

from responses.linking.detect import MAX_TEXT_LENGTH, Evidence, ParagraphLinks, detect_links
from responses.linking.quotes import Doubt, QuoteMatch, find_quote
from responses.linking.stance import StanceSuggestion, suggest_stance
from responses.linking.text import natural_key, split_paragraphs

__all__ = [
    "MAX_TEXT_LENGTH",
    "Doubt",
    "StanceSuggestion",
    "Evidence",
    "ParagraphLinks",
    "QuoteMatch",
    "detect_links",
    "find_quote",
    "natural_key",
    "split_paragraphs",
    "suggest_stance",
]
