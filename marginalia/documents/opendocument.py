"""Reading an OpenDocument text file (.odt): its body's paragraphs, headings, list items and table
rows, in reading order, each one block.

    read_opendocument(name, content) -> Document

The archive is opened through marginalia.archives, so its declared unpacked size is checked before
anything is inflated, and content.xml (the body) and styles.xml (the outline and list styles) are
parsed with defusedxml, so an entity bomb is refused rather than expanded.

A heading numbered by the document's outline numbering (text:h with text:outline-level) and a
paragraph in a numbered list get their number written in front, as it would have been typed:
"1 Introduction", "2.1.1 Training mentors", "1. First item". The numbers are not stored in the
file; they are counted here, as a word processor counts them. Only decimal numbering ("1") is
written; lettered, roman and bulleted levels are read without a number. An outline heading shows
every level down to its own ("2.1.1"), whatever its display-levels says, so that a plan's section
numbers come out whole.

Page headers and footers live in styles.xml's master pages, never in the body, so they are not
read; nor are footnotes, comments, tables of contents and other indexes, drawings and text boxes,
or tracked deletions. A table row is one block, its cells' text joined by " – " (a cell's own
paragraphs on separate lines of it), as the Word reader does.
"""

import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import PurePath

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeElementTree

from marginalia.archives import ArchiveTooLarge, open_zip_archive
from marginalia.documents import Document, UnreadableDocument

# Between the cells of a table row, as in the Word reader (responses.documents).
TABLE_CELL_SEPARATOR = " – "
DECIMAL = "1"

_NAMESPACES = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "xml": "http://www.w3.org/XML/1998/namespace",
}


def _name(qualified):
    """'text:p' as ElementTree spells it: '{urn:...:text:1.0}p'."""
    prefix, local = qualified.split(":")
    return f"{{{_NAMESPACES[prefix]}}}{local}"


PARAGRAPH, HEADING = _name("text:p"), _name("text:h")
LIST, LIST_ITEM, LIST_HEADER = (
    _name("text:list"),
    _name("text:list-item"),
    _name("text:list-header"),
)
TABLE, TABLE_ROW, TABLE_CELL = (
    _name("table:table"),
    _name("table:table-row"),
    _name("table:table-cell"),
)
# Groups of rows, read through to the rows inside them.
TABLE_ROW_GROUPS = {
    _name("table:table-header-rows"),
    _name("table:table-rows"),
    _name("table:table-row-group"),
}
# Containers of body blocks, read through. Anything else in the body (tables of contents and other
# indexes, tracked changes, declarations, frames anchored to the page) is not the document's
# wording and is skipped.
BLOCK_CONTAINERS = {_name("text:section"), _name("text:numbered-paragraph")}
SPACE, TAB, LINE_BREAK = _name("text:s"), _name("text:tab"), _name("text:line-break")
# Inside a paragraph: text that is not the paragraph's own (footnotes, comments, a number the
# word processor cached, text boxes and drawings).
SKIPPED_INLINE = {
    _name("text:note"),
    _name("text:number"),
    _name("office:annotation"),
    _name("text:tracked-changes"),
}
DRAWING_NAMESPACE = f"{{{_NAMESPACES['draw']}}}"

LIST_STYLE, OUTLINE_STYLE = _name("text:list-style"), _name("text:outline-style")
LEVEL_STYLE_NUMBER = _name("text:list-level-style-number")
LEVEL_STYLE_OTHERS = {_name("text:list-level-style-bullet"), _name("text:list-level-style-image")}
OUTLINE_LEVEL_STYLE = _name("text:outline-level-style")
STYLE = _name("style:style")

# An explicit space (text:s, text:tab, text:line-break) while a paragraph's text is gathered, kept
# apart from the whitespace in the XML, which collapses. XML text can never hold this character.
_EXPLICIT_SPACE = "\x01"
_XML_WHITESPACE = re.compile(r"[ \t\r\n]+")
# text:s says how many spaces it stands for; no more than this many are written, so that a small
# file cannot ask for a billion.
MAX_SPACES = 100
# Reading a zip member: missing (KeyError); damaged, failing its CRC, its inflation or its header;
# or encrypted, or compressed by a method zipfile does not know.
_UNREADABLE_MEMBER = (
    KeyError,
    zipfile.BadZipFile,
    zlib.error,
    OSError,
    EOFError,
    RuntimeError,
    NotImplementedError,
    ValueError,
)


