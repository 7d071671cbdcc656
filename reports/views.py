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
from reports.services import log_export


@report_admin_required
def summary(request, slug, ext):
    plan = get_object_or_404(Plan, slug=slug)
    form = ReportFilterForm(request.GET)
    if not form.is_valid():
        return render(request, "reports/bad_filters.html", {"plan": plan, "form": form}, status=400)
    filters = form.filters()
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
