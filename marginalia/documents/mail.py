"""Email (.eml, RFC 5322 and MIME): who sent it, the body's paragraphs, and its attachments.

    read_email(name, content) -> EmailDocument

The body is the text/plain part, or the text/html part turned into text when there is no plain
one (or the plain one is empty). Its paragraphs are what lies between blank lines, a paragraph's
lines (an email wraps them at about 72 characters) joined with a space into one block, but a
short line's own line break kept (a signature's name, then its organisation); the
signature (from a "-- " line on) and quoted reply lines ("> ...") are left out. Each attachment
in a format read_document reads becomes a Document of its own in `attachments`, an attached
email too, though not an email attached to that one; what is not read (an image, a spreadsheet,
a broken file, any beyond MAX_ATTACHMENTS_READ) is listed with the reason in
`unread_attachments`, and the email is still read. The Date header gives the day it was sent.
Nothing here unpacks into more than the file's own size: base64 and quoted-printable only
shrink, and each attached document's reader bounds its own format.
"""

import email
import email.errors
import email.policy
import html
import re
from dataclasses import dataclass, field
from email.header import decode_header, make_header
from email.utils import parseaddr, parsedate_to_datetime
from html.parser import HTMLParser
from pathlib import PurePath, PureWindowsPath

from marginalia.documents import (
    READABLE_SUFFIXES,
    Document,
    Sender,
    UnreadableDocument,
    read_document,
    suffix_of,
)

# Attachments read from one email, an attached email and its own attachments included: far more
# than any response sends, few enough to bound a worker's time.
MAX_ATTACHMENTS_READ = 20
# MIME parts nest no deeper than this in mail a person sends; deeper ones are not looked at.
MAX_PART_DEPTH = 20
# A file with none of these headers is not an email, whatever it is called.
EMAIL_HEADERS = {
    "from",
    "sender",
    "to",
    "cc",
    "subject",
    "date",
    "message-id",
    "mime-version",
    "content-type",
    "received",
    "return-path",
    "reply-to",
}
# The suffix an attachment sent without a filename is read under, by its content type.
SUFFIX_OF_CONTENT_TYPE = {
    "text/plain": ".txt",
    "text/markdown": ".md",
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.oasis.opendocument.text": ".odt",
    "message/rfc822": ".eml",
}
SIGNATURE_SEPARATOR = "-- "
# A line at least this long ends where the sender's mail program wrapped it (at about 72);
# a shorter one ends where they pressed return.
SHORTEST_WRAPPED_LINE = 45
# A Date header outside these years is a mistake, not when the email was sent.
MIN_SENT_YEAR, MAX_SENT_YEAR = 1990, 2100
# Between the cells of an HTML table row, as between a Word table's (marginalia.documents.word).
TABLE_CELL_SEPARATOR = " – "

NOT_A_DOCUMENT_WE_READ = "not a document we read"
NESTED_TOO_DEEP = "an email attached to an attached email is not read"
TOO_MANY_ATTACHMENTS = f"only the first {MAX_ATTACHMENTS_READ} attachments are read"


@dataclass
class EmailDocument(Document):
    # (filename, reason) for each attachment not read, in the order they are attached.
    unread_attachments: list[tuple[str, str]] = field(default_factory=list)


def _sent_on(message):
    """The day the Date header gives, in the sender's own time zone; None when there is none
    or it cannot be read (a malformed header is no reason to refuse the email)."""
    try:
        sent = parsedate_to_datetime(str(message.get("Date", "") or ""))
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if sent is None or not MIN_SENT_YEAR <= sent.year <= MAX_SENT_YEAR:
        return None
    return sent.date()


def read_email(name, content: bytes) -> EmailDocument:
    """The email saved as `name` read from `content`; UnreadableDocument if it is not an email."""
    return _read_email(PurePath(name or "").name or "The file", name, content, _Budget())


class _Budget:
    """How many more attachments may be read, shared by an email and the emails attached to it."""

    def __init__(self):
        self.remaining = MAX_ATTACHMENTS_READ


def _read_email(shown_name, name, content, budget, *, attached=False):
    not_an_email = UnreadableDocument(
        f"{shown_name} is not an email we can read. "
        "Save the email again as .eml, or send the text another way.",
        code="unreadable",
    )
    _check_headers(shown_name, content)
    try:
        message = email.message_from_bytes(content, policy=email.policy.default)
    except RecursionError as error:  # parts nested thousands deep
        raise not_an_email from error
    if not _is_email(message):
        raise not_an_email
    return _read_message(name, message, budget, attached=attached)


