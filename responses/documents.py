"""Reading a response a respondent uploads: plain text or a Word document, nothing else."""

import codecs
import io
import zipfile

from django.core.exceptions import ValidationError

from marginalia.archives import ArchiveTooLarge, open_zip_archive

DOCX_CONTENT_START = b"PK\x03\x04"  # a .docx is a zip archive

# Windows Notepad saves "Unicode" as UTF-16 with a byte order mark. The UTF-32 marks come first
# because the little-endian UTF-32 mark begins with the little-endian UTF-16 one.
BYTE_ORDER_MARKS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]

# Between the cells of a table row, so that "3.5 | We support this" reads as one sentence.
TABLE_CELL_SEPARATOR = " – "


def read_uploaded_text(upload, *, max_bytes):
    """The text of an uploaded .txt or .docx file, or a ValidationError saying why not.

    The file is read in memory and never stored: only the text goes on, into comments.
    """
    name = (upload.name or "").lower()
    if not name.endswith((".txt", ".docx")):
        raise ValidationError("The file must be a .txt or .docx file.", code="file_type")
    if upload.size > max_bytes:
        raise ValidationError("The file must be smaller than 2 MB.", code="file_size")
    content = upload.read()
    if not content:
        raise ValidationError("The file is empty.", code="empty")
    if name.endswith(".docx"):
        return _read_docx(content)
    return _read_plain_text(content)


def _read_plain_text(content):
    not_plain_text = ValidationError(
        "The file is not plain text. Upload a .txt or .docx file, or paste the text.",
        code="unreadable",
    )
    unreadable_characters = ValidationError(
        "The file's characters could not be read. Save it as UTF-8 text, or paste the text.",
        code="unreadable",
    )
    encoding = _encoding_from_byte_order_mark(content)
    if encoding is None:
        # Without a mark, NUL bytes mean a binary file (or UTF-16 we cannot tell from one).
        if b"\x00" in content:
            raise not_plain_text
        for encoding in ("utf-8", "cp1252"):
            try:
                return content.decode(encoding)
            except UnicodeDecodeError:
                continue
        raise unreadable_characters
    try:
        text = content.decode(encoding)
    except UnicodeDecodeError as error:
        raise unreadable_characters from error
    # A binary file may happen to start with a mark's bytes; real text never holds a NUL.
    if "\x00" in text:
        raise not_plain_text
    return text


def _encoding_from_byte_order_mark(content):
    """The codec that decodes `content` (dropping the mark) if it starts with one; else None."""
    for mark, encoding in BYTE_ORDER_MARKS:
        if content.startswith(mark):
            return encoding
    return None


def _read_docx(content):
    from docx import Document  # python-docx is only needed when a Word file arrives

    unreadable = ValidationError(
        "The Word file could not be read. Save it again as .docx, or paste the text.",
        code="unreadable",
    )
    if not content.startswith(DOCX_CONTENT_START):
        raise unreadable
    # python-docx inflates every part as it opens the file, so the sizes are checked first.
    try:
        open_zip_archive(content).close()
    except ArchiveTooLarge as error:
        raise ValidationError(
            "The Word file is too large once unpacked. Paste the text instead, or split the file.",
            code="file_size",
        ) from error
    except zipfile.BadZipFile as error:
        raise unreadable from error
    try:
        document = Document(io.BytesIO(content))
    except Exception as error:  # python-docx raises assorted errors: zip, XML, missing parts
        raise unreadable from error
    # Word paragraphs are lines; a blank line between them keeps each one a comment.
    return "\n\n".join(_block_texts(document))


def _block_texts(container):
    """The non-empty text of each paragraph and table row in `container` (the document's body
    or a table cell), in document order. Each becomes its own comment."""
    from docx.table import Table

    texts = []
    for block in container.iter_inner_content():
        if isinstance(block, Table):
            texts.extend(_row_texts(block))
        elif block.text.strip():
            texts.append(block.text)
    return texts


def _row_texts(table):
    """The text of each non-empty row of `table`, its cells joined by TABLE_CELL_SEPARATOR.

    A row, not a cell, is one comment: in a "Section | Comment" grid the section number must stay
    with the words about it, both for the reader and for the link detector. A merged cell's text
    is taken once, where the merge begins: python-docx repeats a merged cell in every grid
    position it covers, across columns and down rows alike, so cells are told apart by their
    underlying <w:tc> element.
    """
    seen_cells = set()
    texts = []
    for row in table.rows:
        cell_texts = []
        for cell in row.cells:
            if cell._tc in seen_cells:
                continue
            seen_cells.add(cell._tc)
            # A cell's own paragraphs (and nested tables' rows) stay on separate lines of the
            # one comment, rather than being run together.
            cell_text = "\n".join(_block_texts(cell)).strip()
            if cell_text:
                cell_texts.append(cell_text)
        if cell_texts:
            texts.append(TABLE_CELL_SEPARATOR.join(cell_texts))
    return texts
