"""Plain text and Markdown: bytes to text, in whatever encoding a respondent's editor saved."""

import codecs

from marginalia.documents import Document, UnreadableDocument

# Windows Notepad saves "Unicode" as UTF-16 with a byte order mark. The UTF-32 marks come first
# because the little-endian UTF-32 mark begins with the little-endian UTF-16 one.
BYTE_ORDER_MARKS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]


def read_plain_text(name, content) -> Document:
    """The text, a block per paragraph (lines between blank lines keep their line breaks)."""
    text = decode_plain_text(content)
    blocks = [block.strip("\n") for block in text.replace("\r\n", "\n").split("\n\n")]
    return Document(name=name, blocks=[block for block in blocks if block.strip()])


def decode_plain_text(content) -> str:
    not_plain_text = UnreadableDocument(
        "The file is not plain text. Upload a .txt or .docx file, or paste the text."
    )
    unreadable_characters = UnreadableDocument(
        "The file's characters could not be read. Save it as UTF-8 text, or paste the text."
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
