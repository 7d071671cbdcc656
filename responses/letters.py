"""The parts of a letter or email that are not its comments: the letterhead and address above
it, the greeting, a cover note ("Please find attached our response"), and the sign-off with the
signature below it. Read by received.py, to keep them apart from a response's comments, and by
intake's guess of who sent a document, which reads the signature."""

import re

# What a letter or email is signed off with, the signature following. Longer ones first.
CLOSINGS = (
    "yours sincerely",
    "yours faithfully",
    "yours truly",
    "with kind regards",
    "with best wishes",
    "many thanks",
    "kind regards",
    "best regards",
    "warm regards",
    "best wishes",
    "all the best",
    "thank you",
    "thanks",
    "cheers",
    "regards",
    "yours",
    "on behalf of",
)
GREETING = re.compile(
    r"^(?:dear\b|to\s+whom\s+it\s+may\s+concern|hello\b|hi\b|good\s+(?:morning|afternoon)"
    r"|for\s+the\s+attention\s+of\b|f\.?a\.?o\.?\b)",
    re.IGNORECASE,
)
SIGN_OFF = re.compile(r"^(?:" + "|".join(CLOSINGS) + r")\b[\s,.!]*", re.IGNORECASE)
COVER_NOTE = re.compile(
    r"\b(?:please\s+find\b[^.]{0,40}?\b(?:attached|enclosed|below|herewith)"
    r"|(?:i|we)\s+(?:attach|enclose)"
    r"|(?:is|are)\s+attached|attached\s+(?:is|are|please)|enclosed\s+(?:is|are|please)"
    r"|(?:i\s+am|we\s+are)\s+writing\s+(?:to\s+(?:submit|send|respond|enclose)|on\s+behalf)"
    r"|thank\s+you\s+for\s+(?:the\s+opportunity|the\s+chance|inviting|consulting)"
    r"|(?:do\s+not|don't)\s+hesitate\s+to\s+contact|if\s+you\s+(?:have|need)\s+any"
    r"\s+(?:questions|further))",
    re.IGNORECASE,
)
# A cover note is short: a longer paragraph with these words in it is a comment.
COVER_NOTE_WORDS = 25


def is_greeting(paragraph: str) -> bool:
    return bool(GREETING.match(paragraph.strip()))


def is_sign_off(paragraph: str) -> bool:
    """A paragraph that begins with a sign-off and is not a sentence going on from it."""
    found = SIGN_OFF.match(paragraph.strip())
    if found is None:
        return False
    rest = paragraph.strip()[found.end() :]
    return not rest or len(rest.split()) <= 12


def is_cover_note(paragraph: str) -> bool:
    return len(paragraph.split()) <= COVER_NOTE_WORDS and COVER_NOTE.search(paragraph) is not None
