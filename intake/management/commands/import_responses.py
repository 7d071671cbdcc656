"""`python manage.py import_responses SLUG PATH… [--manifest CSV] [--channel email]`: responses
received as documents (.docx, .odt, .pdf, .txt, .eml, or .zip archives of them; folders are
searched), each imported as one response to the plan at SLUG, as the officers' import page does
but in this process, with a progress bar on a terminal.

The manifest is a CSV with columns filename, name and kind (organisation or individual) naming
each document's respondent; without it, the respondent is guessed from the document. A document
whose respondent is neither named nor found is left out, and said so.
"""

import csv
import sys
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from intake.models import ImportedDocument
from intake.services import BatchRefused, Upload, confirm_batch, import_next, read_next, start_batch
from marginalia.documents import READABLE_SUFFIXES
from plans.models import Plan
from responses.models import Respondent, Response

SUFFIXES = {*READABLE_SUFFIXES, ".zip"}


class Command(BaseCommand):
    help = "Import responses from their documents into a plan."

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("paths", nargs="+", type=Path)
        parser.add_argument("--manifest", type=Path, help="CSV: filename, name, kind")
        parser.add_argument(
            "--channel",
            default=Response.Channel.EMAIL,
            choices=[value for value, _ in Response.Channel.choices],
        )
        parser.add_argument("--received-on", type=date.fromisoformat, help="YYYY-MM-DD")

    def handle(self, *args, slug, paths, manifest, channel, received_on, **options):
        plan = Plan.objects.filter(slug=slug).first()
        if plan is None:
            raise CommandError(f"There is no plan at '{slug}'.")
        respondents = _manifest(manifest) if manifest else {}
        uploads = [Upload(path.name, path.read_bytes()) for path in _files(paths)]
        try:
            batch = start_batch(
                plan=plan, user=None, uploads=uploads, channel=channel, received_on=received_on
            )
        except BatchRefused as error:
            raise CommandError(str(error)) from error
        total = batch.documents.count()
        with self._bar(total, "Reading") as bar:
            while read_next(batch):
                bar.update()
        corrections = {}
        for document in batch.documents.filter(state=ImportedDocument.State.READ):
            name, kind = respondents.get(
                document.filename, (document.respondent_name, document.respondent_kind)
            )
            corrections[document.pk] = (name, kind, True)
        batch = confirm_batch(batch=batch, corrections=corrections)
        with self._bar(len(corrections), "Importing") as bar:
            while import_next(batch):
                bar.update()
        self._report(batch)

    def _bar(self, total, description):
        return tqdm(
            total=total, desc=description, unit="document", file=sys.stderr,
            disable=not sys.stderr.isatty(), leave=False,
        )  # fmt: skip

    def _report(self, batch):
        documents = batch.documents.select_related("response").defer("content", "text")
        imported = [document for document in documents if document.state == "imported"]
        for document in imported:
            self.stdout.write(
                f"{document.response.reference}  {document.respondent_name}  ({document.filename})"
            )
        for document in documents:
            if document.state != "imported":
                self.stdout.write(f"Not imported: {document.filename}: {document.reason}")
        self.stdout.write(
            self.style.SUCCESS(f"Imported {len(imported)} of {len(documents)} documents.")
        )


def _files(paths):
    for path in paths:
        if not path.exists():
            raise CommandError(f"{path} does not exist.")
        if path.is_dir():
            yield from sorted(
                found
                for found in path.rglob("*")
                if found.is_file() and found.suffix.lower() in SUFFIXES
            )
        else:
            yield path


def _manifest(path):
    """{filename: (name, kind)} from the manifest CSV, or CommandError saying what is wrong."""
    kinds = {value for value, _ in Respondent.Kind.choices}
    try:
        with path.open(newline="", encoding="utf-8-sig") as manifest:
            rows = list(csv.DictReader(manifest))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise CommandError(f"{path}: cannot be read as CSV ({error}).") from error
    found = {}
    for line, row in enumerate(rows, start=2):
        filename, name = (row.get("filename") or "").strip(), (row.get("name") or "").strip()
        kind = (row.get("kind") or Respondent.Kind.ORGANISATION).strip().lower()
        if not filename or not name or kind not in kinds:
            raise CommandError(
                f"{path}, line {line}: give filename, name and kind (organisation or individual)."
            )
        found[filename] = (name, kind)
    return found
