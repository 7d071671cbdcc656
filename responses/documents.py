"""Reading a response uploaded as a document (marginalia.documents), with the form's message when
it cannot be: the file is read in memory, and only its text goes on, into comments."""

from django.core.exceptions import ValidationError

from marginalia.documents import Document, UnreadableDocument, read_document, suffix_of

# What a respondent may upload; an officer recording a response received by email may also
# upload the email itself (.eml).
RESPONSE_SUFFIXES = (".txt", ".docx", ".odt", ".pdf")


def describe_suffixes(suffixes):
    *most, last = suffixes
    return f"{', '.join(most)} or {last}" if most else last


def read_uploaded_document(upload, *, max_bytes, suffixes=RESPONSE_SUFFIXES) -> Document:
    """The uploaded document read, or a ValidationError saying why it cannot be."""
    if suffix_of(upload.name) not in suffixes:
        raise ValidationError(
            f"The file must be a {describe_suffixes(suffixes)} file.", code="file_type"
        )
    if upload.size > max_bytes:
        raise ValidationError(
            f"The file must be smaller than {max_bytes // (1024 * 1024)} MB.", code="file_size"
        )
    try:
        return read_document(upload.name, upload.read())
    except UnreadableDocument as error:
        raise ValidationError(error.message, code=error.code) from error


def read_uploaded_text(upload, *, max_bytes, suffixes=RESPONSE_SUFFIXES) -> str:
    return read_uploaded_document(upload, max_bytes=max_bytes, suffixes=suffixes).text
