"""The summary report's pages: the report of a plan at /reports/<slug>/summary.<format>."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render

from plans.models import Plan
from reports.downloads import report_download
from reports.exports.html import render_html
from reports.forms import ReportFilterForm
from reports.models import ExportLog
from reports.permissions import report_admin_required
from reports.report import summary_report
from reports.selectors import reported_comments
from reports.services import log_export

# A web page or Word document of every comment is made while the reader waits, whole: beyond
# this many comments it would not be ready in time, and the CSV and Excel files, which stream
# row by row, are offered instead.
MAX_COMMENTS_IN_A_DOCUMENT = 5_000
WHOLE_DOCUMENT_FORMATS = (ExportLog.Format.HTML, ExportLog.Format.DOCX)


@report_admin_required
def summary(request, slug, ext):
    plan = get_object_or_404(Plan, slug=slug)
    form = ReportFilterForm(request.GET)
    if not form.is_valid():
        return render(request, "reports/bad_filters.html", {"plan": plan, "form": form}, status=400)
    filters = form.filters()
    if ext in WHOLE_DOCUMENT_FORMATS:
        comment_count = reported_comments(plan=plan, viewer=request.user, filters=filters).count()
        if comment_count > MAX_COMMENTS_IN_A_DOCUMENT:
            return render(
                request,
                "reports/too_large.html",
                {"plan": plan, "form": form, "format": ext, "comment_count": comment_count},
            )
    if ext != ExportLog.Format.HTML:
        return report_download(plan=plan, user=request.user, filters=filters, format=ext)
    report = summary_report(plan=plan, viewer=request.user, filters=filters)
    log_export(
        user=request.user,
        plan=plan,
        format=ext,
        filters=filters,
        row_count=report.comment_count,
    )
    return HttpResponse(render_html(report, request=request, form=form))
