"""A survey tool's export, one row per respondent: read from .csv or .xlsx into its column
headings and rows of text, and each column assigned (guessed, then corrected by the officer) to a
section, a theme, the whole plan, or the respondent's details."""

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import PurePath

from marginalia.archives import ArchiveTooLarge, open_zip_archive
from marginalia.documents import UnreadableDocument
from marginalia.documents.plain import decode_plain_text
from marginalia.documents.sandbox import run_untrusted
from plans.validators import SECTION_NUMBER

SURVEY_SUFFIXES = (".csv", ".xlsx")
MAX_ROWS = 10_000
MAX_COLUMNS = 200

# What a column can be assigned to, besides a section ("section:1.11") or a theme ("theme:3").
SKIP, NAME, KIND, EMAIL, WHOLE_PLAN = "skip", "name", "kind", "email", "plan"


class SurveyUnreadable(UnreadableDocument):
    """The survey cannot be read; str(error) says why."""

    def __init__(self, message, *, code="unreadable"):
        super().__init__(message, code=code)


@dataclass
class Survey:
    columns: list[str]
    rows: list[list[str]]  # each as long as `columns`
    first_row_number: int  # the spreadsheet's row number of rows[0], to name rows by


def read_survey(name, content) -> Survey:
    """The survey in `content`, read in a child process within the document budget
    (marginalia.documents.sandbox); SurveyUnreadable, saying why, if it cannot be."""
    try:
        return run_untrusted(read_survey_here, name, content, name=name)
    except UnreadableDocument as error:  # what the child raised comes back as one
        raise SurveyUnreadable(error.message, code=error.code) from error


def read_survey_here(name, content) -> Survey:
    """read_survey in this process: for the sandbox's child, and for tests of the format."""
    filename = PurePath(name).name
    suffix = PurePath(name).suffix.lower()
    if suffix not in SURVEY_SUFFIXES:
        raise SurveyUnreadable(f"{filename}: a survey must be a .csv or .xlsx file.")
    table = _csv_rows(filename, content) if suffix == ".csv" else _xlsx_rows(filename, content)
    table = [row for row in table if any(cell.strip() for cell in row)]
    if len(table) < 2:
        raise SurveyUnreadable(f"{filename} has no rows of answers under its headings.")
    header, *rows = table
    if len(rows) > MAX_ROWS:
        raise SurveyUnreadable(
            f"{filename} has more than {MAX_ROWS:,} rows; import at most {MAX_ROWS:,} at a time."
        )
    width = max(len(row) for row in table)
    if width > MAX_COLUMNS:
        raise SurveyUnreadable(
            f"{filename} has more than {MAX_COLUMNS} columns; at most {MAX_COLUMNS} are read."
        )
    columns = [
        (header[index].strip() if index < len(header) else "") or f"Column {index + 1}"
        for index in range(width)
    ]
    padded = [[cell.strip() for cell in row] + [""] * (width - len(row)) for row in rows]
    return Survey(columns=columns, rows=padded, first_row_number=2)


def _csv_rows(filename, content):
    try:
        text = decode_plain_text(content)
    except UnreadableDocument as error:
        raise SurveyUnreadable(f"{filename}: {error.message}") from error
    try:
        dialect = csv.Sniffer().sniff(text[:10_000], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    csv.field_size_limit(1_000_000)
    rows = []
    try:
        for row in csv.reader(io.StringIO(text), dialect):
            # Enough rows to say there are too many, and no more: a 20 MB file of empty rows
            # would otherwise be millions of lists.
            if any(cell.strip() for cell in row):
                rows.append(row[: MAX_COLUMNS + 1])
                if len(rows) > MAX_ROWS + 1:
                    break
        return rows
    except csv.Error as error:
        raise SurveyUnreadable(f"{filename} is not a CSV file we can read ({error}).") from error


def _xlsx_rows(filename, content):
    from openpyxl import load_workbook

    unreadable = SurveyUnreadable(
        f"{filename}: the Excel file could not be read. Save it again as .xlsx or .csv."
    )
    try:
        with open_zip_archive(content) as archive:
            _check_shared_strings(filename, archive)
    except ArchiveTooLarge as error:
        raise SurveyUnreadable(f"{filename} is too large once unpacked: {error}") from error
    except zipfile.BadZipFile as error:
        raise unreadable from error
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        rows = []
        for row in sheet.iter_rows(values_only=True):
            rows.append([_cell_text(value) for value in row[: MAX_COLUMNS + 1]])
            if len(rows) > MAX_ROWS + 1:
                break
        workbook.close()
    except Exception as error:  # openpyxl raises assorted errors on a damaged workbook
        raise unreadable from error
    return rows


# Distinct texts an .xlsx may hold: a survey's every answer to every question of MAX_ROWS rows
# would be far fewer. openpyxl reads them all into memory before the first row.
MAX_SHARED_STRINGS = 500_000


def _check_shared_strings(filename, archive):
    """SurveyUnreadable if the workbook's (an open zip `archive`) table of shared texts holds
    more than MAX_SHARED_STRINGS, counted as it is inflated, a megabyte at a time."""
    names = [name for name in archive.namelist() if name.lower().endswith("sharedstrings.xml")]
    for name in names:
        count, tail = 0, b""
        with archive.open(name) as part:
            while chunk := part.read(1024 * 1024):
                count += (tail + chunk).count(b"<si") - tail.count(b"<si")
                tail = chunk[-3:]
                if count > MAX_SHARED_STRINGS:
                    raise SurveyUnreadable(
                        f"{filename} holds more than {MAX_SHARED_STRINGS:,} different texts; "
                        "save the survey as .csv, or in parts.",
                        code="too_large",
                    )


def _cell_text(value):
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


NUMBER_IN_HEADING = re.compile(rf"(?<![\d.])({SECTION_NUMBER.pattern})(?![\d.])")


def guess_column(heading, *, sections, themes):
    """What the column headed `heading` most likely holds: a section named by its number, a
    theme by its name, the respondent's name, kind or email, or else comments on the whole
    plan. `sections` are the plan's section numbers, `themes` {theme name: id}."""
    lowered = heading.lower()
    for number in NUMBER_IN_HEADING.findall(heading):
        if number in sections:
            return f"section:{number}"
    for name, theme_id in themes.items():
        if name.lower() in lowered:
            return f"theme:{theme_id}"
    if "email" in lowered or "e-mail" in lowered:
        return EMAIL
    if re.search(r"\b(type|kind|respond(ing)? as|capacity)\b", lowered):
        return KIND
    if re.search(r"\b(name|organi[sz]ation|respondent)\b", lowered):
        return NAME
    if re.search(r"\b(id|date|time|timestamp|submitted|ip|started|completed)\b", lowered):
        return SKIP
    return WHOLE_PLAN


def kind_of(value):
    """'organisation' or 'individual' from what a survey's kind column says, or None."""
    lowered = value.lower()
    if re.search(r"organi[sz]ation|charity|company|group|body|business", lowered):
        return "organisation"
    if re.search(r"individual|person|myself|member of the public|citizen", lowered):
        return "individual"
    return None
