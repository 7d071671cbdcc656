"""Bringing responses in from documents: a batch made from uploaded files (a .zip unpacked
within marginalia.archives' bounds), each document read and its respondent guessed, then,
once an officer has reviewed the guesses, each imported as one response (responses.received).

Each step takes one document at a time by compare-and-set on its state, so any number of
workers share a batch and one that dies holding a document gives it back after
TASK_CLAIM_TIMEOUT seconds.
"""

import hashlib
import json
import zipfile
from dataclasses import dataclass
from pathlib import PurePath, PureWindowsPath

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from intake.models import ImportBatch, ImportedDocument
from intake.respondents import guess_kind, guess_respondent
from intake.surveys import EMAIL, KIND, NAME, SKIP, guess_column, kind_of, read_survey
from marginalia.archives import ArchiveTooLarge, open_zip_archive
from marginalia.documents import UnreadableDocument
from marginalia.documents.sandbox import read_untrusted
from marginalia.jobs import JobState, claim_timeout
from responses.models import Comment, Response
from responses.received import AlreadyRecorded, Answer, CannotRecord, record_response

State = ImportedDocument.State
# A document file's own limit; a .zip is bounded by what it unpacks to (marginalia.archives).
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
MAX_BATCH_DOCUMENTS = 1_000
# All of one upload's documents together, a zip's members as they unpack: what one request, and
# the batch it makes, may hold in memory and in the database.
MAX_BATCH_BYTES = 100 * 1024 * 1024


class BatchRefused(Exception):
    """The files cannot make a batch; str(error) says why, and nothing was saved."""


@dataclass
class Upload:
    name: str
    content: bytes


def _add_to_batch(total, size):
    """The batch's bytes with a document's added; BatchRefused past MAX_BATCH_BYTES."""
    total += size
    if total > MAX_BATCH_BYTES:
        raise BatchRefused(
            f"The documents come to more than {MAX_BATCH_BYTES // (1024 * 1024)} MB in all, once "
            "unpacked: import them in smaller batches."
        )
    return total


def too_large(name):
    return f"{PurePath(name).name} is larger than 20 MB: split it, or send its text."


def documents_of(uploads):
    """(filename, bytes) for each document uploaded, a .zip's members in its place; BatchRefused
    if any document (a zip's member too) is over MAX_DOCUMENT_BYTES, or all of them together over
    MAX_BATCH_BYTES, judged on a zip's declared sizes before any member is unpacked."""
    documents = []
    total = 0
    for upload in uploads:
        if PurePath(upload.name).suffix.lower() != ".zip":
            if len(upload.content) > MAX_DOCUMENT_BYTES:
                raise BatchRefused(too_large(upload.name))
            total = _add_to_batch(total, len(upload.content))
            documents.append((PurePath(upload.name).name, upload.content))
            continue
        try:
            archive = open_zip_archive(upload.content)
        except ArchiveTooLarge as error:
            raise BatchRefused(f"{upload.name}: {error}") from error
        except zipfile.BadZipFile as error:
            raise BatchRefused(f"{upload.name} is not a zip archive we can open.") from error
        with archive:
            members = []
            for member in archive.infolist():
                # A name written with Windows' separators ("..\\letters\\a.txt") is read as one.
                name = PureWindowsPath(member.filename)
                if member.is_dir() or "__MACOSX" in name.parts or name.name.startswith("."):
                    continue
                if member.file_size > MAX_DOCUMENT_BYTES:
                    raise BatchRefused(f"{upload.name}: {too_large(name.name)}")
                total = _add_to_batch(total, member.file_size)
                members.append((name.name, member))
            for name, member in members:
                try:
                    documents.append((name, archive.read(member)))
                except (zipfile.BadZipFile, RuntimeError, NotImplementedError) as error:
                    raise BatchRefused(f"{upload.name}: {name} cannot be unpacked.") from error
    if not documents:
        raise BatchRefused("There are no documents to import.")
    if len(documents) > MAX_BATCH_DOCUMENTS:
        raise BatchRefused(
            f"There are {len(documents):,} documents; import at most "
            f"{MAX_BATCH_DOCUMENTS:,} at a time."
        )
    return documents


