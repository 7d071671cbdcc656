"""Reading an email saved as .eml: its sender, its body's paragraphs (wrapped lines joined, the
signature and quoted reply left out) and the documents attached to it, each read on its own;
an attachment that cannot be read is listed, and never loses the email."""

import io
import random
from email.headerregistry import Address
from email.message import EmailMessage

import docx
import pytest

from marginalia.documents import Document, Sender, UnreadableDocument, read_document
from marginalia.documents.mail import MAX_ATTACHMENTS_READ, EmailDocument, read_email

WRAPPED_BODY = """\
Dear consultation team,

We welcome the plan, and in particular its commitment to involving
voluntary and community organisations in reducing re-offending.

Section 2.1 on mentoring should say how mentors will be
trained before they meet offenders.
"""


def an_email(body=WRAPPED_BODY, *, sender="Bell Society <office@bell.org.uk>", **content):
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "consultation@justice.gov.uk"
    message["Subject"] = "Response to the Third Sector Action Plan"
    if body is not None:
        message.set_content(body, **content)
    return message


def word_bytes(*paragraphs):
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    content = io.BytesIO()
    document.save(content)
    return content.getvalue()


def test_the_paragraphs_of_a_plain_body_are_blocks_with_their_wrapped_lines_joined():
    document = read_email("response.eml", bytes(an_email()))

    assert isinstance(document, EmailDocument)
    assert document.name == "response.eml"
    assert document.blocks == [
        "Dear consultation team,",
        "We welcome the plan, and in particular its commitment to involving voluntary and "
        "community organisations in reducing re-offending.",
        "Section 2.1 on mentoring should say how mentors will be trained before they meet "
        "offenders.",
    ]
    assert document.attachments == []
    assert document.unread_attachments == []


def test_the_sender_is_read_from_the_from_header():
    document = read_email("response.eml", bytes(an_email()))

    assert document.sender == Sender(name="Bell Society", address="office@bell.org.uk")


def test_a_sender_with_no_name_has_only_an_address():
    document = read_email("response.eml", bytes(an_email(sender="office@bell.org.uk")))

    assert document.sender == Sender(name="", address="office@bell.org.uk")


def test_a_sender_name_sent_as_encoded_words_is_decoded():
    # EmailMessage decodes a header as it is set, so the encoded words are put into the bytes.
    content = bytes(an_email(sender="Volunteering England <info@ve.org.uk>")).replace(
        b"From: Volunteering England", b"From: =?utf-8?q?Volunteering_England?="
    )
    assert b"=?utf-8?q?Volunteering_England?=" in content

    document = read_email("response.eml", content)

    assert document.sender == Sender(name="Volunteering England", address="info@ve.org.uk")


def test_a_sender_name_outside_ascii_is_decoded():
    sender = Address(display_name="Société Générale d'Entraide", addr_spec="aide@sge.fr")
    content = bytes(an_email(sender=sender))
    assert b"=?utf-8?" in content

    document = read_email("response.eml", content)

    assert document.sender == Sender(name="Société Générale d'Entraide", address="aide@sge.fr")


def test_an_html_only_body_becomes_paragraphs_without_tags_or_entities():
    message = an_email(body=None)
    message.set_content(
        "<html><head><title>Response</title><style>p { color: red; }</style></head><body>"
        "<script>alert('no');</script>"
        "<h1>Our response</h1>"
        "<p>We welcome the plan &amp; its aims.\n   It is &lt;long&gt; overdue.</p>"
        "<p>Two points:</p><ul><li>Mentors&nbsp;need training.</li><li>Funding&#8217;s late.</li>"
        "</ul><div>A line</div><div>and the next</div><div><br></div><div>A new one</div>"
        "</body></html>",
        subtype="html",
    )

    document = read_email("response.eml", bytes(message))

    assert document.blocks == [
        "Our response",
        "We welcome the plan & its aims. It is <long> overdue.",
        "Two points:",
        "Mentors need training.",
        "Funding’s late.",
        "A line and the next",
        "A new one",
    ]


def test_the_plain_body_is_read_rather_than_its_html_alternative():
    message = an_email("The plain words.")
    message.add_alternative("<p>The <b>HTML</b> words.</p>", subtype="html")

    document = read_email("response.eml", bytes(message))

    assert document.blocks == ["The plain words."]


def test_a_latin_1_body_is_decoded_by_its_charset():
    content = bytes(an_email("Le café crème coûte £3, à peu près.", charset="latin-1"))
    assert b'charset="iso-8859-1"' in content
    assert "café crème".encode("latin-1") in content

    document = read_email("response.eml", content)

    assert document.blocks == ["Le café crème coûte £3, à peu près."]


