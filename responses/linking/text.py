"""Plain-text helpers the detector's modules share: paragraphs, number keys, quote marks, links
(folding text for comparison is the quote matcher's: plans.anchoring.fold)."""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENING_QUOTE_MARKS = "‘“'\""
CLOSING_QUOTE_MARKS = "’”'\""

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def split_paragraphs(text: str) -> list[str]:
    """Split on blank lines, whatever the line endings; whitespace-only lines are blank."""
    paragraphs: list[str] = []
    current_lines: list[str] = []
    for line in _LINE_BREAK.split(text):
        if line.strip():
            current_lines.append(line)
        elif current_lines:
            paragraphs.append("\n".join(current_lines).strip())
            current_lines = []
    if current_lines:
        paragraphs.append("\n".join(current_lines).strip())
    return paragraphs


def natural_key(number: str) -> tuple[int, ...]:
    """Sort key for section numbers: "1.11" -> (1, 11), so that 1.3 < 1.11 < 2.8.

    A part without leading digits counts as -1, so odd keys sort first instead of failing.
    """
    key: list[int] = []
    for part in number.split("."):
        digits = part[: len(part) - len(part.lstrip("0123456789"))]
        key.append(_digits_to_int(digits) if digits else -1)
    return tuple(key)


def _digits_to_int(digits: str) -> int:
    # int() refuses decimal strings over ~4300 digits; a hostile "section number" must not crash us.
    value = 0
    for start in range(0, len(digits), 1000):
        chunk = digits[start : start + 1000]
        value = value * 10 ** len(chunk) + int(chunk)
    return value


def section_order(number: str) -> tuple[tuple[int, ...], str]:
    # The string breaks ties between keys such as "1.3" and "01.3" so that ordering is total.
    return natural_key(number), number


@dataclass(frozen=True, slots=True)
class Link:
    """One reference found in a paragraph; detect turns it into Evidence, in position order."""

    kind: str
    target: str
    words: str
    position: int
