"""A record of every export of the summary report: who took which plan's comments, how, when."""

from django.conf import settings
from django.db import models

from marginalia.jobs import Job
from plans.models import Plan


class ExportLog(models.Model):
    class Format(models.TextChoices):
        HTML = "html", "Web page (HTML)"
        CSV = "csv", "CSV"
        XLSX = "xlsx", "Excel workbook (XLSX)"
        DOCX = "docx", "Word document (DOCX)"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="report_exports",
        help_text="Empty when the report was exported from the command line.",
    )
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="report_exports")
    format = models.CharField(max_length=10, choices=Format.choices)
    filters = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    row_count = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="Comment rows written (CSV, XLSX) or comments reported (HTML, DOCX); "
        "empty while a download streams, or if it never finished.",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        permissions = [("export_report", "Can export the summary report")]

    def __str__(self):
        return f"{self.plan} as {self.format} on {self.created_at:%Y-%m-%d %H:%M}"


class ReportJob(Job):
    """A report too large to make while its reader waits, made by a background worker
    (reports.tasks) and kept for them to download: a job of marginalia.jobs' shape."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="report_jobs")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="report_jobs"
    )
    format = models.CharField(max_length=10, choices=ExportLog.Format.choices)
    filters = models.JSONField(default=dict, blank=True)
    content = models.BinaryField(null=True, blank=True)
    filename = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.plan} as {self.format}, asked {self.created_at:%Y-%m-%d %H:%M}"