@transaction.atomic
def start_batch(*, plan, user, uploads, channel, received_on=None) -> ImportBatch:
    """A batch of the uploaded documents, waiting to be read; all of them or none."""
    documents = documents_of(uploads)
    batch = ImportBatch.objects.create(
        plan=plan, created_by=user, channel=channel, received_on=received_on
    )
    ImportedDocument.objects.bulk_create(
        ImportedDocument(
            batch=batch,
            position=position,
            filename=name[:255],
            content=content,
            sha256=hashlib.sha256(content).hexdigest(),
        )
        for position, (name, content) in enumerate(documents, start=1)
    )
    return batch


def start_survey(*, plan, user, name, content, channel, received_on=None) -> ImportBatch:
    """A batch of a survey export's rows, one document each, waiting for its columns to be
    assigned (set_mapping); SurveyUnreadable if the file cannot be read, and nothing saved."""
    survey = read_survey(name, content)
    filename = PurePath(name).name
    with transaction.atomic():
        batch = ImportBatch.objects.create(
            plan=plan,
            created_by=user,
            channel=channel,
            received_on=received_on,
            stage=ImportBatch.Stage.MAPPING,
            # No work for a worker until its columns are assigned (set_mapping).
            state=JobState.DONE,
            survey_filename=filename[:255],
            survey_file=content,
            columns=survey.columns,
        )
        ImportedDocument.objects.bulk_create(
            (
                ImportedDocument(
                    batch=batch,
                    position=position,
                    filename=f"{filename}, row {survey.first_row_number + position - 1}"[:255],
                    content=b"",
                    cells=cells,
                    sha256=_row_hash(survey.columns, cells),
                )
                for position, cells in enumerate(survey.rows, start=1)
            ),
            batch_size=1_000,
        )
    return batch


