"""Running the queued background tasks in the test's own transaction, as `manage.py db_worker`
runs them: the database backend's worker, given each ready task in turn. Work is enqueued once
its request's transaction commits (transaction.on_commit), which a test's transaction never
does, so what waits for the commit is run first, as the commit would."""

from django.db import connection
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult


def run_commit_callbacks():
    """Run what is waiting for the test's transaction to commit (jobs to enqueue), and forget
    it, as the commit would."""
    while connection.run_on_commit:
        _savepoints, callback, _robust = connection.run_on_commit.pop(0)
        callback()


def run_queued_tasks():
    """Run every task queued so far (and those they queue), as one db_worker would; returns how
    many ran. db_worker's own loop closes the database connection between tasks, which would
    end the test's transaction, so its run_task is called directly."""
    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="tests",
        excluded_queue_names=[],
    )
    ran = 0
    run_commit_callbacks()
    while (result := DBTaskResult.objects.ready().order_by("enqueued_at").first()) is not None:
        result.claim(worker.worker_id)
        worker.run_task(result)
        run_commit_callbacks()
        ran += 1
    return ran
