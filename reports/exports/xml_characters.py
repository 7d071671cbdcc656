"""Characters XML cannot hold, removed before text goes into an XLSX or DOCX file.

Both formats are XML, which forbids most control characters; a comment pasted from a PDF or a
word processor can carry a stray form feed or vertical tab, and openpyxl and python-docx refuse
such text outright. Tabs and line breaks are allowed and kept.
"""

import re

ILLEGAL_XML_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text):
    """`text` without the characters XML forbids; anything not text is returned as is."""
    return ILLEGAL_XML_CHARACTERS.sub("", text) if isinstance(text, str) else text
