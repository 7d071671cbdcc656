"""A plan's outline read from its document on disk, for the commands that import a plan or a
revision of one (`import_plan`, `import_revision`); the pages read uploads (plan_import.forms)."""

from pathlib import Path

from marginalia.documents import UnreadableDocument
from marginalia.documents.sandbox import read_untrusted
from plans.outline import Outline, read_outline

PLAN_SUFFIXES = (".docx", ".odt", ".pdf", ".md", ".txt")


class UnreadablePlan(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def outline_of_file(path: Path) -> Outline:
    """The outline of the plan in the file at `path`, with at least one section; UnreadablePlan,
    saying why, if it is not a plan's document, cannot be read, or has no numbered section."""
    if path.suffix.lower() not in PLAN_SUFFIXES:
        raise UnreadablePlan(f"{path.name}: a plan must be a {', '.join(PLAN_SUFFIXES)} file.")
    try:
        outline = read_outline(read_untrusted(path.name, path.read_bytes()).text)
    except OSError as error:
        raise UnreadablePlan(f"{path}: cannot be read ({error.strerror}).") from error
    except UnreadableDocument as error:
        raise UnreadablePlan(error.message) from error
    if not outline.sections:
        raise UnreadablePlan(f"{path.name}: no numbered sections found (1, 1.3, Section 3.5…).")
    return outline