# The headers the email package parses into structures (addresses, dates, parameters), which it
# does at a cost that grows faster than their length: 50,000 parameters took 50 s and 400 MB,
# 20,000 nested "(" a RecursionError. No mailer writes one near these limits.
PARSED_HEADER = re.compile(
    rb"(?i)(?:content-[a-z-]+|date|from|to|cc|reply-to|sender|subject)[ \t]*:"
)
MAX_HEADER_BYTES = 16_000
MAX_HEADER_PARAMETERS = 100  # ";" between a header's parameters, "(" opening its comments


# Lines that begin "--", as every MIME boundary does: an email of 20,000 parts (720 KB) took the
# email package 4 s to parse. A response with its attachments has tens.
MAX_BOUNDARY_LINES = 1_000


def _check_headers(shown_name, content):
    """UnreadableDocument if any part's parsed header is longer, or has more parameters or
    comments, than any mailer writes, or the email has more parts than MAX_BOUNDARY_LINES
    allows; checked on the bytes, before the email package parses."""
    if content.count(b"\n--") > MAX_BOUNDARY_LINES:
        raise UnreadableDocument(
            f"{shown_name} has more parts than an email we read ({MAX_BOUNDARY_LINES:,} at "
            "most). Send its documents in a .zip, or the text another way.",
            code="unreadable",
        )
    for value in _headers(content):
        if not PARSED_HEADER.match(value):
            continue
        if (
            len(value) > MAX_HEADER_BYTES
            or value.count(b";") > MAX_HEADER_PARAMETERS
            or value.count(b"(") > MAX_HEADER_PARAMETERS
        ):
            name = value.split(b":", 1)[0].decode("ascii", "replace").strip()
            raise UnreadableDocument(
                f"{shown_name} has a {name} header far longer than an email's, so it cannot "
                "be read. Save the email again as .eml, or send the text another way.",
                code="unreadable",
            )


def _headers(content):
    """Each header of the message and of its parts, its folded lines joined: the lines from the
    start, and from each boundary ("--…"), to the blank line that ends them. A body's lines are
    never read as headers, however they begin ("To: the consultation team; …")."""
    in_headers, header = True, []
    for line in content.split(b"\n"):
        line = line.rstrip(b"\r")
        if in_headers and line[:1] in (b" ", b"\t") and header:
            header.append(line)
            continue
        if header:
            yield b"".join(header)
            header = []
        if line.startswith(b"--"):
            in_headers = True
        elif not line.strip():
            in_headers = False
        elif in_headers:
            header = [line]
    if header:
        yield b"".join(header)


def _is_email(message):
    """Whether `message` has an email's headers, and a sender or a body."""
    headers = {key.lower() for key in message}  # its header names
    if not headers & EMAIL_HEADERS:
        return False
    if "from" in headers or message.is_multipart():
        return True
    return bool(str(message.get_payload() or "").strip())


def _read_message(name, message, budget, *, attached):
    body, blocks = _body(message)
    document = EmailDocument(
        name=name, blocks=blocks, sender=_sender(message), sent_on=_sent_on(message)
    )
    for part in _attached_parts(message, body):
        filename = _filename(part)
        suffix = suffix_of(filename)
        if suffix not in READABLE_SUFFIXES:
            document.unread_attachments.append((filename, NOT_A_DOCUMENT_WE_READ))
        elif suffix == ".eml" and attached:
            document.unread_attachments.append((filename, NESTED_TOO_DEEP))
        elif budget.remaining <= 0:
            document.unread_attachments.append((filename, TOO_MANY_ATTACHMENTS))
        else:
            budget.remaining -= 1
            try:
                document.attachments.append(_read_attachment(filename, part, budget))
            except UnreadableDocument as error:
                document.unread_attachments.append((filename, error.message))
    return document


def _read_attachment(filename, part, budget):
    if suffix_of(filename) != ".eml":
        return read_document(filename, part.get_payload(decode=True) or b"")
    # An attached email is read here rather than by read_document, to stop at one level deep.
    if part.get_content_type() == "message/rfc822" and part.is_multipart():
        message = part.get_payload(0)
        if not _is_email(message):
            raise UnreadableDocument(f"{filename} is not an email we can read.")
        document = _read_message(filename, message, budget, attached=True)
    else:
        content = part.get_payload(decode=True) or b""
        if not content:
            raise UnreadableDocument("The file is empty.", code="empty")
        document = _read_email(filename, filename, content, budget, attached=True)
    # As read_document does for every other document.
    if not document.text.strip():
        raise UnreadableDocument(f"{filename} has no text in it.", code="empty")
    return document


def _body(message):
    """The part the body is read from (None without one) and its paragraphs: the plain text, or
    the HTML when there is no plain text."""
    body, blocks = None, []
    for subtype in ("plain", "html"):
        try:
            part = message.get_body(preferencelist=(subtype,))
        except RecursionError:
            part = None
        if part is not None:
            body, blocks = part, _paragraphs(_body_text(part))
            if blocks:
                break
    return body, blocks


