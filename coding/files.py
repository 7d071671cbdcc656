"""The coding frame and its codings as CSV, out and back in: the frame as one row per code (its
theme, its name, what it means); the codings as one row per comment and code (the comment's id,
its response's reference and position, the code, where it came from, how sure, who, when,
whether it is quoted). Reading one back checks every row first and saves nothing if any is
wrong, each error naming its row; codes are added, codings given as by the officer importing
them, and nothing there already is changed."""

import csv
import io
from dataclasses import dataclass, field

from django.db import transaction

from coding.frame import add_code, code_comments
from coding.models import Assignment, Code, in_frame_order
from marginalia.csv_files import csv_chunks
from responses.models import Comment

FRAME_COLUMNS = ("Theme", "Sub-theme", "Description")
CODING_COLUMNS = (
    "Comment id",
    "Response reference",
    "Comment position",
    "Theme",
    "Sub-theme",
    "Origin",
    "Score",
    "Coded or confirmed by",
    "At",
    "Quoted in the report",
)
# A file read back holds this many rows at most.
MOST_ROWS = 200_000
ERRORS_TOLD = 10


def frame_csv(plan):
    rows = (
        (code.parent.name if code.parent_id else code.name,
         code.name if code.parent_id else "",
         code.description)
        for code in in_frame_order(plan)
    )  # fmt: skip
    return csv_chunks(FRAME_COLUMNS, rows)


def codings_csv(plan, comments):
    """The codings of `comments` (those the officer reads) by the plan's frame."""
    codings = (
        Assignment.objects.filter(code__plan=plan, comment__in=comments)
        .select_related("code__parent", "comment__response", "by")
        .order_by("comment__response__reference", "comment__position", "code__name")
    )
    rows = (
        (
            coding.comment_id,
            coding.comment.response.reference,
            coding.comment.position,
            coding.code.parent.name if coding.code.parent_id else coding.code.name,
            coding.code.name if coding.code.parent_id else "",
            coding.get_origin_display(),
            "" if coding.score is None else f"{coding.score:.3f}",
            coding.by.get_username() if coding.by else "",
            coding.at.isoformat(timespec="seconds"),
            "Yes" if coding.quoted else "No",
        )
        for coding in codings.iterator(chunk_size=2_000)
    )
    return csv_chunks(CODING_COLUMNS, rows)


@dataclass
class Imported:
    codes: int = 0
    codings: int = 0
    errors: list[str] = field(default_factory=list)


def read_csv(plan, content: bytes, *, by, comments) -> Imported:
    """Read a frame's or codings' CSV (as exported) into the plan's frame: the codes it names,
    added; for codings, each comment (of `comments`, those the officer reads) given its code."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return Imported(errors=["The file is not UTF-8 text: save it as CSV UTF-8 and try again."])
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    if len(rows) > MOST_ROWS:
        return Imported(errors=[f"The file has more than {MOST_ROWS:,} rows: split it."])
    headings = set(rows[0]) if rows else set()
    if {"Comment id", "Theme"} <= headings:
        return _read_codings(plan, rows, by=by, comments=comments)
    if {"Theme", "Description"} <= headings:
        return _read_frame(plan, rows)
    return Imported(
        errors=["The file is not a coding frame or codings as Marginalia exports them: its first "
                "row must name the columns (Theme, Sub-theme, Description; or Comment id, Theme, "
                "Sub-theme, …)."]
    )  # fmt: skip


def _names(row):
    return " ".join((row.get("Theme") or "").split()), " ".join(
        (row.get("Sub-theme") or "").split()
    )


def _read_frame(plan, rows):
    done = Imported()
    errors = [
        f"Row {n}: it names no theme." for n, row in enumerate(rows, start=2) if not _names(row)[0]
    ]
    if errors:
        return Imported(errors=errors[:ERRORS_TOLD])
    with transaction.atomic():
        for row in rows:
            theme, sub = _names(row)
            code, made = _code(plan, theme, sub, (row.get("Description") or "").strip())
            done.codes += made
    return done


def _code(plan, theme_name, sub_name, description=""):
    """The plan's code called so, made if it is not there (its theme too); and how many made."""
    made = 0
    theme = Code.objects.filter(plan=plan, parent=None, name__iexact=theme_name).first()
    if theme is None:
        theme = add_code(plan, theme_name, description="" if sub_name else description)
        made += 1
    if not sub_name:
        return theme, made
    sub = theme.children.filter(name__iexact=sub_name).first()
    if sub is None:
        sub = add_code(plan, sub_name, parent=theme, description=description)
        made += 1
    return sub, made


def _read_codings(plan, rows, *, by, comments):
    ids = {row.get("Comment id", "").strip() for row in rows}
    readable = set(
        comments.filter(
            response__plan=plan, pk__in=[int(pk) for pk in ids if pk.isdigit()]
        ).values_list("pk", flat=True)
    )
    errors = []
    for n, row in enumerate(rows, start=2):
        pk = row.get("Comment id", "").strip()
        if not pk.isdigit() or int(pk) not in readable:
            errors.append(f"Row {n}: no comment {pk or '(none given)'} of this plan.")
        elif not _names(row)[0]:
            errors.append(f"Row {n}: it names no theme.")
    if errors:
        more = len(errors) - ERRORS_TOLD
        return Imported(errors=errors[:ERRORS_TOLD] + ([f"And {more:,} more."] if more > 0 else []))
    done = Imported()
    with transaction.atomic():
        for row in rows:
            code, made = _code(plan, *_names(row))
            done.codes += made
            done.codings += code_comments(
                Comment.objects.filter(pk=int(row["Comment id"])), code, by=by
            )
    return done
