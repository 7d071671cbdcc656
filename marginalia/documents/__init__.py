"""Reading the documents a consultation arrives as: a plan, or a response, in plain text or
Markdown (.txt, .md), Word (.docx), OpenDocument text (.odt), PDF (.pdf), or an email saved as
.eml with its attachments.

    read_document(name, content) -> Document

`Document.blocks` are its paragraphs, headings and table rows in reading order, each one string;
a heading or paragraph that Word or OpenDocument numbers itself gets its number written in front
("1.3 Delivery"), as a typed number would be; page headers, footers and page numbers are left out
where the format says what they are (a PDF does not: plans.outline drops what repeats on every
page). Anything that cannot be read raises UnreadableDocument with a message for the person who
sent it; every reader bounds what a small file may unpack into (marginalia.archives).

One module per format: plain.py, word.py, opendocument.py, pdf.py, mail.py.
"""

from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePath

READABLE_SUFFIXES = (".txt", ".md", ".docx", ".odt", ".pdf", ".eml")
# Pages read from one PDF: far more than any plan or letter, few enough to bound a worker's time.
MAX_PDF_PAGES = 1_000


class UnreadableDocument(Exception):
    """The document cannot be read; str(error) says why, for the person who sent it."""

    def __init__(self, message, *, code="unreadable"):
        super().__init__(message)
        self.message = message
        self.code = code


@dataclass
class Sender:
    name: str = ""
    address: str = ""


@dataclass
class Document:
    name: str
    blocks: list[str] = field(default_factory=list)
    # An email's sender, when the document is one.
    sender: Sender | None = None
    # The day an email says it was sent (its Date header), when it says so readably.
    sent_on: date | None = None
    # An email's attached documents, each read as a document of its own.
    attachments: list["Document"] = field(default_factory=list)

    @property
    def text(self):
        """The document's text, a blank line between blocks, its attachments' after its own."""
        parts = ["\n\n".join(self.blocks)] + [attached.text for attached in self.attachments]
        return "\n\n".join(part for part in parts if part.strip())


def suffix_of(name):
    return PurePath(name or "").suffix.lower()


def read_document(name, content: bytes) -> Document:
    """The document called `name` (its suffix says its format) read from `content`."""
    suffix = suffix_of(name)
    if suffix not in READABLE_SUFFIXES:
        raise UnreadableDocument(
            f"{PurePath(name or '').name or 'The file'} is not a document we can read: "
            "send a .txt, .md, .docx, .odt, .pdf or .eml file.",
            code="file_type",
        )
    if not content:
        raise UnreadableDocument("The file is empty.", code="empty")
    if suffix in (".txt", ".md"):
        from marginalia.documents.plain import read_plain_text as read
    elif suffix == ".docx":
        from marginalia.documents.word import read_word as read
    elif suffix == ".odt":
        from marginalia.documents.opendocument import read_opendocument as read
    elif suffix == ".pdf":
        from marginalia.documents.pdf import read_pdf as read
    else:
        from marginalia.documents.mail import read_email as read
    document = read(name, content)
    if not document.text.strip():
        raise UnreadableDocument(f"{PurePath(name).name} has no text in it.", code="empty")
    return document
