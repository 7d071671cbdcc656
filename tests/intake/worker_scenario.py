"""Steps of tests.intake.test_worker_killed's real-worker scenario, each run in its own
`manage.py shell` process against a SQLite file."""

from intake.models import ImportBatch, ImportedDocument
from intake.services import Upload, start_batch
from intake.tasks import enqueue_work, resume_stalled_batches
from responses.seed import load_seed
from tests.intake.letters import mixed_responses


def start(count):
    plan, _ = load_seed()
    uploads = [Upload(name, content) for name, content in mixed_responses(count).items()]
    enqueue_work(start_batch(plan=plan, user=None, uploads=uploads, channel="email"))


def read():
    print(ImportedDocument.objects.filter(state=ImportedDocument.State.READ).count())


def resume():
    resume_stalled_batches()


def states():
    batch = ImportBatch.objects.get()
    read = batch.documents.filter(state=ImportedDocument.State.READ).count()
    print(f"{batch.stage} read={read}")
