"""Exporting the summary report to a file in each format, and logging every export: who, which
plan, which format, which filters, how many rows.

`user` is who exports, and the report holds what they may read; the management command exports
as `selectors.command_line_admin()`, which is no account and is logged without a user.
"""

from marginalia.csv_files import csv_chunks
from reports.exports import csv_by_database
from reports.exports.docx import write_docx
from reports.exports.html import render_html
from reports.exports.xlsx import write_xlsx
from reports.models import ExportLog
from reports.report import coded_parts, respondent_summaries, summary_report
from reports.selectors import reported_comments
from reports.table import CommentTable, comment_table
from responses.overview import overview_of_plan
from revisions.selectors import you_said_we_did


def log_export(*, user, plan, format, filters, row_count=None) -> ExportLog:
    return ExportLog.objects.create(
        # The command line exports as an administrator who is no account: no user to log.
        user=user if user.pk is not None else None,
        plan=plan,
        format=format,
        filters=filters.as_json(),
        row_count=row_count,
    )


class RowTally:
    """Passes rows through, counting them, so the log can say how many were exported."""

    def __init__(self, rows):
        self.rows = rows
        self.count = 0

    def __iter__(self):
        for row in self.rows:
            self.count += 1
            yield row


class PythonCsv:
    """The CSV file's bytes written by Python from the report's rows, counting them (`count`)."""

    def __init__(self, *, plan, viewer, filters, progress=iter):
        table = comment_table(plan=plan, viewer=viewer, filters=filters)
        self.columns, self.rows, self.progress = table.columns, RowTally(table.rows), progress

    @property
    def count(self):
        return self.rows.count

    def __iter__(self):
        yield from csv_chunks(self.columns, self.progress(self.rows))


def report_csv(*, plan, user, filters, progress=iter):
    """The CSV file's bytes, written by the database where it can (PostgreSQL), at its speed;
    else by Python, whose rows `progress` wraps (the command's progress bar)."""
    if csv_by_database.available():
        return csv_by_database.DatabaseCsv(plan=plan, viewer=user, filters=filters)
    return PythonCsv(plan=plan, viewer=user, filters=filters, progress=progress)


def stream_csv(*, plan, user, filters):
    """Log the export now and return the CSV file's chunks, which query the database as they are
    read. The log gets its row count when the last chunk is out, so it stays empty if the
    download is abandoned."""
    log = log_export(user=user, plan=plan, format=ExportLog.Format.CSV, filters=filters)
    return _counted_chunks(log, report_csv(plan=plan, user=user, filters=filters))


def _counted_chunks(log, csv_file):
    yield from csv_file
    ExportLog.objects.filter(pk=log.pk).update(row_count=csv_file.count)


def _write_csv(*, plan, user, filters, output, progress):
    csv_file = report_csv(plan=plan, user=user, filters=filters, progress=progress)
    for chunk in csv_file:
        output.write(chunk)
    return csv_file.count


def _write_xlsx(*, plan, user, filters, output, progress):
    table = comment_table(plan=plan, viewer=user, filters=filters)
    rows = RowTally(table.rows)
    comments = reported_comments(plan=plan, viewer=user, filters=filters)
    write_xlsx(
        title=plan.title,
        overview=overview_of_plan(plan=plan, comments=comments),
        table=CommentTable(columns=table.columns, rows=progress(rows)),
        respondents=respondent_summaries(plan=plan, viewer=user, filters=filters),
        file=output,
        you_said_we_did=you_said_we_did(plan=plan, viewer=user, comments=comments),
        codes=coded_parts(plan, comments, user),
    )
    return rows.count


def _write_docx(*, plan, user, filters, output, progress):
    report = summary_report(plan=plan, viewer=user, filters=filters)
    write_docx(report, output, progress=progress)
    return report.comment_count


def _write_html(*, plan, user, filters, output, progress):
    report = summary_report(plan=plan, viewer=user, filters=filters)
    output.write(render_html(report).encode())
    return report.comment_count


_WRITERS = {
    ExportLog.Format.CSV: _write_csv,
    ExportLog.Format.XLSX: _write_xlsx,
    ExportLog.Format.DOCX: _write_docx,
    ExportLog.Format.HTML: _write_html,
}


def export_report(*, plan, user, filters, format, output, progress=iter) -> ExportLog:
    """Write `plan`'s report in `format` to `output`, a binary file, and log it with the number
    of rows (CSV, XLSX) or comments (HTML, DOCX) written. `progress` wraps the rows or the
    sections as they are written: the command's progress bar."""
    row_count = _WRITERS[format](
        plan=plan, user=user, filters=filters, output=output, progress=progress
    )
    return log_export(user=user, plan=plan, format=format, filters=filters, row_count=row_count)
