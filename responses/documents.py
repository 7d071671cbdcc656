"""Reading a response a respondent uploads: plain text or a Word document, nothing else."""

import io

from django.core.exceptions import ValidationError

DOCX_CONTENT_START = b"PK\x03\x04"  # a .docx is a zip archive


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
    if b"\x00" in content:
        raise ValidationError(
            "The file is not plain text. Upload a .txt or .docx file, or paste the text.",
            code="unreadable",
        )
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValidationError(
        "The file's characters could not be read. Save it as UTF-8 text, or paste the text.",
        code="unreadable",
    )


def _read_docx(content):
    from docx import Document  # python-docx is only needed when a Word file arrives

    unreadable = ValidationError(
        "The Word file could not be read. Save it again as .docx, or paste the text.",
        code="unreadable",
    )
    if not content.startswith(DOCX_CONTENT_START):
        raise unreadable
    try:
        document = Document(io.BytesIO(content))
    except Exception as error:  # python-docx raises assorted errors: zip, XML, missing parts
        raise unreadable from error
    # Word paragraphs are lines; a blank line between them keeps each one a comment.
    return "\n\n".join(
        paragraph.text for paragraph in document.paragraphs if paragraph.text.strip()
    )
