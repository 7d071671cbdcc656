"""Reading a PDF's text layer (pypdf) back into paragraphs and headings.

    read_pdf(name, content) -> Document

A PDF holds no paragraphs, only lines of text placed on pages. pypdf gives each line, and through
`extract_text(visitor_text=...)` where each piece of text sits (its baseline's height on the
page), its font and its size. Lines are joined back into blocks, one block per paragraph or
heading, space-joined, in the order the PDF draws them. A line starts a new block when:

- it is on another page than the line before (a paragraph that runs over a page break becomes
  two blocks);
- its style (font size to the half point, bold or not) differs from the line before: a heading
  in a larger or bold font, or a running header or footer in a smaller one, stands on its own;
- the vertical gap above it is larger than the ordinary line spacing of its style, the smallest
  gap seen between two lines of that style anywhere in the document (and never more than the
  smallest such gap, for its size, of any style): space between paragraphs; or it sits higher
  on the page than the line before (a new column, or a footer drawn before the body);
- it looks like a numbered heading ("1.2 Purpose": a section number, a few words, no full stop)
  and the line before ends a sentence or is such a heading itself;
- it begins with the number that continues the document's numbering (after 2.3: 2.4, 2.3.1, 3
  or 3.1) and is a numbered heading or a numbered paragraph ("2.4 The department will …"),
  whatever ends the line before: a heading after a title or a table's last row;
- the line before is much shorter than a full line of its style (nine tenths of its style's
  lines are no longer) and ends a sentence or is a numbered heading: a paragraph's last line
  (where paragraphs have no space between them) or a heading's only one;
- either line is a bare page number ("12", "Page 3 of 20", "- 4 -").

Page headers, footers and page numbers are kept as blocks of their own (a PDF does not say what
they are; plans.outline drops what repeats), never glued to a paragraph. Words hyphenated at a
line's end are left as they are. Upright text is assumed. Where no paragraph of a style runs
over more than one line and nothing else marks them apart, the space between its paragraphs is
taken for its line spacing and they are read as one block.

A PDF whose pages hold no text at all (a scan) cannot be read here, nor one that needs a
password, is damaged, or has more than MAX_PDF_PAGES pages: each raises UnreadableDocument with
a message for the person who sent it. pypdf's own limits bound what a small file may inflate to.
"""

import io
import logging
import math
import re
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import PurePath

from marginalia import documents  # documents.MAX_PDF_PAGES is read at each call: a test lowers it
from marginalia.documents import Document, UnreadableDocument

PDF_CONTENT_START = b"%PDF-"

# A gap this much larger than a style's ordinary line spacing (or this many points, if more)
# is space between paragraphs; smaller differences are rounding in the file.
PARAGRAPH_GAP_RATIO = 1.15
PARAGRAPH_GAP_MIN_POINTS = 1.5
# A piece of text this far (in font sizes) above or below its line's baseline starts a new line.
NEW_LINE_DRIFT = 0.6
# Gaps under this many font sizes are not line spacing (superscripts, overprinting).
MIN_LINE_SPACING = 0.5
# A numbered line of at most this many words, not ending as a sentence does, is a heading.
HEADING_MAX_WORDS = 12
# A heading shorter than this share of the document's full lines of its style stands alone.
SHORT_LINE_SHARE = 0.6
# A numbered heading may skip this many chapters ahead (plans.outline allows as many).
MAX_CHAPTERS_SKIPPED = 3

NUMBERED_HEADING = re.compile(r"^\d{1,3}(?:\.\d{1,3}){0,4}\.?\s+\S")
SENTENCE_END = re.compile(r"[.!?:;][\"'”’)\]]*$")
PAGE_NUMBER = re.compile(
    r"^(?:page\s+\d+(?:\s+of\s+\d+)?|[-–—]?\s*\d+\s*[-–—]?|\d+\s*/\s*\d+)$", re.IGNORECASE
)
BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)


@dataclass
class Line:
    page: int
    text: str = ""
    # Baseline height on the page, and the style of the line's longest piece of text.
    y: float | None = None
    size: float = 0.0
    bold: bool = False
    _longest_piece: int = 0

    @property
    def style(self):
        return (round(self.size * 2) / 2, self.bold)

    def add(self, text, y, size, bold):
        self.text += text
        piece = len(text.strip())
        if piece > self._longest_piece:
            self._longest_piece = piece
            self.y, self.size, self.bold = y, size, bold


@dataclass
class Layout:
    """What the document's lines say about it as a whole."""

    # Ordinary line spacing of each style, in points.
    spacing: dict = field(default_factory=dict)
    # The length, in characters, of a full line of each style.
    full_line: dict = field(default_factory=dict)