def _parts(message):
    """Every leaf part of `message` in order, not descending into attached emails."""
    stack = [(message, 0)]
    while stack:
        part, depth = stack.pop()
        if part.get_content_maintype() == "multipart" and part.is_multipart():
            if depth < MAX_PART_DEPTH:
                stack.extend((child, depth + 1) for child in reversed(part.get_payload()))
        else:
            yield part


def _attached_parts(message, body):
    """The parts attached to `message`, in order: each one with Content-Disposition attachment,
    each other one with a filename (inline), and each document or email (not text) sent with
    neither, as some mailers do. Never the body."""
    for part in _parts(message):
        if part is body:
            continue
        content_type = part.get_content_type()
        if (
            part.get_content_disposition() == "attachment"
            or part.get_filename()
            or (content_type in SUFFIX_OF_CONTENT_TYPE and not content_type.startswith("text/"))
        ):
            yield part


def _filename(part):
    """The attachment's filename without any folders, or one its content type suggests. An
    attached email's name ends .eml, whatever it was sent as."""
    filename = PureWindowsPath((part.get_filename() or "").strip()).name
    is_email = part.get_content_type() == "message/rfc822"
    if not filename and is_email and part.is_multipart():
        subject = str(part.get_payload(0).get("subject", ""))
        filename = re.sub(r"[/\\\s]+", " ", subject).strip()
    if not filename:
        return "attachment" + SUFFIX_OF_CONTENT_TYPE.get(part.get_content_type(), "")
    if is_email and suffix_of(filename) != ".eml":
        return filename + ".eml"
    return filename


def _sender(message):
    """Sender(name, address) from the From header, the name's RFC 2047 words decoded."""
    raw = next((value for key, value in message.raw_items() if key.lower() == "from"), None)
    if raw is None:
        return None
    # Bytes outside ASCII arrive as surrogates; a header sent that way is UTF-8 more often than not.
    raw = raw.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    name, address = parseaddr(re.sub(r"\r?\n(?=[ \t])", "", raw))
    return Sender(name=_decoded_words(name).strip(), address=address.strip())


def _decoded_words(text):
    """`text` with any RFC 2047 encoded words ("=?utf-8?q?Volunteering_England?=") decoded."""
    if "=?" not in text:
        return text
    try:
        return str(make_header(decode_header(text)))
    except (LookupError, ValueError, email.errors.HeaderParseError):
        return text


def _body_text(part):
    """The part's text, decoded by its charset with undecodable bytes replaced; HTML made text."""
    content = part.get_payload(decode=True) or b""
    charset = part.get_content_charset() or "utf-8"
    if charset in ("us-ascii", "ascii"):
        charset = "utf-8"  # mail that says ASCII is often UTF-8 all the same; ASCII is UTF-8
    try:
        text = content.decode(charset, errors="replace")
    except (LookupError, ValueError):  # a charset Python does not know, or not a text codec
        text = content.decode("utf-8", errors="replace")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if part.get_content_subtype() == "html":
        return _html_text(text)
    if (part.get_param("format") or "").lower() == "flowed":
        return _unflowed(text, delete_space=(part.get_param("delsp") or "").lower() == "yes")
    return text


def _unflowed(text, *, delete_space):
    """Format=flowed text (RFC 3676) with its soft line breaks joined and space-stuffing undone."""
    lines = []
    joining = False
    for line in text.split("\n"):
        if line.startswith(" "):
            line = line[1:]
        soft = line.endswith(" ") and line != SIGNATURE_SEPARATOR
        if soft and delete_space:
            line = line[:-1]
        if joining:
            lines[-1] += line
        else:
            lines.append(line)
        joining = soft
    return "\n".join(lines)


def _paragraphs(text):
    """The paragraphs of an email's text, each one block: the lines between blank lines,
    stripped, a line wrapped from the one before joined to it with a space; a line that begins
    with a capital after a short one (a signature's "Jane Smith", "Oakwood Refuge") keeps its
    own line. The signature
    and quoted lines are left out; a quote ends a paragraph, and the "On ... wrote:" line
    introducing it goes with it."""
    lines = text.split("\n")
    if SIGNATURE_SEPARATOR in lines:
        lines = lines[: lines.index(SIGNATURE_SEPARATOR)]
    blocks = []
    paragraph = []
    following = _next_written_lines(lines)
    for index, line in enumerate(lines):
        if _is_quoted(line) or _introduces_quote(line, following[index]):
            line = ""
        if line.strip():
            paragraph.append(line.strip())
        elif paragraph:
            blocks.append(_joined_lines(paragraph))
            paragraph = []
    if paragraph:
        blocks.append(_joined_lines(paragraph))
    return blocks


