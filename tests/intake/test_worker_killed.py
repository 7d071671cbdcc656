"""A worker killed mid-import loses nothing and duplicates nothing: the document it held is given
back once its claim times out, the batch's work is queued again when it stops moving, and a
response is saved only with its document's "imported" state, in one transaction."""

import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from intake import services
from intake.models import ImportBatch, ImportedDocument
from intake.services import Upload, confirm_batch, start_batch
from intake.tasks import enqueue_work, resume_stalled_batches
from responses.models import Response
from tests.intake.letters import mixed_responses

pytestmark = pytest.mark.django_db
State = ImportedDocument.State
PROJECT = Path(__file__).resolve().parents[2]


@pytest.fixture
def batch(seed):
    plan, _ = seed
    uploads = [Upload(name, content) for name, content in mixed_responses(6).items()]
    batch = start_batch(plan=plan, user=None, uploads=uploads, channel="email")
    enqueue_work(batch)
    return batch


def age(batch, seconds=3600):
    """Make the batch and its claims look `seconds` old, as after its worker died."""
    then = timezone.now() - timedelta(seconds=seconds)
    ImportBatch.objects.filter(pk=batch.pk).update(requested_at=then, claimed_at=then)
    batch.documents.exclude(claimed_at=None).update(claimed_at=then)


def test_a_document_held_by_a_dead_reader_is_read_by_the_next(batch, worker):
    held = services._claim(batch, State.WAITING, State.READING)  # …and the worker dies
    worker()
    held.refresh_from_db()
    assert held.state == State.READING  # not yet: its claim is fresh

    age(batch)
    assert resume_stalled_batches() == 1
    worker()

    held.refresh_from_db()
    assert held.state == State.READ
    batch.refresh_from_db()
    assert batch.stage == ImportBatch.Stage.REVIEW


def test_a_worker_killed_inside_an_import_saves_nothing_and_the_retry_imports_once(
    batch, worker, monkeypatch
):
    worker()
    batch.refresh_from_db()
    batch = confirm_batch(batch=batch, corrections={})
    real_finish = services._finish
    killed = []

    def killed_after_the_response_is_written(document, **changes):
        if changes.get("state") == State.IMPORTED and not killed:
            killed.append(document.filename)
            raise SystemExit("worker killed")
        real_finish(document, **changes)

    monkeypatch.setattr(services, "_finish", killed_after_the_response_is_written)
    with pytest.raises(SystemExit):
        services.import_next(batch)
    assert not Response.objects.exclude(source_sha256=None).exists()  # rolled back whole

    age(batch)
    resume_stalled_batches()
    worker()

    assert Response.objects.exclude(source_sha256=None).count() == 6
    assert batch.documents.filter(state=State.IMPORTED).count() == 6
    batch.refresh_from_db()
    assert batch.stage == ImportBatch.Stage.DONE


def test_a_document_imported_before_its_worker_died_is_not_imported_again(batch, worker):
    worker()
    batch.refresh_from_db()
    batch = confirm_batch(batch=batch, corrections={})
    document = batch.documents.filter(state=State.READ).first()
    # Another worker imported it, then died before saying so.
    from responses.received import record_response

    record_response(
        plan=batch.plan,
        name="Someone",
        kind="organisation",
        prose=document.text,
        channel="email",
        source_sha256=document.sha256,
    )
    enqueue_work(batch)
    worker()

    document.refresh_from_db()
    assert document.state == State.DUPLICATE
    assert document.reason.startswith("Already imported as NOMS-TSAP-")
    assert Response.objects.exclude(source_sha256=None).count() == 6


@pytest.mark.skipif(connection.vendor != "sqlite", reason="one real worker process, on a file")
def test_a_real_db_worker_killed_mid_batch_is_resumed_by_another(tmp_path):
    """Two `manage.py db_worker` processes on a SQLite file: the first killed (SIGKILL) while it
    reads a batch, the second finishes it once the batch is seen to have stalled."""
    environment = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'worker.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "TASK_CLAIM_TIMEOUT": "2",
    }

    def manage(*arguments, **options):
        return subprocess.run(
            [sys.executable, "manage.py", *arguments],
            cwd=PROJECT, env=environment, capture_output=True, text=True, timeout=300,
            check=True, **options,
        )  # fmt: skip

    manage("migrate", "--noinput")
    manage("shell", "-c", "from tests.intake.worker_scenario import start; start(40)")
    first = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay",
         "--interval", "0.1"],
        cwd=PROJECT, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            read = manage("shell", "-c", "from tests.intake.worker_scenario import read; read()")
            if int(read.stdout.strip().splitlines()[-1]) >= 5:
                break
            time.sleep(0.2)
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait()
    time.sleep(2.5)  # the claim timeout passes
    manage("shell", "-c", "from tests.intake.worker_scenario import resume; resume()")
    manage("db_worker", "--batch", "--no-reload", "--no-startup-delay", "--interval", "0")

    states = manage("shell", "-c", "from tests.intake.worker_scenario import states; states()")
    assert states.stdout.strip().splitlines()[-1] == "review read=40"


def test_resume_work_queues_a_stalled_batch_once(batch, worker, capsys):
    from django.core.management import call_command

    worker()  # read: the batch is in review, nothing stalls
    call_command("resume_work")
    assert "imports: 0 resumed" in capsys.readouterr().out

    batch.refresh_from_db()
    batch = confirm_batch(batch=batch, corrections={})  # importing, but nothing queued
    age(batch)
    call_command("resume_work")
    call_command("resume_work")
    said = capsys.readouterr().out.splitlines()
    assert [line for line in said if line.startswith("imports")] == [
        "imports: 1 resumed",
        "imports: 0 resumed",
    ]
    worker()
    batch.refresh_from_db()
    assert batch.stage == ImportBatch.Stage.DONE
