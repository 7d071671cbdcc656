"""Responses brought in from the documents they arrived as: an officer's batch of files, each
read in the background, its respondent guessed and corrected in a review table, then imported
as one response each.

A document moves through its states one at a time, each move saved as it happens, so a worker
killed mid-batch loses nothing: the next worker picks up where it stopped (intake.tasks), and
the response and the document's "imported" state are saved in one transaction, with the
document's hash unique per plan (Response.source_sha256), so nothing is imported twice.
"""

from django.conf import settings
from django.db import models

from marginalia.jobs import Job
from plans.models import Plan
from responses.models import Respondent, Response


class ImportBatch(Job):
    """An officer's import: its `stage` in the officer's workflow (columns to assign, reading,
    review, importing, imported), and the background work of its reading or importing stage as
    a job of marginalia.jobs' shape: queued when the stage is asked for, working while workers
    take its documents one at a time (each one finished moves `claimed_at`), done when none is
    left. Work that stopped moving for the claim timeout lost its workers
    (intake.tasks.resume_stalled_batches)."""

    class Stage(models.TextChoices):
        MAPPING = "mapping", "Columns to assign"
        READING = "reading", "Reading the documents"
        REVIEW = "review", "Ready for review"
        IMPORTING = "importing", "Importing"
        DONE = "done", "Imported"

    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="import_batches")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    channel = models.CharField(
        max_length=20, choices=Response.Channel.choices, default=Response.Channel.EMAIL
    )
    received_on = models.DateField(null=True, blank=True)
    stage = models.CharField(max_length=20, choices=Stage.choices, default=Stage.READING)
    # How many documents the officer's review sent on to be imported.
    to_import = models.PositiveIntegerField(default=0)
    # A survey's export, when the batch is one (a document per row): the file as it came, its
    # column headings, and what the officer assigned each column to (intake.surveys).
    survey_filename = models.CharField(max_length=255, blank=True)
    survey_file = models.BinaryField(null=True, blank=True)
    columns = models.JSONField(default=list, blank=True)
    mapping = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "import batches"

    def __str__(self):
        return f"Import of {self.created_at:%d %B %Y %H:%M} into {self.plan}"


class ImportedDocument(models.Model):
    class State(models.TextChoices):
        WAITING = "waiting", "Waiting to be read"
        READING = "reading", "Being read"
        READ = "read", "Read"
        FAILED = "failed", "Could not be read"
        DUPLICATE = "duplicate", "Already imported"
        SKIPPED = "skipped", "Left out"
        IMPORTING = "importing", "Being imported"
        IMPORTED = "imported", "Imported"

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="documents")
    position = models.PositiveIntegerField()
    filename = models.CharField(max_length=255)
    # The original file, kept in the database so that every machine serves it to officers.
    content = models.BinaryField()
    sha256 = models.CharField(max_length=64)
    state = models.CharField(max_length=20, choices=State.choices, default=State.WAITING)
    reason = models.TextField(blank=True, help_text="Why it could not be read or imported.")
    claimed_at = models.DateTimeField(null=True, blank=True)
    text = models.TextField(blank=True)
    respondent_name = models.CharField(max_length=200, blank=True)
    respondent_kind = models.CharField(
        max_length=20, choices=Respondent.Kind.choices, default=Respondent.Kind.ORGANISATION
    )
    respondent_email = models.CharField(max_length=254, blank=True)
    guessed_from = models.CharField(max_length=100, blank=True)
    # For an organisation's document: the person who signed or sent it (intake.respondents).
    respondent_contact = models.CharField(max_length=200, blank=True)
    # The day an email says it was sent, taken as the day it was received.
    received_on = models.DateField(null=True, blank=True)
    # A survey row's cells, one per column of the batch (its document is the row).
    cells = models.JSONField(null=True, blank=True)
    response = models.OneToOneField(
        Response, on_delete=models.SET_NULL, null=True, blank=True, related_name="document"
    )

    class Meta:
        ordering = ["batch", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["batch", "position"], name="imported_document_position_unique"
            )
        ]
        indexes = [
            models.Index(fields=["batch", "state"]),
            models.Index(fields=["batch", "sha256"]),
        ]

    def __str__(self):
        return self.filename

    @property
    def first_words(self):
        return " ".join(self.text.split()[:25])