def _joined_lines(lines):
    joined = lines[0]
    for previous, line in zip(lines, lines[1:], strict=False):
        own_line = (
            len(previous) < SHORTEST_WRAPPED_LINE
            and not previous.endswith((",", ";", ":", "-", "–", "&", "and"))
            and (line[:1].isupper() or line[:1].isdigit())
        )
        joined += ("\n" if own_line else " ") + line
    return joined


def _is_quoted(line):
    return line.lstrip().startswith(">")


def _next_written_lines(lines):
    """For each line, the first line after it that is not blank ("" after the last): found in
    one pass from the end, so that a message of many lines costs no more than their number."""
    following = [""] * len(lines)
    written = ""
    for index in range(len(lines) - 1, -1, -1):
        following[index] = written
        if lines[index].strip():
            written = lines[index]
    return following


def _introduces_quote(line, next_written_line):
    """Whether `line` is an "On Monday, Anne wrote:" line with a quote next."""
    return line.rstrip().endswith("wrote:") and _is_quoted(next_written_line)


def _html_text(markup):
    """The text of an email's HTML: a line per line break or <div>, a blank line after each
    paragraph, heading, list item or table row (see _HTMLText)."""
    parser = _HTMLText()
    try:
        parser.feed(markup)
        parser.close()
    except AssertionError:  # html.parser's answer to a few malformed declarations
        return html.unescape(re.sub(r"<[^>]*>", " ", markup))
    return "".join(parser.pieces)


class _HTMLText(HTMLParser):
    """Text from HTML: scripts, styles, quoted replies and marked signatures dropped, entities
    decoded, whitespace collapsed outside <pre>. A paragraph, heading, list item, table row or
    rule ends a paragraph; a line break or a <div> ends a line, as in a mail client's editor,
    where each line is a <div> and a blank line an empty one."""

    SKIPPED = {"script", "style", "title", "template"}
    ENDS_PARAGRAPH = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "hr", "ul", "ol"}
    ENDS_PARAGRAPH |= {"table", "blockquote", "pre"}
    ENDS_LINE = {"br", "div"}
    VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "wbr", "source"}
    # The classes mail clients mark a signature with. (Gmail's "gmail_quote" <div> holds a
    # forwarded message as well as a reply's quote, so only its <blockquote> is left out.)
    SIGNATURE_CLASSES = {"moz-signature", "gmail_signature"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.pieces = []
        self._skipping = []  # the open tags whose content is left out, innermost last
        self._in_pre = 0
        self._cells_in_row = 0
        self._line_has_text = False

    def handle_starttag(self, tag, attrs):
        if self._skipping:
            if tag == self._skipping[-1]:
                self._skipping.append(tag)
            return
        if self._is_quote(tag, dict(attrs)):
            # A quoted line in its place, so that the "On ... wrote:" line before it goes too.
            self._new_line("\n>\n")
            self._skipping.append(tag)
            return
        if tag in self.SKIPPED or self._is_signature(dict(attrs)):
            if tag not in self.VOID:
                self._skipping.append(tag)
            return
        if tag == "pre":
            self._in_pre += 1
        elif tag == "tr":
            self._cells_in_row = 0
        elif tag in ("td", "th"):
            if self._cells_in_row:
                self.pieces.append(TABLE_CELL_SEPARATOR)
            self._cells_in_row += 1
        self._break(tag)

    def handle_startendtag(self, tag, attrs):  # <br/>: one break, not a start's and an end's
        if not self._skipping:
            self._break(tag)

    def handle_endtag(self, tag):
        if self._skipping:
            if tag == self._skipping[-1]:
                self._skipping.pop()
            return
        if tag == "pre":
            self._in_pre = max(0, self._in_pre - 1)
        if tag not in self.VOID:
            self._break(tag)

    def handle_data(self, data):
        if self._skipping:
            return
        data = data.replace("\xa0", " ")
        if not self._in_pre:
            data = re.sub(r"[ \t\n\f\r]+", " ", data)
        self.pieces.append(data)
        self._line_has_text = self._line_has_text or bool(data.strip())

    def _break(self, tag):
        if tag in self.ENDS_PARAGRAPH:
            self._new_line("\n\n")
        elif tag == "br" or (tag in self.ENDS_LINE and self._line_has_text):
            # A <div> starts or ends a line only where there is text on it, while each <br>
            # is a line, so that <div>a</div><div><br></div><div>b</div> has a blank line in it.
            self._new_line("\n")

    def _new_line(self, breaks):
        self.pieces.append(breaks)
        self._line_has_text = False

    @staticmethod
    def _is_quote(tag, attributes):
        """Whether this is Apple Mail's, Thunderbird's or Gmail's quote of the mail replied to."""
        classes = (attributes.get("class") or "").split()
        cited = (attributes.get("type") or "").lower() == "cite" or "gmail_quote" in classes
        return tag == "blockquote" and cited

    def _is_signature(self, attributes):
        return bool(set((attributes.get("class") or "").split()) & self.SIGNATURE_CLASSES)
