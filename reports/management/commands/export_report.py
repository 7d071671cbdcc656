"""`python manage.py export_report <plan-slug> --format xlsx --output report.xlsx`: the summary
report of a plan, written to a file, as an admin would read it (every submitted and published
response, within the filters given). The export is logged without a user."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from plans.models import Plan
from reports.forms import ReportFilterForm
from reports.models import ExportLog
from reports.selectors import command_line_admin
from reports.services import export_report


class Command(BaseCommand):
    help = "Write the summary report of a plan to a file: CSV, XLSX, DOCX or HTML."

    def add_arguments(self, parser):
        parser.add_argument("plan", help="The plan's slug, e.g. noms-third-sector-action-plan.")
        parser.add_argument("--format", required=True, help="csv, xlsx, docx or html.")
        parser.add_argument("--output", required=True, type=Path, help="The file to write.")
        parser.add_argument(
            "--status", default="both", help="submitted, published or both (the default)."
        )
        parser.add_argument(
            "--kind", default="", help="organisation or individual (default: both)."
        )
        parser.add_argument("--submitted-from", default="", help="A date, e.g. 2025-03-01.")
        parser.add_argument("--submitted-to", default="", help="A date, e.g. 2025-03-31.")

    def handle(self, *args, **options):
        format = options["format"].lower()
        if format not in ExportLog.Format.values:
            raise CommandError(
                f"Unknown format ‘{options['format']}’: choose csv, xlsx, docx or html."
            )
        plan = Plan.objects.filter(slug=options["plan"]).first()
        if plan is None:
            known = ", ".join(Plan.objects.values_list("slug", flat=True)) or "none"
            raise CommandError(f"No plan with the slug ‘{options['plan']}’. Plans: {known}.")
        form = ReportFilterForm(
            {
                "status": options["status"],
                "respondent_kind": options["kind"],
                "submitted_from": options["submitted_from"],
                "submitted_to": options["submitted_to"],
            }
        )
        if not form.is_valid():
            raise CommandError(
                " ".join(error for errors in form.errors.values() for error in errors)
            )

        path = options["output"]
        try:
            output = path.open("wb")
        except OSError as error:
            raise CommandError(f"Cannot write to {path}: {error.strerror}.") from error
        with output:
            log = export_report(
                plan=plan,
                user=command_line_admin(),
                filters=form.filters(),
                format=format,
                output=output,
                progress=self._progress_bar,
            )
        unit = "rows" if format in ("csv", "xlsx") else "comments"
        self.stdout.write(self.style.SUCCESS(f"Wrote {path}: {log.row_count} {unit}."))

    def _progress_bar(self, items):
        # Only on a terminal: in a log file or a pipe a progress bar is noise.
        return tqdm(items, file=sys.stderr, disable=not sys.stderr.isatty(), leave=False)
