"""`python manage.py resume_imports`: queue again the work of every import that stopped moving
(its worker died mid-batch). An import's own page does this whenever an officer opens it; run
this from cron (every few minutes) so that no import waits for someone to look."""

from django.core.management.base import BaseCommand

from intake.tasks import resume_stalled_batches


class Command(BaseCommand):
    help = "Queue again the work of imports whose worker stopped."

    def handle(self, *args, **options):
        resumed = resume_stalled_batches()
        self.stdout.write(f"{resumed} import{'s' if resumed != 1 else ''} resumed.")