def read_pdf(name, content: bytes) -> Document:
    """The paragraphs and headings of the PDF called `name`, read from `content`."""
    filename = PurePath(name or "").name or "The file"
    unreadable = UnreadableDocument(
        f"{filename} could not be read as a PDF: it may be damaged, or not be a PDF at all. "
        "Save it again as a PDF, send a Word or text version, or paste the text.",
        code="unreadable",
    )
    if not content.startswith(PDF_CONTENT_START):
        raise unreadable
    with _quiet_pypdf():
        try:
            reader = _open(filename, content)
            page_count = len(reader.pages)
        except UnreadableDocument:
            raise
        except Exception as error:  # pypdf raises assorted errors for a damaged file
            raise unreadable from error
        if page_count > documents.MAX_PDF_PAGES:
            raise UnreadableDocument(
                f"{filename} has {page_count:,} pages; at most {documents.MAX_PDF_PAGES:,} pages "
                "of a PDF can be read. Send the part that matters, or paste the text.",
                code="file_size",
            )
        try:
            _check_text_operators(filename, reader)
            lines = [
                line for number, page in enumerate(reader.pages) for line in _lines(number, page)
            ]
        except UnreadableDocument:
            raise
        except Exception as error:
            raise unreadable from error
    if page_count and not lines:
        raise UnreadableDocument(
            f"{filename} looks like a scanned document: it has no text layer, only pictures of "
            "its pages, so there are no words to read. Send a Word or text version of it, or "
            "paste the text.",
            code="no_text_layer",
        )
    return Document(name=name, blocks=_blocks(lines))


# Text operators (Tj, TJ) drawn by one PDF's pages, counted in their content streams before any
# is read: a 300-page plan draws well under 150,000; 1,000 pages that each draw one compressed
# stream of 2,000 (156 KB in all) would take pypdf minutes. Text drawn through form XObjects is
# not counted here; the document budget (marginalia.documents.sandbox) bounds it.
MAX_TEXT_OPERATORS = 300_000


def _check_text_operators(filename, reader):
    """UnreadableDocument if the pages' content streams hold more than MAX_TEXT_OPERATORS text
    operators; counted on the decoded bytes (a stream several pages share is decoded
    once), which costs a small part of reading them."""
    counted = 0
    for page in reader.pages:
        contents = page.get_contents()
        data = contents.get_data() if contents is not None else b""
        counted += data.count(b"Tj") + data.count(b"TJ")
        if counted > MAX_TEXT_OPERATORS:
            raise UnreadableDocument(
                f"{filename} draws its text with more than "
                f"{MAX_TEXT_OPERATORS:,} operators, more than we read from one document. Send "
                "a Word or text version, or paste the text.",
                code="too_large",
            )


@contextmanager
def _quiet_pypdf():
    """pypdf logs a warning for every flaw it reads past; the person who sent the file cannot act
    on them, and a file it cannot read raises instead."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _open(filename, content):
    """pypdf's reader of `content`, decrypted if it needs no password to be read."""
    from pypdf import PasswordType, PdfReader
    from pypdf.errors import DependencyError

    reader = PdfReader(io.BytesIO(content))
    if not reader.is_encrypted:
        return reader
    try:
        opened = reader.decrypt("")
    except DependencyError as error:
        # AES needs the cryptography package, which is not installed.
        raise UnreadableDocument(
            f"{filename} is encrypted in a way we cannot open. Save a copy without protection, "
            "send a Word or text version, or paste the text.",
            code="unreadable",
        ) from error
    if opened == PasswordType.NOT_DECRYPTED:
        raise UnreadableDocument(
            f"{filename} is protected by a password, so it cannot be read. Send a copy "
            "without the password, a Word or text version, or paste the text.",
            code="unreadable",
        )
    return reader


def _lines(number, page):
    """The non-blank lines of `page` (the `number`th), in the order the page draws them."""
    lines = [Line(page=number)]

    def visit(text, cm, tm, font, font_size):
        parts = text.split("\n")
        for index, part in enumerate(parts):
            if index:
                lines.append(Line(page=number))
            if not part.strip():
                lines[-1].text += part
                continue
            # The piece's place and size on the page: its text matrix times the page's matrix.
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            upward = (tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3])
            size = abs(font_size) * math.hypot(*upward)
            bold = bool(font and BOLD_FONT.search(str(font.get("/BaseFont", ""))))
            line = lines[-1]
            if line.y is not None and abs(y - line.y) > NEW_LINE_DRIFT * max(size, line.size, 1):
                line = Line(page=number)
                lines.append(line)
            line.add(part, y, size, bold)

    page.extract_text(visitor_text=visit)
    for line in lines:
        line.text = " ".join(line.text.split())
    return [line for line in lines if line.text]


