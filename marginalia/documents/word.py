"""Word (.docx): the body's paragraphs and table rows, with the numbers Word draws itself.

A plan's "1.3 Delivery" is often a Heading 2 that Word numbers from its numbering definitions, not
a typed "1.3". python-docx gives the text without it, so the numbers are counted here as Word
counts them: each numbered paragraph steps its list's counter at its level and restarts the
deeper ones, and the level's text ("%1.%2") is filled in with the counters. Headers, footers and
footnotes are not in the body, so they are never read.
"""

import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from marginalia.archives import ArchiveTooLarge, open_zip_archive
from marginalia.documents import Document, UnreadableDocument

ZIP_START = b"PK\x03\x04"  # a .docx is a zip archive
# Between the cells of a table row, so that "3.5 | We support this" reads as one sentence.
TABLE_CELL_SEPARATOR = " – "
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Table cells read from one document: a plan's or a response's tables have hundreds; a file of
# millions of empty cells is small once zipped.
MAX_TABLE_CELLS = 100_000


class TooManyCells(Exception):
    pass


@dataclass
class _Cells:
    """How many table cells of the document have been read (MAX_TABLE_CELLS)."""

    read: int = 0


def read_word(name, content) -> Document:
    from docx import Document as open_docx  # python-docx is only needed when a Word file arrives

    unreadable = UnreadableDocument(
        f"{PurePath(name).name}: the Word file could not be read. "
        "Save it again as .docx, or send the text another way."
    )
    if not content.startswith(ZIP_START):
        raise unreadable
    # python-docx inflates every part as it opens the file, so the sizes are checked first.
    try:
        open_zip_archive(content).close()
    except ArchiveTooLarge as error:
        raise UnreadableDocument(
            f"{PurePath(name).name} is too large once unpacked. Split the file, or paste the text.",
            code="file_size",
        ) from error
    except zipfile.BadZipFile as error:
        raise unreadable from error
    try:
        document = open_docx(io.BytesIO(content))
        numbering = WordNumbering(document)
        blocks = _block_texts(document, numbering, _Cells())
    except TooManyCells as error:
        raise UnreadableDocument(
            f"{PurePath(name).name} has more than {MAX_TABLE_CELLS:,} table cells, more than we "
            "read from one document. Split the file, or paste the text.",
            code="too_large",
        ) from error
    except Exception as error:  # python-docx raises assorted errors: zip, XML, missing parts
        raise unreadable from error
    return Document(name=name, blocks=blocks)


def _block_texts(container, numbering, cells):
    """The non-empty text of each paragraph and table row in `container` (the document's body
    or a table cell), in document order, a numbered paragraph's number in front."""
    from docx.table import Table

    texts = []
    for block in container.iter_inner_content():
        if isinstance(block, Table):
            texts.extend(_row_texts(block, numbering, cells))
        else:
            # An empty numbered paragraph still takes its number, as Word shows it.
            label = numbering.label(block)
            if block.text.strip():
                texts.append(f"{label} {block.text.strip()}" if label else block.text)
    return texts


def _row_texts(table, numbering, cells):
    """The text of each non-empty row of `table`, its cells joined by TABLE_CELL_SEPARATOR.

    A row, not a cell, is one block: in a "Section | Comment" grid the section number must stay
    with the words about it, both for the reader and for the link detector. A merged cell's text
    is taken once, where the merge begins: each row's own <w:tc> elements are read, one per cell
    however many columns it spans, and a cell that continues a vertical merge from the row above
    (<w:vMerge/> without "restart") is passed over. (python-docx's row.cells resolves every merge
    against every row above it, which grows with the square of the rows: a 1.4 KB file of 100
    merged rows took 20 s.) At most MAX_TABLE_CELLS cells are read from one document.
    """
    from docx.table import _Cell

    texts = []
    for row in table.rows:
        cell_texts = []
        for tc in row._tr.tc_lst:
            cells.read += 1
            if cells.read > MAX_TABLE_CELLS:
                raise TooManyCells
            if tc.vMerge == "continue":
                continue
            # A cell's own paragraphs (and nested tables' rows) stay on separate lines.
            cell_text = "\n".join(_block_texts(_Cell(tc, table), numbering, cells)).strip()
            if cell_text:
                cell_texts.append(cell_text)
        if cell_texts:
            texts.append(TABLE_CELL_SEPARATOR.join(cell_texts))
    return texts


