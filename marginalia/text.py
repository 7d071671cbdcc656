"""The one rule for text we store: no control characters but tab and newline.

Control characters are invisible, mean nothing in a consultation response, and some mean
something to us: the search marks its matches with two of them. Line breaks are stored as
newlines, whichever the browser or file sent.
"""

import re

# C0 controls but tab (\x09) and newline (\x0a), DEL, and the C1 controls.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def without_control_characters(text):
    """`text` with Windows and old Mac line breaks made newlines and other controls removed."""
    return CONTROL_CHARACTERS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
