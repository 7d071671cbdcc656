"""CampaignGrouping takes marginalia.jobs' shape: "running" is "working", the time a worker
started is its claim, and a failure keeps its reason."""

from django.db import migrations, models


def forwards(apps, schema_editor):
    apps.get_model("responses", "CampaignGrouping").objects.filter(state="running").update(
        state="working"
    )


def backwards(apps, schema_editor):
    apps.get_model("responses", "CampaignGrouping").objects.filter(state="working").update(
        state="running"
    )


class Migration(migrations.Migration):

    dependencies = [
        ('responses', '0010_letter_parts'),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
        migrations.RenameField(
            model_name='campaigngrouping',
            old_name='started_at',
            new_name='claimed_at',
        ),
        migrations.AddField(
            model_name='campaigngrouping',
            name='failure',
            field=models.TextField(blank=True, help_text='Why the job could not be done.'),
        ),
        migrations.AlterField(
            model_name='campaigngrouping',
            name='state',
            field=models.CharField(choices=[('queued', 'Waiting for a worker'), ('working', 'At work'), ('done', 'Done'), ('failed', 'Could not be done')], default='queued', max_length=20),
        ),
    ]
