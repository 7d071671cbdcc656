"""On SQLite (`make run`), writes at the same moment wait their turn (marginalia.settings: each
transaction takes the write lock as it begins, with a busy timeout and a write-ahead log)
instead of failing with "database is locked": no 500, nothing half-saved."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

PROJECT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's locking, not PostgreSQL's")
def test_parallel_submits_and_saves_on_sqlite_wait_their_turn(tmp_path):
    environment = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'concurrent.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "tests.settings",
    }
    finished = subprocess.run(
        [sys.executable, "-m", "tests.responses.concurrent_writes", tmp_path / "result.json"],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert finished.returncode == 0, finished.stderr[-3000:]
    result = json.loads((tmp_path / "result.json").read_text())

    assert result["submits"] == [302] * 20
    assert result["submitted"] == 20
    # One tab's save wins; the others hold a stale version and are told of the conflict.
    assert sorted(result["saves"]) == [302] + [409] * 9
    assert result["saved_comments"] == ["Saved from a tab."]