def test_bytes_the_charset_cannot_decode_are_replaced():
    content = bytes(an_email("Funding is late."))
    broken = content.replace(b"Funding is late.", b"Funding is \xff\xfe late.")
    unknown = content.replace(b'charset="utf-8"', b'charset="x-no-such-charset"')

    assert read_email("response.eml", broken).blocks == ["Funding is \ufffd\ufffd late."]
    assert read_email("response.eml", unknown).blocks == ["Funding is late."]


def test_the_signature_and_quoted_reply_lines_are_left_out():
    body = (
        "We agree with the plan.\n"
        "\n"
        "On 3 March 2008, Anne Clerk wrote:\n"
        "> Please send your response by the end of March.\n"
        "> Thank you.\n"
        "But not with its timetable,\n"
        "which is too short.\n"
        "\n"
        "-- \n"
        "Jane Bell\n"
        "Bell Society, 1 High Street\n"
    )

    document = read_email("response.eml", bytes(an_email(body)))

    assert document.blocks == [
        "We agree with the plan.",
        "But not with its timetable, which is too short.",
    ]


def test_an_html_reply_leaves_out_its_quote_and_its_signature():
    message = an_email(body=None)
    message.set_content(
        '<div dir="ltr">We agree.</div><br><div class="gmail_quote">'
        '<div class="gmail_attr">On Mon, 3 Mar 2008, Anne Clerk wrote:<br></div>'
        '<blockquote class="gmail_quote">Please respond by <b>March</b>.</blockquote></div>'
        '<p>Mine again.</p><blockquote type="cite">Theirs.</blockquote>'
        '<div class="moz-signature">-- <br>Jane Bell</div>',
        subtype="html",
    )

    document = read_email("response.eml", bytes(message))

    assert document.blocks == ["We agree.", "Mine again."]


def test_a_text_attachment_is_read_as_a_document_and_its_text_follows_the_body():
    pytest.importorskip("marginalia.documents.plain")
    message = an_email("Our response is attached.")
    attached = "Section 1.2: consortia need time to form.\n\nSection 3: funding."
    message.add_attachment(
        attached.encode("utf-8"), maintype="text", subtype="plain", filename="response.txt"
    )

    document = read_email("response.eml", bytes(message))

    assert document.blocks == ["Our response is attached."]
    assert [attachment.name for attachment in document.attachments] == ["response.txt"]
    assert document.attachments[0].blocks == [
        "Section 1.2: consortia need time to form.",
        "Section 3: funding.",
    ]
    assert document.text == (
        "Our response is attached.\n\n"
        "Section 1.2: consortia need time to form.\n\nSection 3: funding."
    )
    assert document.unread_attachments == []


def test_a_word_attachment_is_read_as_a_document():
    pytest.importorskip("marginalia.documents.word")
    message = an_email("Please find our response attached.")
    message.add_attachment(
        word_bytes("Mentoring works.", "Fund it for three years."),
        maintype="application",
        subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
        filename="Bell Society response.docx",
    )

    document = read_email("response.eml", bytes(message))

    assert [(attached.name, attached.blocks) for attached in document.attachments] == [
        ("Bell Society response.docx", ["Mentoring works.", "Fund it for three years."])
    ]
    assert document.text.endswith("Mentoring works.\n\nFund it for three years.")


def test_an_image_attachment_is_listed_as_unread():
    message = an_email("Our logo is attached.")
    message.add_attachment(
        b"\x89PNG\r\n\x1a\n", maintype="image", subtype="png", filename="logo.png"
    )

    document = read_email("response.eml", bytes(message))

    assert document.attachments == []
    assert document.unread_attachments == [("logo.png", "not a document we read")]
    assert document.blocks == ["Our logo is attached."]


def test_a_broken_word_attachment_is_listed_with_its_reason_and_the_body_is_still_read():
    pytest.importorskip("marginalia.documents.word")
    message = an_email("Our response is attached.")
    message.add_attachment(
        b"PK\x03\x04junk", maintype="application", subtype="octet-stream", filename="response.docx"
    )

    document = read_email("response.eml", bytes(message))

    assert document.blocks == ["Our response is attached."]
    assert document.attachments == []
    [(filename, reason)] = document.unread_attachments
    assert filename == "response.docx"
    assert "could not be read" in reason


def test_an_email_with_no_body_but_a_readable_attachment_is_read():
    pytest.importorskip("marginalia.documents.plain")
    message = an_email(body=None)
    message.add_attachment(b"Our response.", maintype="text", subtype="plain", filename="a.txt")

    document = read_document("response.eml", bytes(message))

    assert document.blocks == []
    assert document.text == "Our response."