def _row_hash(columns, cells):
    """A survey row's fingerprint: the same answers to the same questions, whatever the file."""
    answered = json.dumps([columns, cells], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(answered.encode()).hexdigest()


def guessed_mapping(batch):
    """What each of the survey's columns most likely holds (intake.surveys.guess_column)."""
    plan = batch.plan
    sections = set(plan.sections.values_list("number", flat=True))
    themes = dict(plan.themes.values_list("name", "pk"))
    return [guess_column(heading, sections=sections, themes=themes) for heading in batch.columns]


@transaction.atomic
def set_mapping(*, batch, mapping) -> ImportBatch:
    """The survey's columns assigned: its rows are then read as responses in the background."""
    locked = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if locked.stage != ImportBatch.Stage.MAPPING:
        return locked
    locked.mapping = list(mapping)
    locked.stage = ImportBatch.Stage.READING
    _work_asked(locked)
    locked.save(update_fields=["mapping", "stage", *WORK_FIELDS])
    return locked


WORK_FIELDS = ["state", "requested_at", "claimed_at"]


def _work_asked(batch):
    """The batch's stage's work is asked for: queued for the workers enqueue_work starts."""
    batch.state, batch.requested_at, batch.claimed_at = JobState.QUEUED, timezone.now(), None


def _claim(batch, state, working_state):
    """One document of `batch` in `state` (or left in `working_state` by a worker that stopped
    longer than the claim timeout ago), now in `working_state`; None when there is none."""
    stale = timezone.now() - claim_timeout()
    candidates = batch.documents.filter(
        Q(state=state) | Q(state=working_state, claimed_at__lt=stale)
    ).values_list("pk", "state", "claimed_at")[:10]
    for pk, was, claimed_at in candidates:
        taken = ImportedDocument.objects.filter(pk=pk, state=was, claimed_at=claimed_at).update(
            state=working_state, claimed_at=timezone.now()
        )
        if taken:
            return ImportedDocument.objects.get(pk=pk)
    return None


def _finish(document, **changes):
    for field, value in changes.items():
        setattr(document, field, value)
    document.save(update_fields=list(changes))
    ImportBatch.objects.filter(pk=document.batch_id).update(
        state=JobState.WORKING, claimed_at=timezone.now()
    )


def read_next(batch) -> bool:
    """Read one waiting document of `batch`: its text and its respondent's guess, or why not.
    False when none is left to read (and the batch is then ready for review)."""
    document = _claim(batch, State.WAITING, State.READING)
    if document is None:
        _advance(batch)
        return False
    already = (
        Response.objects.filter(plan=batch.plan_id, source_sha256=document.sha256)
        .only("reference")
        .first()
    )
    same_file = (
        batch.documents.filter(sha256=document.sha256, position__lt=document.position)
        .exclude(state=State.DUPLICATE)
        .only("filename")
        .first()
    )
    if already or same_file:
        reason = (
            f"Already imported as {already.reference}."
            if already
            else f"The same file as {same_file.filename}."
        )
        _finish(document, state=State.DUPLICATE, reason=reason, claimed_at=None)
        return True
    if document.cells is not None:
        _read_row(batch, document)
        return True
    try:
        read = read_untrusted(document.filename, bytes(document.content))
    except UnreadableDocument as error:
        _finish(document, state=State.FAILED, reason=error.message, claimed_at=None)
        return True
    guess = guess_respondent(read, filename=document.filename)
    _finish(
        document,
        state=State.READ,
        text=read.text,
        respondent_name=guess.name,
        respondent_kind=guess.kind,
        respondent_email=guess.email,
        respondent_contact=guess.contact[:200],
        guessed_from=guess.source,
        received_on=read.sent_on,
        claimed_at=None,
    )
    return True


def _read_row(batch, document):
    """A survey row read by the batch's mapping: who answered, and whether they said anything."""
    details = {NAME: "", KIND: "", EMAIL: ""}
    named_by = ""
    for heading, assigned, cell in zip(batch.columns, batch.mapping, document.cells, strict=False):
        if assigned in details and cell and not details[assigned]:
            details[assigned] = cell
            named_by = named_by or (heading if assigned == NAME else "")
    answers = _answers(batch, document)
    if not answers:
        _finish(document, state=State.FAILED, reason="The row has no answers.", claimed_at=None)
        return
    # A survey that asks no name: each row an individual of its own, named by its number.
    name = details[NAME][:200] or f"Survey respondent {document.position}"
    _finish(
        document,
        state=State.READ,
        text="\n\n".join(answer.text for answer in answers),
        respondent_name=name,
        respondent_kind=kind_of(details[KIND]) or guess_kind(name),
        respondent_email=details[EMAIL][:254],
        guessed_from=f"the survey's “{named_by}” column" if named_by else "the row's number",
        claimed_at=None,
    )


def _answers(batch, document):
    """The row's answers, each with the section or theme its column was assigned to."""
    themes = dict(batch.plan.themes.values_list("pk", "name"))
    answers = []
    for heading, assigned, cell in zip(batch.columns, batch.mapping, document.cells, strict=False):
        if not cell or assigned in (SKIP, NAME, KIND, EMAIL):
            continue
        section = assigned.removeprefix("section:") if assigned.startswith("section:") else ""
        theme = ""
        if assigned.startswith("theme:"):
            theme = themes.get(int(assigned.removeprefix("theme:")), "")
        answers.append(Answer(text=cell, question=heading, section=section, theme=theme))
    return answers


def import_next(batch) -> bool:
    """Import one reviewed document of `batch` as a response. False when none is left."""
    document = _claim(batch, State.READ, State.IMPORTING)
    if document is None:
        _advance(batch)
        return False
    try:
        with transaction.atomic():
            response = record_response(
                plan=batch.plan,
                name=document.respondent_name,
                kind=document.respondent_kind,
                prose="" if document.cells is not None else document.text,
                answers=_answers(batch, document) if document.cells is not None else (),
                channel=batch.channel,
                # An email's Date header says when it came, better than the batch's one date.
                received_on=document.received_on or batch.received_on,
                source_sha256=document.sha256,
                contact_name=document.respondent_contact,
            )
            _finish(document, state=State.IMPORTED, response=response, claimed_at=None)
    except AlreadyRecorded as error:
        _finish(document, state=State.DUPLICATE, reason=str(error), claimed_at=None)
    except CannotRecord as error:
        _finish(document, state=State.FAILED, reason=str(error), claimed_at=None)
    return True


def _advance(batch):
    """Move the batch on once no document is left at its stage's work."""
    busy = {
        ImportBatch.Stage.READING: [State.WAITING, State.READING],
        ImportBatch.Stage.IMPORTING: [State.READ, State.IMPORTING],
    }
    following = {
        ImportBatch.Stage.READING: ImportBatch.Stage.REVIEW,
        ImportBatch.Stage.IMPORTING: ImportBatch.Stage.DONE,
    }
    for stage, states in busy.items():
        if not batch.documents.filter(state__in=states).exists():
            ImportBatch.objects.filter(pk=batch.pk, stage=stage).update(
                stage=following[stage], state=JobState.DONE
            )
    batch.refresh_from_db(fields=["stage", "state"])


@transaction.atomic
def confirm_batch(*, batch, corrections) -> ImportBatch:
    """The officer's review applied: {document id: (name, kind, include)} for read documents;
    the batch then imports. A document left out, or given no name, is not imported."""
    locked = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if locked.stage != ImportBatch.Stage.REVIEW:
        return locked
    fields = ["state", "reason", "respondent_name", "respondent_kind"]
    documents = list(locked.documents.filter(state=State.READ).only("pk", *fields))
    for document in documents:
        name, kind, include = corrections.get(
            document.pk, (document.respondent_name, document.respondent_kind, True)
        )
        if not include or not name.strip():
            document.state = State.SKIPPED
            document.reason = "Left out at review." if not include else "No respondent named."
        document.respondent_name, document.respondent_kind = name.strip()[:200], kind
    # The files themselves (up to 20 MB each) are neither read nor written here.
    ImportedDocument.objects.bulk_update(documents, fields, batch_size=500)
    locked.stage = ImportBatch.Stage.IMPORTING
    _work_asked(locked)
    locked.to_import = locked.documents.filter(state=State.READ).count()
    locked.save(update_fields=["stage", *WORK_FIELDS, "to_import"])
    return locked


def progress_of(batch):
    """How many documents of the batch are in each state, and how many of the stage's are done."""
    counts = dict(
        batch.documents.values_list("state").annotate(n=Count("pk")).values_list("state", "n")
    )
    total = documents = sum(counts.values())
    if batch.stage == ImportBatch.Stage.READING:
        done = total - counts.get(State.WAITING, 0) - counts.get(State.READING, 0)
    elif batch.stage == ImportBatch.Stage.IMPORTING:
        total = batch.to_import
        done = total - counts.get(State.READ, 0) - counts.get(State.IMPORTING, 0)
    else:
        done = total
    return {
        "documents": documents,
        "total": total,
        "done": done,
        "percent": round(100 * done / total) if total else 100,
        "counts": counts,
    }


def confirm_links(*, plan, comment_ids) -> int:
    """Mark the links of the plan's comments `comment_ids` confirmed as they stand: they leave
    the queue of links to check. Returns how many were confirmed."""
    return Comment.objects.filter(
        pk__in=comment_ids, response__plan=plan, links_checked_at=None
    ).update(links_checked_at=timezone.now())
