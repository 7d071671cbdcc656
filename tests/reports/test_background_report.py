"""A report too large to make while its reader waits, made by a background worker instead: asked
for from the "too large" page, watched on its own page, downloaded when ready; only by whoever
asked for it."""

import io

import docx
import pytest

from reports.models import ExportLog, ReportJob
from tests.background import run_queued_tasks
from tests.factories import UserFactory
from tests.page_text import visible_text
from tests.reports.readers import report_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def too_large(monkeypatch):
    monkeypatch.setattr("reports.views.MAX_ROWS_IN_A_DOCUMENT", 1)


def test_a_word_report_is_made_in_the_background_and_downloaded(admin_reader, too_large):
    offer = admin_reader.get(report_url("docx"), {"respondent_kind": "organisation"})
    assert "Make the Word document in the background" in visible_text(offer)

    asked = admin_reader.post(f"{report_url('docx')}/background/?respondent_kind=organisation")

    job = ReportJob.objects.get()
    assert asked["Location"] == f"/reports/jobs/{job.pk}/"
    assert job.filters["respondent_kind"] == "organisation"
    waiting = admin_reader.get(asked["Location"])
    assert "Waiting for a worker…" in visible_text(waiting)
    assert '<meta http-equiv="refresh"' in waiting.content.decode()

    run_queued_tasks()

    ready = admin_reader.get(asked["Location"])
    assert "The report is ready" in visible_text(ready)
    download = admin_reader.get(f"/reports/jobs/{job.pk}/download")
    assert download["Content-Disposition"].startswith(
        'attachment; filename="noms-third-sector-action-plan-summary-'
    )
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(download.content)).paragraphs)
    assert "Volunteering England" in text
    assert ExportLog.objects.filter(format="docx").count() == 1


def test_a_report_a_worker_has_taken_is_being_made(admin_reader, too_large):
    admin_reader.post(f"{report_url('docx')}/background/")
    job = ReportJob.objects.get()
    ReportJob.objects.filter(pk=job.pk).update(state=ReportJob.State.WORKING)

    page = visible_text(admin_reader.get(f"/reports/jobs/{job.pk}/"))

    assert "Being made…" in page


def test_a_web_page_report_is_made_in_the_background(admin_reader, too_large):
    admin_reader.post(f"{report_url('html')}/background/")
    run_queued_tasks()
    job = ReportJob.objects.get()

    download = admin_reader.get(f"/reports/jobs/{job.pk}/download")

    assert b"Volunteering England" in download.content
    assert download["Content-Type"] == "text/html; charset=utf-8"


def test_another_admin_cannot_read_or_download_the_report(admin_reader, client, too_large):
    admin_reader.post(f"{report_url('docx')}/background/")
    job = ReportJob.objects.get()
    client.force_login(UserFactory(admin=True))

    assert client.get(f"/reports/jobs/{job.pk}/").status_code == 404
    assert client.get(f"/reports/jobs/{job.pk}/download").status_code == 404


def test_a_report_that_fails_says_so(admin_reader, too_large, monkeypatch):
    admin_reader.post(f"{report_url('docx')}/background/")

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("reports.tasks.export_report", broken)
    run_queued_tasks()

    job = ReportJob.objects.get()
    assert job.state == "failed"
    assert "The report could not be made" in visible_text(
        admin_reader.get(f"/reports/jobs/{job.pk}/")
    )


def test_only_word_and_web_page_reports_are_made_in_the_background(admin_reader):
    assert admin_reader.post(f"{report_url('csv')}/background/").status_code == 400
    assert not ReportJob.objects.exists()