def test_an_attached_email_is_read_but_not_an_email_attached_to_it():
    pytest.importorskip("marginalia.documents.plain")
    innermost = an_email("Three levels down.", sender="first@example.org")
    forwarded = an_email("The response we were sent.", sender="Anne <anne@example.org>")
    forwarded.add_attachment(innermost, filename="original.eml")
    forwarded.add_attachment(b"Its notes.", maintype="text", subtype="plain", filename="n.txt")
    message = an_email("Forwarding a response.")
    message.add_attachment(forwarded, filename="forwarded.eml")

    document = read_email("response.eml", bytes(message))

    [attached] = document.attachments
    assert isinstance(attached, EmailDocument)
    assert attached.name == "forwarded.eml"
    assert attached.sender == Sender(name="Anne", address="anne@example.org")
    assert attached.blocks == ["The response we were sent."]
    assert [(notes.name, notes.blocks) for notes in attached.attachments] == [
        ("n.txt", ["Its notes."])
    ]
    assert attached.unread_attachments == [
        ("original.eml", "an email attached to an attached email is not read")
    ]
    assert document.text == "Forwarding a response.\n\nThe response we were sent.\n\nIts notes."


def test_an_email_attached_as_a_file_is_read_too():
    message = an_email("Forwarding a response.")
    forwarded = bytes(an_email("The response we were sent."))
    message.add_attachment(
        forwarded, maintype="application", subtype="octet-stream", filename="forwarded.eml"
    )

    document = read_email("response.eml", bytes(message))

    assert [attached.blocks for attached in document.attachments] == [
        ["The response we were sent."]
    ]


def test_at_most_twenty_attachments_are_read_and_the_rest_listed():
    pytest.importorskip("marginalia.documents.plain")
    message = an_email("Many files.")
    for number in range(1, MAX_ATTACHMENTS_READ + 3):
        message.add_attachment(
            f"Note {number}.".encode(), maintype="text", subtype="plain", filename=f"{number}.txt"
        )

    document = read_email("response.eml", bytes(message))

    assert MAX_ATTACHMENTS_READ == 20
    assert [attached.name for attached in document.attachments] == [
        f"{number}.txt" for number in range(1, 21)
    ]
    assert document.unread_attachments == [
        ("21.txt", "only the first 20 attachments are read"),
        ("22.txt", "only the first 20 attachments are read"),
    ]


@pytest.mark.parametrize(
    "content",
    [
        b"%PDF-1.4 binary",
        random.Random(5322).randbytes(4000),
        b"Subject: nothing\n\n",
        b"Dear Sir,\n\nThis is a letter, not an email.\n",
    ],
    ids=["a PDF", "random bytes", "headers without a sender or a body", "plain text"],
)
def test_a_file_that_is_not_an_email_is_unreadable(content):
    with pytest.raises(UnreadableDocument) as raised:
        read_document("letters/letter.eml", content)

    assert raised.value.code == "unreadable"
    assert raised.value.message.startswith("letter.eml is not an email")


def test_an_email_document_is_a_document():
    document = read_email("response.eml", bytes(an_email("Yes.")))

    assert isinstance(document, Document)
    assert document.text == "Yes."


@pytest.mark.parametrize(
    "date, sent_on",
    [
        ("Sun, 30 Nov 2008 23:40:00 -0800", "2008-11-30"),  # the sender's own day
        ("30 Nov 2008 09:00:00 +0000", "2008-11-30"),
        ("yesterday", None),
        ("Mon, 1 Jan 1900 00:00:00 +0000", None),
        ("(" * 2000, None),
    ],
)
def test_the_day_an_email_was_sent_is_read_from_its_date_header(date, sent_on):
    message = EmailMessage()
    message["From"] = "Bell Society <office@bell.org.uk>"
    message["Subject"] = "Our response"
    message["Date"] = date
    message.set_content("We welcome the plan.")

    read = read_email("response.eml", message.as_bytes())

    assert (str(read.sent_on) if read.sent_on else None) == sent_on


def test_a_body_line_that_begins_like_a_header_is_read_as_the_letter():
    """Only the message's and its parts' headers are held to a header's limits: a long line of
    the letter itself that begins "To:" is a paragraph like any other."""
    from tests.hostile import EMAIL_HEAD

    line = b"To: the consultation team; " + b"we note point 1.11; " * 120
    content = EMAIL_HEAD + b"Content-Type: text/plain\r\n\r\nDear team,\r\n\r\n" + line + b"\r\n"

    blocks = read_document("letter.eml", content).blocks

    assert blocks[0] == "Dear team,"
    assert blocks[1].startswith("To: the consultation team; we note point 1.11;")


def test_a_header_folded_over_fifty_thousand_lines_is_refused_before_it_is_parsed():
    from tests.hostile import EMAIL_HEAD

    folded = b"".join(b";\r\n p%d=v" % number for number in range(50_000))
    content = EMAIL_HEAD + b"Content-Type: text/plain" + folded + b"\r\n\r\nPoint 1.11.\r\n"

    with pytest.raises(UnreadableDocument) as refused:
        read_document("letter.eml", content)

    assert refused.value.message.startswith("letter.eml has a Content-Type header far longer")