def read_opendocument(name, content: bytes) -> Document:
    """The OpenDocument text file called `name`, read from `content`."""
    file_name = PurePath(name or "").name or "The file"
    try:
        archive = open_zip_archive(content)
    except ArchiveTooLarge as error:
        raise UnreadableDocument(
            f"{file_name} is too large once unpacked. Send the text in a smaller file, "
            "or split it.",
            code="file_size",
        ) from error
    except zipfile.BadZipFile as error:
        raise _unreadable(file_name) from error
    with archive:
        try:
            content_xml = archive.read("content.xml")
        except _UNREADABLE_MEMBER as error:
            raise _unreadable(file_name) from error
        styles_root = _styles_root(archive)
    try:
        content_root = SafeElementTree.fromstring(content_xml)
    except (SafeElementTree.ParseError, DefusedXmlException) as error:
        raise _unreadable(file_name) from error
    body = content_root.find("office:body/office:text", _NAMESPACES)
    if body is None:  # not a text document: a spreadsheet or presentation renamed, say
        raise _unreadable(file_name)
    styles = _Styles([root for root in (styles_root, content_root) if root is not None])
    try:
        blocks = _BodyReader(styles).read(body)
    except RecursionError as error:  # elements nested thousands deep: no real document is
        raise _unreadable(file_name) from error
    return Document(name=name, blocks=blocks)


def _unreadable(file_name):
    return UnreadableDocument(
        f"{file_name} could not be read as an OpenDocument text file. Save it again as .odt, "
        "or send it in another format.",
        code="unreadable",
    )


def _styles_root(archive):
    """styles.xml parsed, or None: without it the body is still read, only without numbers."""
    try:
        return SafeElementTree.fromstring(archive.read("styles.xml"))
    except Exception:  # missing, damaged or refused: the styles are a nicety, the body is not
        return None


@dataclass(frozen=True)
class _LevelFormat:
    """How one level of a list or of the outline is numbered."""

    num_format: str = ""
    display_levels: int = 1
    prefix: str = ""
    suffix: str = ""
    start_value: int = 1

    @property
    def is_decimal(self):
        return self.num_format == DECIMAL


def _int_attribute(element, qualified, default, *, minimum=None):
    try:
        value = int(element.get(_name(qualified), default))
    except ValueError:
        return default
    return default if minimum is not None and value < minimum else value


def _level_format(element):
    if element.tag in LEVEL_STYLE_OTHERS:
        return _LevelFormat()
    return _LevelFormat(
        num_format=element.get(_name("style:num-format"), ""),
        display_levels=_int_attribute(element, "text:display-levels", 1, minimum=1),
        prefix=element.get(_name("style:num-prefix"), ""),
        suffix=element.get(_name("style:num-suffix"), ""),
        start_value=_int_attribute(element, "text:start-value", 1, minimum=0),
    )


def _level_formats(style_element, level_tags):
    formats = {}
    for level_style in style_element:
        if level_style.tag in level_tags:
            level = _int_attribute(level_style, "text:level", 0, minimum=1)
            if level:
                formats[level] = _level_format(level_style)
    return formats