class WordNumbering:
    """The numbers Word shows before numbered paragraphs, counted in reading order."""

    def __init__(self, document):
        self.levels = {}  # numId → {ilvl: (start, numFmt, lvlText, isLgl)}
        self.style_levels = {}  # styleId → (numId, ilvl), from a level's pStyle
        self.counters = {}  # numId → [counter per level]
        self.styles = {style.style_id: style for style in document.styles if style.style_id}
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return  # a document without numbering definitions
        abstract = {
            element.get(f"{W}abstractNumId"): element
            for element in numbering.iter(f"{W}abstractNum")
        }
        for num in numbering.iter(f"{W}num"):
            num_id = num.get(f"{W}numId")
            reference = num.find(f"{W}abstractNumId")
            definition = abstract.get(reference.get(f"{W}val")) if reference is not None else None
            if definition is None:
                continue
            levels = {}
            for lvl in definition.iter(f"{W}lvl"):
                ilvl = int(lvl.get(f"{W}ilvl", "0"))
                levels[ilvl] = (
                    int(_value(lvl, "start", "1")),
                    _value(lvl, "numFmt", "decimal"),
                    _value(lvl, "lvlText", ""),
                    lvl.find(f"{W}isLgl") is not None,
                )
                style_id = _value(lvl, "pStyle", None)
                if style_id and style_id not in self.style_levels:
                    self.style_levels[style_id] = (num_id, ilvl)
            for override in num.iter(f"{W}lvlOverride"):
                ilvl = int(override.get(f"{W}ilvl", "0"))
                start = override.find(f"{W}startOverride")
                if start is not None and ilvl in levels:
                    levels[ilvl] = (int(start.get(f"{W}val")), *levels[ilvl][1:])
            self.levels[num_id] = levels

    def label(self, paragraph) -> str:
        """The number Word draws before `paragraph` ("2.1.1"), or "" if it has none."""
        num_id, ilvl = self._numbering_of(paragraph)
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, [None] * 10)
        start = levels[ilvl][0]
        counters[ilvl] = start if counters[ilvl] is None else counters[ilvl] + 1
        for deeper in range(ilvl + 1, len(counters)):
            counters[deeper] = None
        _, number_format, text, legal = levels[ilvl]
        if number_format in ("bullet", "none") or not text:
            return ""
        label = text
        for level in range(ilvl, -1, -1):
            if f"%{level + 1}" not in label:
                continue
            count = counters[level] if counters[level] is not None else levels[level][0]
            level_format = "decimal" if legal else levels.get(level, (1, "decimal"))[1]
            label = label.replace(f"%{level + 1}", _formatted(count, level_format))
        return label.strip()

    def _numbering_of(self, paragraph):
        """(numId, ilvl) from the paragraph's own properties, else its style's (and the styles
        it is based on), else a numbering level that names its style."""
        num_id = ilvl = None
        p_pr = paragraph._p.pPr
        if p_pr is not None and p_pr.numPr is not None:
            num_id, ilvl = _num_pr(p_pr.numPr)
        style_id = paragraph._p.style
        seen = set()
        while (num_id is None or ilvl is None) and style_id and style_id not in seen:
            seen.add(style_id)
            if style_id in self.style_levels:
                style_num, style_ilvl = self.style_levels[style_id]
                num_id = num_id or style_num
                ilvl = style_ilvl if ilvl is None else ilvl
            style = self.styles.get(style_id)
            if style is None:
                break
            style_p_pr = style.element.pPr
            if style_p_pr is not None and style_p_pr.numPr is not None:
                style_num, style_ilvl = _num_pr(style_p_pr.numPr)
                num_id = num_id or style_num
                ilvl = style_ilvl if ilvl is None else ilvl
            style_id = style.base_style.style_id if style.base_style is not None else None
        if num_id in (None, "0"):  # numId 0 switches numbering off
            return None, None
        return num_id, ilvl or 0


def _num_pr(num_pr):
    num_id = num_pr.numId.val if num_pr.numId is not None else None
    ilvl = num_pr.ilvl.val if num_pr.ilvl is not None else None
    return (str(num_id) if num_id is not None else None), ilvl


def _value(element, tag, default):
    child = element.find(f"{W}{tag}")
    return child.get(f"{W}val", default) if child is not None else default


ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
         (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]  # fmt: skip


def _formatted(count, number_format):
    if number_format in ("lowerRoman", "upperRoman"):
        roman, rest = "", count
        for value, letters in ROMAN:
            while rest >= value:
                roman, rest = roman + letters, rest - value
        return roman.upper() if number_format == "upperRoman" else roman
    if number_format in ("lowerLetter", "upperLetter") and count > 0:
        letter = chr(ord("a") + (count - 1) % 26) * ((count - 1) // 26 + 1)
        return letter.upper() if number_format == "upperLetter" else letter
    if number_format == "decimalZero":
        return f"{count:02d}"
    return str(count)
