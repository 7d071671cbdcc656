"""`python manage.py import_plan FILE --slug SLUG --title TITLE [--dry-run]`: a new plan from its
document (.docx, .odt, .pdf, .md, .txt; marginalia.documents), printing the outline read
(plans.outline)."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from plan_import.files import UnreadablePlan, outline_of_file
from plans.services import PlanExists, save_outline


class Command(BaseCommand):
    help = "Import a plan from its document: numbered sections, headings, wording and themes."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--slug", required=True)
        parser.add_argument("--title", required=True)
        parser.add_argument("--reference-prefix", help="starts each response's reference")
        parser.add_argument("--publisher", default="")
        parser.add_argument(
            "--dry-run", action="store_true", help="print the outline, save nothing"
        )

    def handle(self, *args, file, slug, title, reference_prefix, publisher, dry_run, **options):
        try:
            outline = outline_of_file(file)
        except UnreadablePlan as error:
            raise CommandError(error.message) from error
        for section in outline.sections:
            theme = f"  [{section.theme}]" if section.theme else ""
            words = f" – {section.first_words}" if section.first_words else ""
            self.stdout.write(f"{section.number:<10}{section.heading}{words}{theme}")
        self.stdout.write(
            f"{len(outline.sections)} sections, {len(outline.themes)} themes"
            + (
                f"; {len(outline.preamble)} lines before the first section left out"
                if outline.preamble
                else ""
            )
        )
        if dry_run:
            self.stdout.write("Dry run: nothing saved.")
            return
        try:
            plan = save_outline(
                outline,
                slug=slug,
                title=title,
                reference_prefix=reference_prefix or slug.upper()[:20],
                publisher=publisher,
            )
        except (PlanExists, ValidationError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Saved {plan.title} at /plans/{plan.slug}/"))
