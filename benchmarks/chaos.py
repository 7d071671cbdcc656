"""`make chaos`: submissions while the service fails under them, and a count of what survived.

In a throwaway PostgreSQL database (marginalia_chaos, on DATABASE_URL's server if it names a
PostgreSQL one, else 127.0.0.1:5432) it makes 500 respondents, each with a draft of two comments
on the seed plan, and serves the app with gunicorn (4 workers, production settings) sending its
email to an SMTP sink of its own. 1,000 submissions (each draft submitted twice, as a double
click does) arrive from 32 connections at once; a third of the way in one gunicorn worker is
killed (SIGKILL), two thirds of the way in PostgreSQL is restarted. A respondent whose request
fails (a dropped connection, an error page) submits again, as a person would, up to 8 times.

Then it counts, from the database and the sink: each draft must be one submitted response with
its reference, both comments and their links, and one confirmation email. It prints
`saved N/N, duplicated D, partial P, lost L` and exits non-zero unless D, P and L are 0.

    DJANGO_SETTINGS_MODULE=marginalia.settings python -m benchmarks.chaos [--drafts 500]

It restarts the PostgreSQL cluster it runs on (pg_ctlcluster, as root): run it on a machine of
your own, never beside a database someone is using.
"""

import argparse
import os
import random
import re
import secrets
import signal
import socketserver
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

from benchmarks.serving import _tail, gunicorn, throwaway_database, worker_pids

DATABASE_NAME = "marginalia_chaos"
WORKERS = 4
CONNECTIONS = 32
ATTEMPTS = 8
COMMENTS_PER_DRAFT = 2
CSRF_SECRET = secrets.token_hex(16)  # 32 characters: Django's CSRF secret, sent as cookie and form


# -- An SMTP server that keeps what it is sent ----------------------------------------------------


class _SmtpSession(socketserver.StreamRequestHandler):
    """Just enough SMTP for Django's backend without TLS: each message's text is kept."""

    def reply(self, line):
        self.wfile.write(f"{line}\r\n".encode())

    def handle(self):
        self.reply("220 chaos sink")
        while line := self.rfile.readline():
            command = line.decode(errors="replace").strip().upper()
            if command.startswith(("EHLO", "HELO")):
                self.reply("250 chaos sink")
            elif command == "DATA":
                self.reply("354 end with a dot")
                lines = []
                while (data := self.rfile.readline()) not in (b".\r\n", b""):
                    lines.append(data.decode(errors="replace"))
                with self.server.lock:
                    self.server.messages.append("".join(lines))
                self.reply("250 kept")
            elif command == "QUIT":
                self.reply("221 bye")
                return
            else:  # MAIL FROM, RCPT TO, RSET, NOOP
                self.reply("250 ok")


class SmtpSink(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _SmtpSession)
        self.messages = []
        self.lock = threading.Lock()

    def __enter__(self):
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.shutdown()
        self.server_close()


# -- The drafts and who submits them --------------------------------------------------------------


def make_drafts(count):
    """`count` respondents, each signed in (a session in the database) with a draft of two
    comments on the seed plan: [(draft id, its version, session key)]."""
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.contrib.auth.models import Group
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command

    from plans.models import Plan
    from responses.models import Comment, Respondent, Response, SectionLink

    call_command("load_seed", verbosity=0)
    plan = Plan.objects.get()
    sections = list(plan.sections.all())
    respondents = Group.objects.get(name="Respondents")
    drafts = []
    for number in range(count):
        user = get_user_model().objects.create_user(f"chaos{number}", f"chaos{number}@example.org")
        user.groups.add(respondents)
        respondent = Respondent.objects.create(user=user, name=f"Chaos Trust {number}")
        draft = Response.objects.create(
            plan=plan, respondent=respondent, owner=user, status=Response.Status.DRAFT
        )
        for position in range(1, COMMENTS_PER_DRAFT + 1):
            comment = Comment.objects.create(
                response=draft, position=position, text=f"Comment {position} of trust {number}."
            )
            SectionLink.objects.create(comment=comment, section=sections[position % len(sections)])
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "accounts.backends.ModelBackendReadingPermissionsOnce"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        drafts.append((draft.pk, draft.version, session.session_key))
    return drafts


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(_NoRedirects)


def submit(base, draft_id, version, session_key):
    """Submit one draft as its respondent would, again after a failure: (submitted, attempts,
    what each failed attempt got)."""
    body = urllib.parse.urlencode({"version": version, "csrfmiddlewaretoken": CSRF_SECRET})
    failures = []
    for attempt in range(1, ATTEMPTS + 1):
        request = urllib.request.Request(
            f"{base}/responses/{draft_id}/submit/",
            data=body.encode(),
            headers={"Cookie": f"sessionid={session_key}; csrftoken={CSRF_SECRET}"},
        )
        try:
            with OPENER.open(request, timeout=60) as answer:
                failures.append(answer.status)
        except urllib.error.HTTPError as error:
            if error.code == 302 and error.headers["Location"].endswith("/submitted/"):
                return True, attempt, failures
            failures.append(error.code)
        except OSError as error:  # the connection dropped: a killed worker, a refused connection
            failures.append(type(error).__name__)
        time.sleep(0.25 * attempt)
    return False, ATTEMPTS, failures


