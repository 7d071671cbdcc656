"""The summary report as an Excel workbook: Summary (each section's counts by stance), Comments
(the CSV's rows), Respondents and, once the plan has a revision, "You said, we did"; each with
a frozen header row, set widths and auto-filters.

The workbook is written in openpyxl's write-only mode, which streams each sheet to a temporary
file instead of holding every cell in memory, so a report of a million rows fits.
"""

import datetime
from collections.abc import Iterable

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from marginalia.spreadsheet_safety import neutralise
from reports.exports.xml_characters import xml_safe
from responses.models import Respondent

# Excel's limit; a sheet that fills up continues on "Comments (2)" and so on.
MAX_ROWS_PER_SHEET = 1_048_576
WIDE_COLUMNS = {
    "Comment",
    "Quoted wording",
    "Proposed wording",
    "Plan change",
    "Internal note",
    "Old wording",
    "New wording",
    "Quotes and what became of them",
}
NARROW_COLUMNS = {"Section number", "Comment position", "Total", "Comments"}


def _width(column):
    if column in WIDE_COLUMNS:
        return 60
    if column in NARROW_COLUMNS:
        return 12
    return max(16, min(len(column) + 4, 40))


def _new_sheet(workbook, title, columns):
    sheet = workbook.create_sheet(title)
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = _width(column)
    sheet.freeze_panes = "A2"
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=_cell_value(column))
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    return sheet


def _cell_value(value):
    # Excel has no time zones: a moment is written as the local time it was.
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.make_naive(value)
    return neutralise(xml_safe(value))


def _filter_rows(sheet, columns, row_count):
    # Write-only sheets write their auto-filter after their rows, so it can span them exactly.
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{row_count}"


def _add_table(workbook, title, columns, rows: Iterable[tuple]):
    """Write `rows` under a header of `columns`, on as many sheets as Excel's row limit needs."""
    sheet = _new_sheet(workbook, title, columns)
    sheet_number, written = 1, 1
    for row in rows:
        if written == MAX_ROWS_PER_SHEET:
            _filter_rows(sheet, columns, written)
            sheet_number += 1
            sheet = _new_sheet(workbook, f"{title} ({sheet_number})", columns)
            written = 1
        sheet.append([_cell_value(value) for value in row])
        written += 1
    _filter_rows(sheet, columns, written)


def _you_said_we_did_rows(part):
    for row in part.rows:
        change, new = row.change, row.change.new_section
        yield (
            new.number if new else "",
            change.old_number,
            change.get_kind_display(),
            row.outcome_label,
            row.comments_count,
            row.asking_count,
            f"{change.old_heading}\n{change.old_text}".strip(),
            f"{new.heading}\n{new.text}".strip() if new else "",
            " … ".join(words for op, words in row.diff if op == "delete"),
            " … ".join(words for op, words in row.diff if op == "insert"),
            "\n".join(f"{quote.who}: ‘{quote.quoted}’ – {quote.summary}" for quote in row.followed),
        )


def write_xlsx(
    *, title, overview, table, respondents, file, you_said_we_did=None, codes=()
) -> None:
    """Write the workbook to `file` (a path or a binary file): `overview` gives the Summary
    sheet, `table` (a CommentTable) the Comments sheet, `respondents` the Respondents sheet, and
    `you_said_we_did` (revisions.selectors.YouSaidWeDid), if the plan has a revision, its own;
    `codes` (reports.report.coded_parts), if the reader reads the coding frame, a Codes sheet."""
    workbook = Workbook(write_only=True)
    workbook.properties.title = title
    stance_labels = [label for _, label in overview.stances]
    _add_table(
        workbook,
        "Summary",
        ["Section number", "Section heading", *stance_labels, "Total"],
        (
            (
                entry.section.number,
                entry.section.heading,
                *(count.count for count in entry.stance_counts),
                entry.total,
            )
            for entry in overview.sections
        ),
    )
    _add_table(workbook, "Comments", table.columns, table.rows)
    _add_table(
        workbook,
        "Respondents",
        [
            "Respondent",
            "Respondent kind",
            "Response reference",
            "Response status",
            "Submitted at",
            "Comments",
        ],
        (
            (
                respondent.name,
                respondent.kind,
                respondent.reference,
                respondent.status,
                respondent.submitted_at,
                respondent.comment_count,
            )
            for respondent in respondents
        ),
    )
    if you_said_we_did is not None:
        version = you_said_we_did.version
        _add_table(
            workbook,
            "You said, we did",
            [
                f"Section in version {version.number}",
                f"Section in version {version.previous_number}",
                "Change",
                "Outcome",
                "Comments",
                "Asking for a change",
                "Old wording",
                "New wording",
                "Words taken out",
                "Words put in",
                "Quotes and what became of them",
            ],
            _you_said_we_did_rows(you_said_we_did),
        )
    if codes:
        kinds = [label for _, label in Respondent.Kind.choices]
        _add_table(
            workbook,
            "Codes",
            ["Code", *stance_labels, *(f"From {kind.lower()}s" for kind in kinds), "Comments"],
            (
                (
                    str(part.code),
                    *(dict(part.by_stance).get(label, 0) for label in stance_labels),
                    *(dict(part.by_kind).get(kind, 0) for kind in kinds),
                    part.count,
                )
                for part in codes
            ),
        )
    workbook.save(file)