def _blocks(lines):
    layout = _layout(lines)
    blocks = []
    previous = None
    numbering = None  # the number of the last block that continued the document's numbering
    for line in lines:
        continues = _continues_numbering(numbering, line, layout)
        if previous is None or continues or _starts_block(previous, line, layout):
            blocks.append(line.text)
            if continues:
                numbering = _leading_number(line.text)
        else:
            blocks[-1] += " " + line.text
        previous = line
    return blocks


LEADING_NUMBER = re.compile(r"^(\d{1,3}(?:\.\d{1,3}){0,4})\.?\s+(?P<next>\S+)")
# "2.3 million volunteers": a number a quantity follows counts something.
QUANTITY = re.compile(r"^(?:%|per|percent|million|billion|thousand|m|bn|k)\b", re.IGNORECASE)


def _leading_number(text):
    found = LEADING_NUMBER.match(text)
    return found[1] if found else None


def _continues_numbering(numbering, line, layout):
    """Whether a line begins with the number that comes next in the document's numbering
    (after 2.3: 2.3.1, 2.4, 3 or 3.1; before any, 1 or 1.1) as a numbered paragraph or heading;
    or, as a short numbered heading, a few chapters further on (3.9 → "5.1 Funding": a chapter
    left out). A bare "3" must be a short heading: "3 people came …" wraps from the line above."""
    text = line.text
    found = LEADING_NUMBER.match(text)
    if found is None or QUANTITY.match(found["next"]):
        return False
    number = found[1]
    heading = _is_numbered_heading(text) and (
        len(text) < SHORT_LINE_SHARE * layout.full_line.get(line.style, 0)
    )
    if "." not in number and not heading:
        return False
    if number in _next_numbers(numbering):
        return True
    if not heading or numbering is None:
        return False
    ahead = int(number.split(".")[0]) - int(numbering.split(".")[0])
    return 1 < ahead <= MAX_CHAPTERS_SKIPPED + 1


def _next_numbers(numbering):
    if numbering is None:
        return {"1", "1.1"}
    parts = [int(part) for part in numbering.split(".")]
    following = {".".join(map(str, [*parts, 1]))}
    for depth in range(len(parts), 0, -1):
        sibling = [*parts[: depth - 1], parts[depth - 1] + 1]
        following |= {".".join(map(str, sibling)), ".".join(map(str, [*sibling, 1]))}
    return following


def _layout(lines):
    gaps = defaultdict(list)
    lengths = defaultdict(list)
    for index, line in enumerate(lines):
        lengths[line.style].append(len(line.text))
        previous = lines[index - 1] if index else None
        if previous is None or line.page != previous.page or line.style != previous.style:
            continue
        gap = _gap(previous, line)
        if gap is not None and gap >= MIN_LINE_SPACING * line.size:
            gaps[line.style].append(gap)
    # Within a paragraph lines are as close as they ever are; a style whose lines are all
    # paragraphs of one line spaces them no closer than another style of its size does.
    smallest = {style: min(found) for style, found in gaps.items()}
    by_size = defaultdict(list)
    for (size, _bold), gap in smallest.items():
        by_size[size].append(gap)
    return Layout(
        spacing={style: min(by_size[style[0]]) for style in smallest},
        full_line={style: _high(found) for style, found in lengths.items()},
    )


def _high(numbers):
    """Nine tenths of the way up `numbers`: a full line's length, past the odd overlong one."""
    ordered = sorted(numbers)
    return ordered[int(0.9 * (len(ordered) - 1))]


def _gap(previous, line):
    """How far `line` sits below `previous`, in points, if both places are known."""
    if previous.y is None or line.y is None:
        return None
    return previous.y - line.y


def _starts_block(previous, line, layout):
    if line.page != previous.page or line.style != previous.style:
        return True
    if PAGE_NUMBER.match(previous.text) or PAGE_NUMBER.match(line.text):
        return True
    gap = _gap(previous, line)
    if gap is not None:
        if gap < -PARAGRAPH_GAP_MIN_POINTS:
            return True
        ordinary = layout.spacing.get(line.style)
        if ordinary and gap > max(
            ordinary * PARAGRAPH_GAP_RATIO, ordinary + PARAGRAPH_GAP_MIN_POINTS
        ):
            return True
    if _is_numbered_heading(line.text) and (
        SENTENCE_END.search(previous.text) or _is_numbered_heading(previous.text)
    ):
        return True
    # A short line ends its paragraph if it ends a sentence, or its heading if it is one.
    short = len(previous.text) < SHORT_LINE_SHARE * layout.full_line.get(previous.style, 0)
    return short and bool(SENTENCE_END.search(previous.text) or _is_numbered_heading(previous.text))


def _is_numbered_heading(text):
    return (
        bool(NUMBERED_HEADING.match(text))
        and len(text.split()) <= HEADING_MAX_WORDS + 1
        and not SENTENCE_END.search(text)
    )
