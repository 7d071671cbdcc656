"""ReportJob takes marginalia.jobs' shape: its status becomes the job's state ("ready" is
"done"), its error the failure, its last update the claim; the time it was asked for is kept."""

import django.utils.timezone
from django.db import migrations, models
from django.db.models import F

STATES = [
    ("queued", "Waiting for a worker"),
    ("working", "At work"),
    ("done", "Done"),
    ("failed", "Could not be done"),
]


def forwards(apps, schema_editor):
    ReportJob = apps.get_model("reports", "ReportJob")
    ReportJob.objects.filter(state="ready").update(state="done")
    ReportJob.objects.update(requested_at=F("created_at"))
    ReportJob.objects.filter(state="working").update(claimed_at=F("updated_at"))


def backwards(apps, schema_editor):
    ReportJob = apps.get_model("reports", "ReportJob")
    ReportJob.objects.filter(state="done").update(state="ready")


class Migration(migrations.Migration):
    dependencies = [("reports", "0004_csv_formula_after_invisible_characters")]

    operations = [
        migrations.RenameField("reportjob", "status", "state"),
        migrations.RenameField("reportjob", "error", "failure"),
        migrations.AddField(
            "reportjob",
            "requested_at",
            models.DateTimeField(default=django.utils.timezone.now),
        ),
        migrations.AddField(
            "reportjob", "claimed_at", models.DateTimeField(blank=True, null=True)
        ),
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField("reportjob", "updated_at"),
        migrations.AlterField(
            "reportjob",
            "state",
            models.CharField(choices=STATES, default="queued", max_length=20),
        ),
        migrations.AlterField(
            "reportjob",
            "failure",
            models.TextField(blank=True, help_text="Why the job could not be done."),
        ),
    ]
