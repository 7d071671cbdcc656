"""Read the submitted comments not yet read for personal data, of one plan or every plan: what
the finder finds is proposed for officers to redact (officers.redactions). New comments are read
as they are submitted or recorded; this reads those stored before."""

from django.core.management.base import BaseCommand, CommandError

from officers.redactions import scan_unscanned
from plans.models import Plan
from responses.models import Comment, Response


class Command(BaseCommand):
    help = "Read submitted comments for personal data, proposing redactions for officers."

    def add_arguments(self, parser):
        parser.add_argument("slug", nargs="?", help="The plan's web address (every plan if none).")

    def handle(self, *args, slug=None, **options):
        comments = Comment.objects.exclude(response__status=Response.Status.DRAFT)
        if slug:
            if not Plan.objects.filter(slug=slug).exists():
                raise CommandError(f"No plan at ‘{slug}’.")
            comments = comments.filter(response__plan__slug=slug)
        scanned = scan_unscanned(comments)
        self.stdout.write(
            f"Read {scanned:,} comment{'s' if scanned != 1 else ''} for personal data."
        )
