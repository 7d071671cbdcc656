import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from opendata.web_annotation.reading import WebAnnotationError, import_collection


class Command(BaseCommand):
    help = (
        "Import a plan's W3C Web Annotation collection, as /api/plans/<slug>/annotations.jsonld "
        "serves it: the plan, its sections, and the responses, comments and links it holds. "
        "All or nothing; importing the same file twice adds nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="the Web Annotation collection (JSON-LD)")

    def handle(self, *args, file, **options):
        try:
            with file.open(encoding="utf-8") as stream:
                collection = json.load(stream)
        except FileNotFoundError:
            raise CommandError(f"There is no file {file}.") from None
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Could not read {file}: {error}") from None
        except json.JSONDecodeError as error:
            raise CommandError(f"{file} is not valid JSON: {error}") from None
        try:
            summary = import_collection(collection)
        except WebAnnotationError as error:
            raise CommandError(
                f"{file} is not a Web Annotation collection Marginalia can import: {error} "
                "Nothing was imported."
            ) from None
        self.stdout.write(self.style.SUCCESS(str(summary)))
