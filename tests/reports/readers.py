"""Reading the summary report's exports back, each with its own reader, for assertions."""

import csv
import io

import docx
import openpyxl

PLAN_SLUG = "noms-third-sector-action-plan"
SEED_SECTIONS = ["1.3", "1.11", "1.15", "2.8", "3.5"]


def report_url(ext, slug=PLAN_SLUG):
    return f"/reports/{slug}/summary.{ext}"


def body(response):
    """The bytes of a response, streamed or not."""
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def csv_rows(response):
    """The CSV as a list of dicts, one per row, keyed by the header."""
    text = body(response).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def workbook(response):
    return openpyxl.load_workbook(io.BytesIO(body(response)))


def sheet_rows(sheet):
    """A sheet's rows as dicts keyed by its header row."""
    rows = sheet.iter_rows(values_only=True)
    header = next(rows)
    return [dict(zip(header, row, strict=True)) for row in rows]


def document(response):
    return docx.Document(io.BytesIO(body(response)))


def paragraphs(document):
    """(style name, text) of each paragraph, in order."""
    return [(paragraph.style.name, paragraph.text) for paragraph in document.paragraphs]
