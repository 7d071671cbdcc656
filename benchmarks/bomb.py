"""`make bomb`: hostile documents sent as a tester sends them, and what each one cost.

Every document of tests.hostile (PDFs that draw one stream thousands of times, a Word table of
merged rows, emails with runaway headers or "… wrote:" lines, a survey of empty rows, a workbook
of millions of shared texts), and ten zips that each unpack to 49 MB, go through each page that
reads such a file: the respondent's paste page, the officer's record form and an import batch
(documents), the survey import (surveys). The app runs as production runs it: gunicorn (2
workers, production settings) and one `manage.py db_worker`, on a throwaway PostgreSQL database
(marginalia_bomb, on DATABASE_URL's server if it names a PostgreSQL one, else 127.0.0.1:5432).

For each it prints the time the request took (for a batch, and how long the worker took), the
peak resident memory so far (VmHWM) of the web workers, of the task worker and of the child
processes that read documents (marginalia.documents.sandbox), sampled every 20 ms, and the
message the sender was shown. It exits non-zero if any request took over 10 s, any process grew
past 500 MB, or any batch was left unfinished.

    DJANGO_SETTINGS_MODULE=marginalia.settings python -m benchmarks.bomb
"""

import html
import re
import secrets
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from benchmarks.imports import ROOT, WORKER_COMMAND, _tail
from benchmarks.serving import gunicorn, throwaway_database, worker_pids

DATABASE_NAME = "marginalia_bomb"
WEB_WORKERS = 2
MAX_REQUEST_SECONDS = 10
MAX_PROCESS_MB = 500
BATCH_LIMIT_SECONDS = 120
CSRF_SECRET = secrets.token_hex(16)
PLAN = "noms-third-sector-action-plan"


def ten_zips(megabytes):
    """Ten zips of one text file of `megabytes` each: 49 MB each is 1.5 MB in all, 490 MB
    unpacked (each member over the 20 MB document limit); 15 MB each is 150 MB in all (each
    member within the limit, together over the batch's 100 MB)."""
    from tests.hostile import zip_of_large_text

    one = zip_of_large_text(megabytes)
    return [(f"letters{number}.zip", one) for number in range(10)]


# -- Memory, sampled --------------------------------------------------------------------------


class Peaks(threading.Thread):
    """Samples, every 20 ms, the peak resident memory of the gunicorn workers, the task worker
    and every process below either (the document readers)."""

    def __init__(self, master_pid, worker_pid):
        super().__init__(daemon=True)
        self.master_pid, self.worker_pid = master_pid, worker_pid
        self.stopping = threading.Event()
        self.reset()

    def reset(self):
        self.peaks = {"web": 0.0, "worker": 0.0, "readers": 0.0}

    def run(self):
        while not self.stopping.wait(0.02):
            parents = {}
            for entry in Path("/proc").iterdir():
                if entry.name.isdigit():
                    try:
                        status = (entry / "status").read_text()
                    except OSError:
                        continue
                    parent = re.search(r"^PPid:\s+(\d+)", status, re.MULTILINE)
                    peak = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
                    if parent and peak:
                        parents[int(entry.name)] = (int(parent[1]), int(peak[1]) / 1024)
            web = set(worker_pids(self.master_pid))
            for pid, (parent, megabytes) in parents.items():
                kind = None
                if pid in web:
                    kind = "web"
                elif pid == self.worker_pid:
                    kind = "worker"
                else:
                    ancestor, seen = parent, 0
                    while ancestor in parents and seen < 10:
                        if ancestor in web or ancestor == self.worker_pid:
                            kind = "readers"
                            break
                        ancestor, seen = parents[ancestor][0], seen + 1
                if kind:
                    self.peaks[kind] = max(self.peaks[kind], megabytes)


# -- Sending ----------------------------------------------------------------------------------


def signed_in(username, group):
    """A user of `group`, signed in: its session key (and the user)."""
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.contrib.auth.models import Group
    from django.contrib.sessions.backends.db import SessionStore

    user = get_user_model().objects.create_user(username, f"{username}@example.org")
    user.groups.add(Group.objects.get(name=group))
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "accounts.backends.ModelBackendReadingPermissionsOnce"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key, user


def post(base, path, session_key, data, files):
    import requests

    started = time.perf_counter()
    answer = requests.post(
        f"{base}{path}",
        data={**data, "csrfmiddlewaretoken": CSRF_SECRET},
        files=files,
        cookies={"sessionid": session_key, "csrftoken": CSRF_SECRET},
        headers={"Referer": base},
        allow_redirects=False,
        timeout=120,
    )
    return answer, time.perf_counter() - started


def shown(answer):
    """What the page told the sender: its error summary, else where it went."""
    if answer.status_code in (301, 302):
        return f"→ {answer.headers['Location']}"
    found = re.search(r'govuk-error-summary__list">(.*?)</ul>', answer.text, re.DOTALL)
    if answer.status_code == 200 and found:
        return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", found[1])).split())
    return f"{answer.status_code}"


def paste(base, session, draft, name, content):
    from responses.models import Response

    version = Response.objects.get(pk=draft.pk).version
    answer, seconds = post(
        base,
        f"/responses/{draft.pk}/paste/",
        session,
        {"version": str(version), "text": ""},
        {"document": (name, content)},
    )
    return seconds, shown(answer)


