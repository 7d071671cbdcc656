"""`python manage.py resume_work`: queue again every piece of background work whose worker died:
imports, reports, campaign groupings, quotes followed into revisions, and themes and codes
suggested. Each kind's own page
does this for its work whenever someone opens it; run this from cron (every few minutes) so
that nothing waits for someone to look. It lives in reports, the highest of the apps whose work
it resumes (tests/test_app_layers.py)."""

from django.core.management.base import BaseCommand

from coding.tasks import resume_stalled_code_suggestings, resume_stalled_suggestings
from intake.tasks import resume_stalled_batches
from reports.tasks import resume_stalled_jobs
from responses.campaigns.tasks import resume_stalled_groupings
from revisions.tasks import resume_stalled_following


class Command(BaseCommand):
    help = "Queue again the background work whose worker stopped, of every kind."

    def handle(self, *args, **options):
        for kind, resume in (
            ("imports", resume_stalled_batches),
            ("reports", resume_stalled_jobs),
            ("campaign groupings", resume_stalled_groupings),
            ("plans' quotes to follow", resume_stalled_following),
            ("themes to suggest", resume_stalled_suggestings),
            ("codes to suggest", resume_stalled_code_suggestings),
        ):
            self.stdout.write(f"{kind}: {resume()} resumed")