class _Styles:
    """The outline numbering, the list styles, and the list style each paragraph style carries,
    from styles.xml and content.xml (whose automatic styles come second and win)."""

    def __init__(self, roots):
        self.outline = {}
        self.outline_name = None
        self.lists = {}
        # paragraph style name -> (its list style name or None, its parent style name or None)
        self.paragraphs = {}
        for root in roots:
            for outline in root.iter(OUTLINE_STYLE):
                self.outline = _level_formats(outline, {OUTLINE_LEVEL_STYLE})
                self.outline_name = outline.get(_name("style:name"))
            for list_style in root.iter(LIST_STYLE):
                self.lists[list_style.get(_name("style:name"))] = _level_formats(
                    list_style, {LEVEL_STYLE_NUMBER, *LEVEL_STYLE_OTHERS}
                )
            for style in root.iter(STYLE):
                if style.get(_name("style:family")) == "paragraph":
                    self.paragraphs[style.get(_name("style:name"))] = (
                        style.get(_name("style:list-style-name")),
                        style.get(_name("style:parent-style-name")),
                    )

    def list_formats(self, name):
        if name is not None and name == self.outline_name and name not in self.lists:
            return self.outline
        return self.lists.get(name, {})

    def list_style_of_paragraph(self, paragraph_style):
        """The list style a paragraph style (or one it inherits from) carries, if any."""
        seen = set()
        while paragraph_style is not None and paragraph_style not in seen:
            seen.add(paragraph_style)
            list_style, parent = self.paragraphs.get(paragraph_style, (None, None))
            if list_style is not None:
                return list_style or None  # an empty name switches the parent's list off
            paragraph_style = parent
        return None


class _Counters:
    """The running numbers of a list's (or the outline's) levels."""

    def __init__(self):
        self.values = {}

    def advance(self, level, format_, restart_at=None):
        if restart_at is not None:
            value = restart_at
        elif level in self.values:
            value = self.values[level] + 1
        else:
            value = format_.start_value
        self.values[level] = value
        for deeper in [other for other in self.values if other > level]:
            del self.values[deeper]

    def number(self, level, formats, display_levels):
        """The number shown at `level`, as typed ("2.1.1", "3."), or "" if it is not decimal.

        Levels above it are shown as far up as `display_levels` reaches and their numbering is
        decimal too; one that has not been counted yet shows as 0, as in a word processor.
        """
        own = formats.get(level)
        if own is None or not own.is_decimal:
            return ""
        parts = []
        for shown in range(level, max(1, level - display_levels + 1) - 1, -1):
            format_ = formats.get(shown)
            if format_ is None or not format_.is_decimal:
                break
            parts.append(str(self.values.get(shown, format_.start_value - 1)))
        return own.prefix + ".".join(reversed(parts)) + own.suffix


@dataclass
class _ListContext:
    counters: _Counters
    style_name: str | None
    level: int


