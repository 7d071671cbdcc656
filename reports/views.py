"""The summary report's pages: the report of a plan at /reports/<slug>/summary.<format>, and
those too large to make while the reader waits, made in the background."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from plans.models import Plan
from reports.downloads import CONTENT_TYPES, report_download
from reports.exports.html import render_html
from reports.forms import ReportFilterForm
from reports.models import ExportLog, ReportJob
from reports.permissions import report_admin_required
from reports.report import summary_report
from reports.selectors import report_size, reported_comments
from reports.services import log_export
from reports.tasks import request_report, resume_stalled_jobs

# A web page or Word document of every comment is made while the reader waits, whole: beyond
# this many comments it would not be ready in time, and the CSV and Excel files, which stream
# row by row, are offered instead.
# A Word document or web page drawing more rows than this (comments, their links to sections,
# and sections: reports.selectors.report_size) is made in the background: a 312-section plan's
# 10,000 comments on five sections each, about 60,000 rows, took 23 seconds as a Word document
# (make bench), so this many is ready within a few seconds.
MAX_ROWS_IN_A_DOCUMENT = 6_000
WHOLE_DOCUMENT_FORMATS = (ExportLog.Format.HTML, ExportLog.Format.DOCX)


@report_admin_required
def summary(request, slug, ext):
    plan = get_object_or_404(Plan, slug=slug)
    form = ReportFilterForm(request.GET)
    if not form.is_valid():
        return render(request, "reports/bad_filters.html", {"plan": plan, "form": form}, status=400)
    filters = form.filters()
    if ext in WHOLE_DOCUMENT_FORMATS:
        comments = reported_comments(plan=plan, viewer=request.user, filters=filters)
        size = report_size(plan=plan, comments=comments)
        if size.rows > MAX_ROWS_IN_A_DOCUMENT:
            return render(
                request,
                "reports/too_large.html",
                {"plan": plan, "form": form, "format": ext, "size": size},
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


@require_POST
@report_admin_required
def make_in_background(request, slug, ext):
    """A report too large to make while the reader waits, queued for a background worker."""
    plan = get_object_or_404(Plan, slug=slug)
    form = ReportFilterForm(request.GET)
    if ext not in WHOLE_DOCUMENT_FORMATS or not form.is_valid():
        return render(request, "reports/bad_filters.html", {"plan": plan, "form": form}, status=400)
    job = request_report(plan=plan, user=request.user, format=ext, filters=form.filters().as_json())
    return redirect("reports:job", pk=job.pk)


def _job_or_404(request, pk):
    """One of the reader's own background reports."""
    return get_object_or_404(
        ReportJob.objects.select_related("plan").defer("content"), pk=pk, requested_by=request.user
    )


@report_admin_required
def job(request, pk):
    resume_stalled_jobs(ReportJob.objects.filter(pk=pk, requested_by=request.user))
    found = _job_or_404(request, pk)
    return render(
        request,
        "reports/job.html",
        {"job": found, "plan": found.plan, "at_work": found.at_work, "refresh_seconds": 3},
    )


@report_admin_required
def job_download(request, pk):
    found = _job_or_404(request, pk)
    if found.state != ReportJob.State.DONE:
        return redirect("reports:job", pk=found.pk)
    content = ReportJob.objects.values_list("content", flat=True).get(pk=found.pk)
    return HttpResponse(
        bytes(content),
        content_type=CONTENT_TYPES.get(found.format, "text/html; charset=utf-8"),
        headers={"Content-Disposition": content_disposition_header(True, found.filename)},
    )
