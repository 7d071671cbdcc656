"""An import batch's background work takes marginalia.jobs' shape: its progress is its claim,
its reading or importing stage is work at work (done in any other stage), asked for when the
batch was made."""

import django.utils.timezone
from django.db import migrations, models
from django.db.models import F


def forwards(apps, schema_editor):
    ImportBatch = apps.get_model("intake", "ImportBatch")
    ImportBatch.objects.update(requested_at=F("created_at"), claimed_at=F("progressed_at"))
    ImportBatch.objects.filter(stage__in=["reading", "importing"]).update(state="working")
    ImportBatch.objects.exclude(stage__in=["reading", "importing"]).update(state="done")


class Migration(migrations.Migration):

    dependencies = [
        ('intake', '0002_email_date_and_contact'),
    ]

    operations = [
        migrations.AddField(
            model_name='importbatch',
            name='claimed_at',
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='importbatch',
            name='failure',
            field=models.TextField(blank=True, help_text='Why the job could not be done.'),
        ),
        migrations.AddField(
            model_name='importbatch',
            name='requested_at',
            field=models.DateTimeField(default=django.utils.timezone.now),
        ),
        migrations.AddField(
            model_name='importbatch',
            name='state',
            field=models.CharField(choices=[('queued', 'Waiting for a worker'), ('working', 'At work'), ('done', 'Done'), ('failed', 'Could not be done')], default='queued', max_length=20),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name='importbatch',
            name='progressed_at',
        ),
    ]
