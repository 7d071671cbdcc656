"""`python manage.py import_revision SLUG FILE [--label LABEL] [--published-on YYYY-MM-DD]
[--dry-run]`: a revised plan from its document (.docx, .odt, .pdf, .md, .txt) saved as the
plan's next version, each section matched to the version before, printed; the quotes are
followed into it here rather than by a worker."""

import datetime
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from plan_import.files import UnreadablePlan, outline_of_file
from plans.models import Plan
from revisions.services import follow_quotes, save_revision


class Command(BaseCommand):
    help = "Import a revised version of a plan from its document and match it to the last."

    def add_arguments(self, parser):
        parser.add_argument(
            "slug", help="the plan's web address, e.g. noms-third-sector-action-plan"
        )
        parser.add_argument("file", type=Path)
        parser.add_argument("--label", default="Revised plan", help="what the department calls it")
        parser.add_argument("--published-on", type=datetime.date.fromisoformat, default=None)
        parser.add_argument(
            "--dry-run", action="store_true", help="print the outline, save nothing"
        )

    def handle(self, *args, slug, file, label, published_on, dry_run, **options):
        plan = Plan.objects.filter(slug=slug).first()
        if plan is None:
            raise CommandError(f"No plan at '{slug}'.")
        try:
            outline = outline_of_file(file)
        except UnreadablePlan as error:
            raise CommandError(error.message) from error
        if dry_run:
            for section in outline.sections:
                self.stdout.write(f"{section.number:<10}{section.heading} {section.first_words}")
            self.stdout.write(f"{len(outline.sections)} sections. Dry run: nothing saved.")
            return
        try:
            version = save_revision(plan, outline, label=label, published_on=published_on)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        for change in version.changes.select_related("new_section"):
            new = change.new_section.number if change.new_section else "–"
            self.stdout.write(
                f"{change.old_number or '–':<10}→ {new:<10}{change.get_kind_display()}"
            )
        followed = follow_quotes(plan, version.number)
        self.stdout.write(
            self.style.SUCCESS(
                f"Saved as version {version.number}; {followed} quotes followed. "
                f"What changed: /plans/{plan.slug}/versions/{version.number}/"
            )
        )
