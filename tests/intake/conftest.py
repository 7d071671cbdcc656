"""The intake's tests run the background tasks an import queues with `worker()`."""

import pytest

from tests.background import run_queued_tasks


@pytest.fixture
def worker():
    return run_queued_tasks
