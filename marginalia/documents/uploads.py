"""An uploaded document read for a form: its suffix and size checked first, then read within the
document budget (marginalia.documents.sandbox), and anything that cannot be read turned into the
form's ValidationError with the reader's message."""

from django.core.exceptions import ValidationError

from marginalia.documents import Document, UnreadableDocument, suffix_of
from marginalia.documents.sandbox import read_untrusted


def describe_suffixes(suffixes):
    """(".txt", ".docx", ".pdf") as ".txt, .docx or .pdf"."""
    *most, last = suffixes
    return f"{', '.join(most)} or {last}" if most else last


def describe_bytes(size):
    return f"{size // (1024 * 1024)} MB" if size >= 1024 * 1024 else f"{size // 1024} KB"


def read_uploaded_document(upload, *, max_bytes, suffixes) -> Document:
    """The uploaded document read, or a ValidationError saying why it cannot be. The file is
    read in memory and never stored."""
    if suffix_of(upload.name) not in suffixes:
        raise ValidationError(
            f"The file must be a {describe_suffixes(suffixes)} file.", code="file_type"
        )
    if upload.size > max_bytes:
        raise ValidationError(
            f"The file must be smaller than {describe_bytes(max_bytes)}.", code="file_size"
        )
    try:
        return read_untrusted(upload.name, upload.read())
    except UnreadableDocument as error:
        raise ValidationError(error.message, code=error.code) from error
