"""Reading an uploaded response: Word files that unpack too large, text written in Word tables,
and Notepad's "Unicode" text files."""

import codecs
import io
import zipfile

import docx
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from responses.documents import read_uploaded_text
from tests.page_text import visible_text

MAX_BYTES = 2 * 1024 * 1024
TOO_LARGE = "{} is too large once unpacked. Split the file, or paste the text."


def read(name, content):
    return read_uploaded_text(SimpleUploadedFile(name, content), max_bytes=MAX_BYTES)


def refusal(name, content):
    """The messages of the ValidationError that reading the file raises."""
    with pytest.raises(ValidationError) as refused:
        read(name, content)
    return refused.value.messages


def word_bomb():
    """A few kilobytes of zip whose document part unpacks to 3 MB of spaces."""
    content = io.BytesIO()
    with zipfile.ZipFile(content, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("word/document.xml", b" " * (3 * 1024 * 1024))
    return content.getvalue()


def word_bytes(document):
    content = io.BytesIO()
    document.save(content)
    return content.getvalue()


def response_in_a_table():
    """A Word response written as a 'Section | Comment' grid between two paragraphs."""
    document = docx.Document()
    document.add_paragraph("Our comments follow.")
    table = document.add_table(rows=3, cols=2)
    for row, (section, comment) in zip(
        table.rows,
        [
            ("Section", "Comment"),
            ("Point 1.11", "Consortia building should be encouraged."),
            ("Point 3.5", "Volunteering matters."),
        ],
        strict=True,
    ):
        row.cells[0].text = section
        row.cells[1].text = comment
    table.cell(2, 1).add_paragraph("It needs funding.")
    document.add_paragraph("Thank you.")
    return word_bytes(document)


def test_a_word_file_that_unpacks_beyond_the_limit_is_refused(settings):
    settings.MARGINALIA_MAX_INFLATED_BYTES = 1024 * 1024

    assert refusal("bomb.docx", word_bomb()) == [TOO_LARGE.format("bomb.docx")]


def test_a_word_file_with_more_members_than_the_limit_is_refused(settings):
    settings.MARGINALIA_MAX_ARCHIVE_MEMBERS = 20
    document = docx.Document()
    document.add_paragraph("Readable words.")
    content = io.BytesIO(word_bytes(document))
    with zipfile.ZipFile(content, "a") as archive:
        for number in range(30):
            archive.writestr(f"word/media/image{number}.png", b"")

    assert refusal("many.docx", content.getvalue()) == [TOO_LARGE.format("many.docx")]


def test_a_response_written_in_a_word_table_keeps_every_word_row_by_row():
    assert read("table.docx", response_in_a_table()) == (
        "Our comments follow.\n\n"
        "Section – Comment\n\n"
        "Point 1.11 – Consortia building should be encouraged.\n\n"
        "Point 3.5 – Volunteering matters.\nIt needs funding.\n\n"
        "Thank you."
    )


def test_merged_table_cells_are_read_once():
    document = docx.Document()
    table = document.add_table(rows=3, cols=2)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "Comments on chapter 1"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "1.11"
    table.cell(1, 1).text = "First point."
    table.cell(2, 1).text = "Second point."

    assert read("merged.docx", word_bytes(document)) == (
        "Comments on chapter 1\n\n1.11 – First point.\n\nSecond point."
    )


def test_a_table_inside_a_table_cell_is_read():
    document = docx.Document()
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "2.8"
    outer.cell(0, 1).text = "Two views:"
    inner = outer.cell(0, 1).add_table(rows=2, cols=1)
    inner.cell(0, 0).text = "Staff agree."
    inner.cell(1, 0).text = "Volunteers disagree."

    assert read("nested.docx", word_bytes(document)) == (
        "2.8 – Two views:\nStaff agree.\nVolunteers disagree."
    )


NOTEPAD_TEXT = "Point 1.11 is ‘considered’ – café.\r\n\r\nThe plan says little about victims."


@pytest.mark.parametrize(
    "content",
    [
        codecs.BOM_UTF16_LE + NOTEPAD_TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + NOTEPAD_TEXT.encode("utf-16-be"),
        codecs.BOM_UTF32_LE + NOTEPAD_TEXT.encode("utf-32-le"),
    ],
    ids=["utf-16-le", "utf-16-be", "utf-32-le"],
)
def test_a_unicode_text_file_with_a_byte_order_mark_is_read(content):
    assert read("response.txt", content) == NOTEPAD_TEXT.replace("\r\n", "\n")


def test_a_binary_file_that_starts_like_utf_16_is_still_refused():
    content = codecs.BOM_UTF16_LE + b"\x01\x00\x00\x00\xfe\xed\xfa\xce"

    assert refusal("binary.txt", content) == [
        "The file is not plain text. Upload a .txt or .docx file, or paste the text."
    ]


@pytest.mark.django_db
def test_uploading_a_word_bomb_shows_the_error_and_adds_no_comments(client, draft, settings):
    settings.MARGINALIA_MAX_INFLATED_BYTES = 1024 * 1024
    upload = SimpleUploadedFile("bomb.docx", word_bomb())

    page = client.post(f"/responses/{draft.pk}/paste/", {"version": "0", "document": upload})

    assert page.status_code == 200
    assert TOO_LARGE.format("bomb.docx") in visible_text(page)
    assert not draft.comments.exists()


@pytest.mark.django_db
def test_uploading_a_word_table_makes_each_row_a_comment_linked_to_its_section(client, draft):
    upload = SimpleUploadedFile("table.docx", response_in_a_table())

    client.post(f"/responses/{draft.pk}/paste/", {"version": "0", "document": upload})

    comments = draft.comments.order_by("position")
    assert [comment.text for comment in comments] == [
        "Our comments follow.",
        "Section – Comment",
        "Point 1.11 – Consortia building should be encouraged.",
        "Point 3.5 – Volunteering matters.\nIt needs funding.",
        "Thank you.",
    ]
    assert [list(comment.sections.values_list("number", flat=True)) for comment in comments] == [
        [],
        [],
        ["1.11"],
        ["3.5"],
        [],
    ]
