"""The summary report as an HTTP download: for the report's URLs and the plan admin's action.

The CSV streams from the database as it is sent. The XLSX and DOCX are written first, to memory
while small and to a temporary file beyond that, then sent.
"""

from tempfile import SpooledTemporaryFile

from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header

from reports.models import ExportLog
from reports.services import export_report, stream_csv

OPEN_XML = "application/vnd.openxmlformats-officedocument"
CONTENT_TYPES = {
    ExportLog.Format.CSV: "text/csv; charset=utf-8",
    ExportLog.Format.XLSX: f"{OPEN_XML}.spreadsheetml.sheet",
    ExportLog.Format.DOCX: f"{OPEN_XML}.wordprocessingml.document",
}
IN_MEMORY_BYTES = 10 * 1024 * 1024


def report_filename(plan, format):
    """e.g. noms-third-sector-action-plan-summary-2025-03-31.xlsx"""
    return f"{plan.slug}-summary-{timezone.localdate():%Y-%m-%d}.{format}"


def report_download(*, plan, user, filters, format):
    """`plan`'s report in `format` (csv, xlsx or docx) as an attachment; the export is logged."""
    filename = report_filename(plan, format)
    if format == ExportLog.Format.CSV:
        return StreamingHttpResponse(
            stream_csv(plan=plan, user=user, filters=filters),
            content_type=CONTENT_TYPES[format],
            headers={"Content-Disposition": content_disposition_header(True, filename)},
        )
    # FileResponse closes the file once it is sent, so no `with` here.
    output = SpooledTemporaryFile(max_size=IN_MEMORY_BYTES)  # noqa: SIM115
    export_report(plan=plan, user=user, filters=filters, format=format, output=output)
    output.seek(0)
    return FileResponse(
        output, as_attachment=True, filename=filename, content_type=CONTENT_TYPES[format]
    )
