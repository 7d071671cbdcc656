"""Reading a response uploaded as a document (marginalia.documents): only its text goes on,
into comments."""

from marginalia.documents.uploads import read_uploaded_document

# What a respondent may upload.
RESPONSE_SUFFIXES = (".txt", ".docx", ".odt", ".pdf")


def read_uploaded_text(upload, *, max_bytes, suffixes=RESPONSE_SUFFIXES) -> str:
    return read_uploaded_document(upload, max_bytes=max_bytes, suffixes=suffixes).text
