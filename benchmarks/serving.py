"""What the benchmarks stand on: a throwaway PostgreSQL database with Django set up on it, and
gunicorn serving the app from it with the production settings, started and stopped around a run
(`make bench`'s benchmarks.pages, `make chaos`'s benchmarks.chaos)."""

import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS_PATH = ROOT / "benchmarks" / "results.json"
DEFAULT_SERVER = "postgres://postgres@127.0.0.1:5432/"
POSTGRES_SCHEMES = {"postgres", "postgresql", "pgsql"}
HOST = "127.0.0.1"


class BenchError(Exception):
    """Something the bench needs failed; the message says what and how to fix it."""


# -- The database ---------------------------------------------------------------------------------


def postgres_server(database_url):
    """The PostgreSQL server to bench on, as a URL with no database: DATABASE_URL's if it names
    a PostgreSQL one (the bench always measures PostgreSQL, as production runs)."""
    parts = urllib.parse.urlsplit(database_url)
    if parts.scheme not in POSTGRES_SCHEMES:
        return DEFAULT_SERVER
    return urllib.parse.urlunsplit(("postgres", parts.netloc, "/", parts.query, ""))


def database_url(server, name):
    parts = urllib.parse.urlsplit(server)
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, ""))


def _on_server(server, statement):
    """Run one statement on the server's maintenance database, outside any transaction (CREATE
    and DROP DATABASE refuse to run inside one)."""
    import psycopg2

    try:
        connection = psycopg2.connect(database_url(server, "postgres"))
    except psycopg2.OperationalError as error:
        raise BenchError(f"Cannot reach PostgreSQL at {server}: {error}".strip()) from error
    try:
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute(statement)
    finally:
        connection.close()


def recreate_database(server, name):
    # FORCE: a database left by an interrupted run may still have connections open.
    _on_server(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    _on_server(server, f'CREATE DATABASE "{name}"')


def drop_database(server, name):
    _on_server(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def production_environment(bench_database_url):
    """The environment gunicorn runs in, which this process takes too, so the test client renders
    what gunicorn serves: production settings, the bench database, no Redis (each process caches
    in its own memory)."""
    environment = {
        key: value for key, value in os.environ.items() if key not in {"REDIS_URL", "DJANGO_DEBUG"}
    }
    environment.update(
        DATABASE_URL=bench_database_url,
        DJANGO_DEBUG="0",
        DJANGO_HTTPS="0",  # gunicorn and wrk speak plain HTTP here, as behind a proxy
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS=f"{HOST},localhost",
        DJANGO_SETTINGS_MODULE="marginalia.settings",
    )
    return environment


def manage(*arguments, environment):
    """`python manage.py …` in a subprocess, as a deployment would run it."""
    command = [sys.executable, "manage.py", *arguments]
    finished = subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True)
    if finished.returncode:
        raise BenchError(f"`manage.py {' '.join(arguments)}` failed:\n{finished.stderr[-3000:]}")


def free_port():
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def fetch(url, headers=None, timeout=120):
    """(status, headers) of one GET; the body is read and dropped."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
            return response.status, response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.headers


def worker_pids(master_pid):
    """The gunicorn master's children, its workers, from /proc."""
    children = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:  # gone meanwhile
            continue
        if re.search(rf"^PPid:\s+{master_pid}$", status, re.MULTILINE):
            children.append(int(entry.name))
    return sorted(children)


def peak_megabytes(pid):
    """A process's peak resident memory (VmHWM) in MB."""
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)[1]) / 1024


@contextmanager
def gunicorn(environment, log, workers):
    """gunicorn serving the app on a free port, as production does; yields (base URL, master
    pid) once /health/ answers, and stops the master and its workers whatever happens."""
    base = f"http://{HOST}:{free_port()}"
    command = [sys.executable, "-m", "gunicorn", "marginalia.wsgi"]
    command += ["--workers", str(workers), "--bind", base.removeprefix("http://")]
    master = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=log, stderr=log)
    started = []
    try:
        _wait_until_healthy(base, master, log)
        started = worker_pids(master.pid)
        yield base, master.pid
    finally:
        started = sorted(set(started) | set(worker_pids(master.pid)))
        master.send_signal(signal.SIGTERM)  # a graceful stop: the workers finish and exit
        try:
            master.wait(timeout=40)
        except subprocess.TimeoutExpired:
            master.kill()
            master.wait()
        for pid in started:  # only if one outlived its master
            try:
                if "gunicorn" in Path(f"/proc/{pid}/cmdline").read_text():
                    os.kill(pid, signal.SIGKILL)
            except OSError:
                pass


def _wait_until_healthy(base, master, log, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if master.poll() is not None:
            raise BenchError(f"gunicorn exited ({master.returncode}):\n{_tail(log)}")
        try:
            if fetch(f"{base}/health/", timeout=2)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise BenchError(f"gunicorn did not answer /health/ within {seconds} s:\n{_tail(log)}")


def _tail(log, characters=3000):
    log.flush()
    return Path(log.name).read_text(errors="replace")[-characters:]


@contextmanager
def throwaway_database(name, *, keep=False):
    """A new PostgreSQL database `name` on DATABASE_URL's server (else 127.0.0.1:5432), migrated,
    with the static files collected, and Django set up on it in this process with the settings
    gunicorn gets: yields those settings (production_environment). Dropped afterwards unless
    `keep`. A BenchError ends the program with its message."""
    try:
        server = postgres_server(os.environ.get("DATABASE_URL", ""))
        url = database_url(server, name)
        print(f"Creating {url}…")
        recreate_database(server, name)
    except BenchError as error:
        sys.exit(str(error))
    environment = production_environment(url)
    # This process reads the same settings as gunicorn, set before Django reads them.
    os.environ.pop("REDIS_URL", None)
    os.environ.update(environment)
    try:
        print("Migrating, collecting static files…")
        manage("migrate", "--noinput", environment=environment)
        manage("collectstatic", "--noinput", "--verbosity", "0", environment=environment)
        import django

        django.setup()
        yield environment
    except BenchError as error:
        sys.exit(str(error))
    finally:
        from django.db import connections

        connections.close_all()
        if keep:
            print(f"Kept the database: DATABASE_URL={url}")
        else:
            drop_database(server, name)


def store_results(results):
    """Write each key of `results` into benchmarks/results.json, keeping its other keys: each
    bench of `make bench` replaces only its own."""
    stored = json.loads(RESULTS_PATH.read_text()) if RESULTS_PATH.exists() else {}
    stored.update(results)
    RESULTS_PATH.write_text(json.dumps(stored, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    print(f"\nWritten to {RESULTS_PATH.relative_to(ROOT)}")
