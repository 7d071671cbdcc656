"""The background work of an import, run by `manage.py db_worker` (django-tasks' database
backend): each task takes documents one at a time until none is left, so several workers share
a batch, and a task run again after its worker died goes on where that one stopped."""

from django.db import transaction
from django_tasks import task

from intake.models import ImportBatch, ImportedDocument
from intake.services import import_next, read_next
from marginalia import jobs

State = ImportedDocument.State

# Documents per task enqueued: a big batch gets several tasks, so that several workers join in.
DOCUMENTS_PER_TASK = 25
MAX_TASKS_PER_BATCH = 8


@task()
def read_documents(batch_id):
    """Read the batch's documents until none is left; returns how many this task read."""
    return _until_done(batch_id, read_next)


@task()
def import_documents(batch_id):
    """Import the batch's reviewed documents until none is left; returns how many."""
    return _until_done(batch_id, import_next)


def _until_done(batch_id, step):
    batch = ImportBatch.objects.get(pk=batch_id)
    done = 0
    while step(batch):
        done += 1
    return done


def enqueue_work(batch):
    """Queue the tasks that move `batch` through its stage, once this transaction commits."""
    work = {
        ImportBatch.Stage.READING: read_documents,
        ImportBatch.Stage.IMPORTING: import_documents,
    }.get(batch.stage)
    if work is None:
        return
    count = batch.documents.filter(
        state=State.WAITING if batch.stage == ImportBatch.Stage.READING else State.READ
    ).count()
    for _ in range(min(MAX_TASKS_PER_BATCH, 1 + count // DOCUMENTS_PER_TASK)):
        transaction.on_commit(lambda: work.enqueue(batch.pk))


def resume_stalled_batches(batches=None):
    """Queue again the work of every batch (of `batches`, else all) that has not moved for the
    claim timeout: its worker died, or was never started. Returns how many were resumed."""
    at_work = (ImportBatch.objects.all() if batches is None else batches).filter(
        stage__in=[ImportBatch.Stage.READING, ImportBatch.Stage.IMPORTING]
    )
    return jobs.resume_stalled(at_work, enqueue_work)
