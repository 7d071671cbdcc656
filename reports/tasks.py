"""Reports made in the background (django-tasks, run by `manage.py db_worker`): a Word document or
web page of more comments than can be made while the reader waits."""

import io
from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django_tasks import task

from reports.downloads import report_filename
from reports.filters import ReportFilters
from reports.models import ReportJob
from reports.services import export_report


@task()
def make_report(job_id):
    """Make the job's report once, whichever worker gets it first; a job a dead worker left is
    made again from the start (resume_stalled_jobs), nothing of it having been kept."""
    taken = ReportJob.objects.filter(
        Q(status=ReportJob.Status.QUEUED) | Q(status=ReportJob.Status.WORKING), pk=job_id
    ).update(status=ReportJob.Status.WORKING, updated_at=timezone.now())
    if not taken:
        return None
    job = ReportJob.objects.select_related("plan", "requested_by").get(pk=job_id)
    output = io.BytesIO()
    try:
        log = export_report(
            plan=job.plan,
            user=job.requested_by,
            filters=ReportFilters.from_json(job.filters),
            format=job.format,
            output=output,
        )
    except Exception as error:
        job.status, job.error = ReportJob.Status.FAILED, f"{type(error).__name__}: {error}"
        job.save(update_fields=["status", "error", "updated_at"])
        raise
    job.content = output.getvalue()
    job.filename = report_filename(job.plan, job.format)
    job.status = ReportJob.Status.READY
    job.save(update_fields=["content", "filename", "status", "updated_at"])
    return log.row_count


def resume_stalled_jobs(jobs=None):
    """Queue again every job (of `jobs`, else all) that has waited or worked without moving for
    the claim timeout."""
    stalled = timezone.now() - timedelta(seconds=settings.TASK_CLAIM_TIMEOUT)
    jobs = (ReportJob.objects.all() if jobs is None else jobs).filter(
        status__in=[ReportJob.Status.QUEUED, ReportJob.Status.WORKING], updated_at__lt=stalled
    )
    resumed = 0
    for job in jobs:
        if ReportJob.objects.filter(pk=job.pk, updated_at=job.updated_at).update(
            status=ReportJob.Status.QUEUED, updated_at=timezone.now()
        ):
            make_report.enqueue(job.pk)
            resumed += 1
    return resumed
