"""Reports made in the background (django-tasks, run by `manage.py db_worker`): a Word document or
web page of more comments than can be made while the reader waits. Each is a ReportJob, a job of
marginalia.jobs' shape: asked for by request_report, made once by make_report, made again from
the start if its worker died (resume_stalled_jobs), nothing of it having been kept."""

import io

from django.db import transaction
from django_tasks import task

from marginalia import jobs
from reports.downloads import report_filename
from reports.filters import ReportFilters
from reports.models import ReportJob
from reports.services import export_report


def request_report(*, plan, user, format, filters) -> ReportJob:
    """A report of the plan's comments (`filters` as ReportFilters.as_json gives them) asked
    for by `user`, to be made in the background once this transaction commits."""
    job = ReportJob.objects.create(plan=plan, requested_by=user, format=format, filters=filters)
    transaction.on_commit(lambda: make_report.enqueue(job.pk))
    return job


@task()
def make_report(job_id):
    """Make the job's report once, whichever worker takes it first."""
    if not jobs.claim(ReportJob.objects, job_id):
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
        jobs.fail(ReportJob.objects, job_id, error)
        raise
    jobs.finish(
        ReportJob.objects,
        job_id,
        content=output.getvalue(),
        filename=report_filename(job.plan, job.format),
    )
    return log.row_count


def resume_stalled_jobs(found=None):
    """Queue again every report job (of `found`, else all) whose worker died."""
    return jobs.resume_stalled(
        ReportJob.objects.all() if found is None else found,
        lambda job: make_report.enqueue(job.pk),
    )
