"""Following a plan's quotes becomes a job of marginalia.jobs' shape (QuoteFollowing), in place
of each version's quotes_requested_at: a plan whose versions wait to be followed gets a queued
job, asked for when they were, so that resume_work takes it up."""

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


def waiting_followings(apps, schema_editor):
    PlanVersion = apps.get_model("revisions", "PlanVersion")
    QuoteFollowing = apps.get_model("revisions", "QuoteFollowing")
    waiting = {}
    for plan_id, number, requested_at in PlanVersion.objects.filter(
        quotes_followed_at=None
    ).values_list("plan", "number", "quotes_requested_at"):
        first, asked = waiting.get(plan_id, (number, requested_at))
        waiting[plan_id] = (min(first, number), requested_at or asked)
    for plan_id, (first, asked) in waiting.items():
        QuoteFollowing.objects.create(
            plan_id=plan_id,
            from_number=first,
            **({"requested_at": asked} if asked else {}),
        )


class Migration(migrations.Migration):

    dependencies = [
        ('plans', '0004_plan_critique_generation'),
        ('revisions', '0004_quotes_requested_at'),
    ]

    operations = [
        migrations.CreateModel(
            name='QuoteFollowing',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('state', models.CharField(choices=[('queued', 'Waiting for a worker'), ('working', 'At work'), ('done', 'Done'), ('failed', 'Could not be done')], default='queued', max_length=20)),
                ('requested_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('claimed_at', models.DateTimeField(blank=True, null=True)),
                ('failure', models.TextField(blank=True, help_text='Why the job could not be done.')),
                ('from_number', models.PositiveIntegerField(default=2)),
                ('plan', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='quote_following', to='plans.plan')),
            ],
            options={
                'abstract': False,
            },
        ),
        migrations.RunPython(waiting_followings, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name='planversion',
            name='quotes_requested_at',
        ),
    ]