# -- The faults -----------------------------------------------------------------------------------


def kill_a_worker(master_pid):
    victim = random.choice(worker_pids(master_pid))
    os.kill(victim, signal.SIGKILL)
    return f"killed gunicorn worker {victim}"


def restart_postgresql():
    version = sorted(os.listdir("/etc/postgresql"))[-1]
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart"],
        check=True,
        capture_output=True,
    )
    return f"restarted PostgreSQL {version}"


# -- The count ------------------------------------------------------------------------------------


def count(drafts, messages):
    """What each draft became, from the database (a new connection: the old one did not
    survive the restart) and the emails the sink kept."""
    from django.db import connections

    from responses.models import Response, SectionLink

    connections.close_all()
    ids = [draft_id for draft_id, _, _ in drafts]
    responses = Response.objects.filter(pk__in=ids).prefetch_related("comments")
    links = Counter(
        SectionLink.objects.filter(comment__response__in=ids).values_list(
            "comment__response_id", flat=True
        )
    )
    references = Counter(
        response.reference for response in Response.objects.exclude(reference=None)
    )
    emails = Counter(
        reference for message in messages for reference in set(re.findall(r"CHAOS-\d{6}", message))
    )
    saved = duplicated = partial = lost = 0
    for response in responses:
        if response.status == Response.Status.DRAFT:
            lost += 1
            continue
        whole = (
            response.reference
            and len(response.comments.all()) == COMMENTS_PER_DRAFT
            and links[response.pk] == COMMENTS_PER_DRAFT
        )
        if not whole:
            partial += 1
        elif references[response.reference] > 1 or emails[response.reference] > 1:
            duplicated += 1
        elif emails[response.reference] == 0:
            lost += 1  # submitted, but its respondent was never told
        else:
            saved += 1
    lost += len(ids) - len(responses)
    return {"saved": saved, "duplicated": duplicated, "partial": partial, "lost": lost}


def run(options, environment):
    from plans.models import Plan

    print(f"Making {options.drafts} respondents with a draft each…")
    drafts = make_drafts(options.drafts)
    Plan.objects.update(reference_prefix="CHAOS")
    submissions = [draft for draft in drafts for _ in range(2)]
    random.shuffle(submissions)
    faults = {len(submissions) // 3: "worker", 2 * len(submissions) // 3: "postgresql"}
    events, outcomes = [], []
    with SmtpSink() as sink:
        environment = environment | {
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(sink.server_address[1]),
            "EMAIL_USE_TLS": "0",
        }
        with tempfile.NamedTemporaryFile("w+", prefix="chaos-gunicorn-", suffix=".log") as log:
            with gunicorn(environment, log, WORKERS) as (base, master_pid):
                print(
                    f"{len(submissions):,} submissions from {CONNECTIONS} connections, "
                    f"{WORKERS} gunicorn workers…"
                )
                started = time.perf_counter()
                with ThreadPoolExecutor(CONNECTIONS) as pool:
                    pending = [pool.submit(submit, base, *draft) for draft in submissions]
                    for done, future in enumerate(pending, start=1):
                        outcomes.append(future.result())
                        if faults.get(done) == "worker":
                            events.append(kill_a_worker(master_pid))
                            print(f"  after {done:,}: {events[-1]}")
                        elif faults.get(done) == "postgresql":
                            events.append(restart_postgresql())
                            print(f"  after {done:,}: {events[-1]}")
                seconds = time.perf_counter() - started
                time.sleep(2)  # the last emails, sent as each transaction commits
            server_log = _tail(log, 200_000)
        messages = list(sink.messages)
    failures = Counter(str(failure) for _, _, failed in outcomes for failure in failed)
    retried = sum(1 for _, attempts, _ in outcomes if attempts > 1)
    given_up = sum(1 for submitted, _, _ in outcomes if not submitted)
    print(f"  {seconds:.0f} s; {retried} submissions needed another try, {given_up} gave up")
    print(f"  failed attempts: {dict(failures) or 'none'}")
    errors = len(re.findall(r"Traceback|Internal Server Error", server_log))
    print(f"  faults: {'; '.join(events)}; {errors} server errors logged")
    return count(drafts, messages)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--drafts", type=int, default=500, help="drafts, each submitted twice")
    options = parser.parse_args(argv)
    with throwaway_database(DATABASE_NAME) as environment:
        result = run(options, environment)
    print(
        f"saved {result['saved']}/{options.drafts}, duplicated {result['duplicated']}, "
        f"partial {result['partial']}, lost {result['lost']}"
    )
    if result["duplicated"] or result["partial"] or result["lost"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