class _BodyReader:
    def __init__(self, styles):
        self.styles = styles
        self.outline_counters = _Counters()
        self.lists_by_id = {}
        self.last_list = None

    def read(self, container):
        blocks = []
        self._read_blocks(container, blocks)
        return blocks

    def _read_blocks(self, container, blocks):
        for child in container:
            if child.tag == PARAGRAPH:
                self._add(blocks, child, "")
            elif child.tag == HEADING:
                self._add(blocks, child, self._heading_number(child))
            elif child.tag == LIST:
                self._read_list(child, blocks, parent=None)
            elif child.tag == TABLE:
                blocks.extend(self._row_texts(child))
            elif child.tag in BLOCK_CONTAINERS:
                self._read_blocks(child, blocks)

    def _add(self, blocks, element, number):
        text = _inline_text(element)
        if text:
            blocks.append(f"{number} {text}" if number else text)

    def _heading_number(self, heading):
        if heading.get(_name("text:is-list-header")) == "true":
            return ""
        level = _int_attribute(heading, "text:outline-level", 1, minimum=1)
        format_ = self.styles.outline.get(level, _LevelFormat())
        restart_at = None
        if heading.get(_name("text:restart-numbering")) == "true":
            restart_at = _int_attribute(heading, "text:start-value", format_.start_value)
        self.outline_counters.advance(level, format_, restart_at)
        # Every level down to the heading's own: a plan's "2.1.1" is wanted whole.
        return self.outline_counters.number(level, self.styles.outline, display_levels=level)

    def _read_list(self, element, blocks, parent):
        style_name = element.get(_name("text:style-name"))
        if parent is None:
            counters = self._top_level_counters(element)
            if style_name is None:
                style_name = self._style_of_first_paragraph(element)
            context = _ListContext(counters, style_name, 1)
        else:
            context = _ListContext(
                parent.counters, style_name or parent.style_name, parent.level + 1
            )
        for item in element:
            if item.tag == LIST_ITEM:
                self._read_list_item(item, blocks, context)
            elif item.tag == LIST_HEADER:  # a list's unnumbered heading paragraphs
                self._read_item_children(item, blocks, context, numbered=False)
        if parent is None:
            self.last_list = context.counters

    def _top_level_counters(self, element):
        """A new list's counters, or those of the list it continues."""
        counters = None
        if continued := element.get(_name("text:continue-list")):
            counters = self.lists_by_id.get(continued)
        elif element.get(_name("text:continue-numbering")) == "true":
            counters = self.last_list
        counters = counters or _Counters()
        if list_id := element.get(_name("xml:id")):
            self.lists_by_id[list_id] = counters
        return counters

    def _style_of_first_paragraph(self, element):
        for paragraph in element.iter():
            if paragraph.tag in (PARAGRAPH, HEADING):
                return self.styles.list_style_of_paragraph(paragraph.get(_name("text:style-name")))
        return None

    def _read_list_item(self, item, blocks, context):
        first = next((child for child in item if child.tag != _name("text:soft-page-break")), None)
        numbered = first is not None and first.tag in (PARAGRAPH, HEADING)
        self._read_item_children(item, blocks, context, numbered=numbered)

    def _read_item_children(self, item, blocks, context, *, numbered):
        """The item's paragraphs and nested lists; the first paragraph gets the item's number
        when `numbered`."""
        for child in item:
            if child.tag in (PARAGRAPH, HEADING):
                number = self._list_number(item, child, context) if numbered else ""
                numbered = False
                self._add(blocks, child, number)
            elif child.tag == LIST:
                self._read_list(child, blocks, parent=context)

    def _list_number(self, item, paragraph, context):
        if (
            paragraph.tag == HEADING
            and context.style_name is not None
            and context.style_name == self.styles.outline_name
        ):  # a heading listed in the outline numbering itself: numbered as headings are
            return self._heading_number(paragraph)
        formats = self.styles.list_formats(context.style_name)
        format_ = formats.get(context.level, _LevelFormat())
        restart_at = None
        if item.get(_name("text:start-value")) is not None:
            restart_at = _int_attribute(item, "text:start-value", format_.start_value)
        context.counters.advance(context.level, format_, restart_at)
        return context.counters.number(context.level, formats, format_.display_levels)

    def _row_texts(self, table):
        """The text of each non-empty row, its cells joined by TABLE_CELL_SEPARATOR. A cell that
        a merge covers (table:covered-table-cell) is left out; a row or cell repeated by
        table:number-*-repeated is read once."""
        texts = []
        for row in self._rows(table):
            cell_texts = []
            for cell in row:
                if cell.tag != TABLE_CELL:
                    continue
                cell_text = "\n".join(self.read(cell)).strip()
                if cell_text:
                    cell_texts.append(cell_text)
            if cell_texts:
                texts.append(TABLE_CELL_SEPARATOR.join(cell_texts))
        return texts

    def _rows(self, container):
        for child in container:
            if child.tag == TABLE_ROW:
                yield child
            elif child.tag in TABLE_ROW_GROUPS:
                yield from self._rows(child)


def _inline_text(paragraph):
    """A paragraph's or heading's text: spans and links read through, text:s, text:tab and
    text:line-break each a space, the XML's own runs of whitespace collapsed to one space as
    OpenDocument says they are, and the ends trimmed."""
    pieces = []
    _gather_inline(paragraph, pieces)
    text = re.sub(" {2,}", " ", "".join(pieces)).strip(" ")
    return text.replace(_EXPLICIT_SPACE, " ").strip()


def _gather_inline(element, pieces):
    if element.text:
        pieces.append(_XML_WHITESPACE.sub(" ", element.text))
    for child in element:
        if child.tag == SPACE:
            pieces.append(
                _EXPLICIT_SPACE * min(_int_attribute(child, "text:c", 1, minimum=1), MAX_SPACES)
            )
        elif child.tag in (TAB, LINE_BREAK):
            pieces.append(_EXPLICIT_SPACE)
        elif child.tag not in SKIPPED_INLINE and not child.tag.startswith(DRAWING_NAMESPACE):
            _gather_inline(child, pieces)
        if child.tail:
            pieces.append(_XML_WHITESPACE.sub(" ", child.tail))