def record(base, session, name, content):
    data = {"name": "Bell Trust", "kind": "organisation", "channel": "email", "received_on": ""}
    answer, seconds = post(
        base, f"/plans/{PLAN}/imports/record/", session, {**data, "text": ""},
        {"document": (name, content)},
    )  # fmt: skip
    return seconds, shown(answer)


def survey(base, session, name, content):
    answer, seconds = post(
        base, f"/plans/{PLAN}/imports/survey/", session, {"channel": "online", "received_on": ""},
        {"survey": (name, content)},
    )  # fmt: skip
    return seconds, shown(answer)


def batch(base, session, files):
    """An import of `files`, timed until the worker has read every document; the message is
    the page's refusal, or each document's outcome."""
    from intake.models import ImportBatch

    before = set(ImportBatch.objects.values_list("pk", flat=True))
    answer, seconds = post(
        base, f"/plans/{PLAN}/imports/new/", session, {"channel": "email", "received_on": ""},
        [("files", (name, content)) for name, content in files],
    )  # fmt: skip
    made = ImportBatch.objects.exclude(pk__in=before).first()
    if made is None:
        return seconds, shown(answer), True
    started = time.perf_counter()
    deadline = time.monotonic() + BATCH_LIMIT_SECONDS
    while made.stage == ImportBatch.Stage.READING and time.monotonic() < deadline:
        time.sleep(0.1)
        made.refresh_from_db()
    finished = made.stage != ImportBatch.Stage.READING
    outcomes = "; ".join(
        f"{filename}: {state}{' – ' + reason if reason else ''}"
        for filename, state, reason in made.documents.values_list("filename", "state", "reason")
    )
    read = f"read in {time.perf_counter() - started:.1f} s: " if finished else "UNFINISHED: "
    return seconds, read + outcomes, finished


# -- The run ----------------------------------------------------------------------------------


def run(environment):
    from django.core.management import call_command

    from plans.models import Plan
    from responses.models import Respondent, Response
    from tests.hostile import HOSTILE_DOCUMENTS

    call_command("load_seed", verbosity=0)
    plan = Plan.objects.get()
    respondent_session, respondent_user = signed_in("bomb-respondent", "Respondents")
    officer_session, _ = signed_in("bomb-officer", "Policy officers")
    draft = Response.objects.create(
        plan=plan,
        respondent=Respondent.objects.create(user=respondent_user, name="Bomb Trust"),
        owner=respondent_user,
        status=Response.Status.DRAFT,
    )
    rows, failures = [], []
    with tempfile.NamedTemporaryFile("w+", prefix="bomb-", suffix=".log") as log:
        command = [sys.executable, "manage.py", *WORKER_COMMAND]
        worker = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=log, stderr=log)
        try:
            with gunicorn(environment, log, WEB_WORKERS) as (base, master_pid):
                peaks = Peaks(master_pid, worker.pid)
                peaks.start()
                sends = []
                for key, (_description, make, reader) in HOSTILE_DOCUMENTS.items():
                    name, content = make()
                    if reader == "survey":
                        sends.append((key, "survey", lambda n=name, c=content: survey(
                            base, officer_session, n, c)))  # fmt: skip
                        continue
                    sends += [
                        (key, "paste page", lambda n=name, c=content: paste(
                            base, respondent_session, draft, n, c)),
                        (key, "record form", lambda n=name, c=content: record(
                            base, officer_session, n, c)),
                        (key, "batch", lambda n=name, c=content: batch(
                            base, officer_session, [(n, c)])),
                    ]  # fmt: skip
                for megabytes in (49, 15):
                    sends.append((f"ten-{megabytes}MB-zips", "batch", lambda m=megabytes: batch(
                        base, officer_session, ten_zips(m))))  # fmt: skip
                for key, path, send in sends:
                    peaks.reset()
                    result = send()
                    seconds, message = result[0], result[1]
                    finished = result[2] if len(result) > 2 else True
                    time.sleep(0.1)  # a last sample
                    row = (key, path, seconds, dict(peaks.peaks), message, finished)
                    rows.append(row)
                    print_row(row)
                    failures += check(row)
                peaks.stopping.set()
        except Exception:
            print(_tail(log))
            raise
        finally:
            worker.terminate()
            worker.wait(timeout=30)
    return rows, failures


def print_row(row):
    key, path, seconds, peaks, message, _finished = row
    memory = " ".join(f"{kind} {megabytes:4.0f}" for kind, megabytes in peaks.items())
    print(f"{key:20} {path:12} {seconds:6.2f} s  MB: {memory}  {message[:160]}")


def check(row):
    key, path, seconds, peaks, _message, finished = row
    failures = []
    if seconds > MAX_REQUEST_SECONDS:
        failures.append(f"{key} on the {path}: {seconds:.1f} s")
    for kind, megabytes in peaks.items():
        if megabytes > MAX_PROCESS_MB:
            failures.append(f"{key} on the {path}: {kind} {megabytes:.0f} MB")
    if not finished:
        failures.append(f"{key} on the {path}: the batch was left unfinished")
    return failures


def main():
    with throwaway_database(DATABASE_NAME) as environment:
        print("document             path         time     peak memory (MB)  message shown")
        _rows, failures = run(environment)
    if failures:
        sys.exit("Over the limits:\n  " + "\n  ".join(failures))
    print(
        f"\nEvery request under {MAX_REQUEST_SECONDS} s, every process under {MAX_PROCESS_MB} MB, "
        "every batch finished."
    )


if __name__ == "__main__":
    main()
