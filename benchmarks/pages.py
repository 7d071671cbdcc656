"""`make bench`: every page of a 100,000-comment consultation, served as in production.

It makes a throwaway PostgreSQL database (marginalia_bench, on the server DATABASE_URL names if
it names a PostgreSQL one, else on postgres://postgres@127.0.0.1:5432/), migrates it, builds the
bench consultation into it (benchmarks.consultation: 100,000 comments, 500,000 section links) and
analyses it. Then, for each page the public or a policy officer reads:

- its queries and size, here in this process with Django's test client: the warm request (the
  page, or the officer's figures, from the cache) and the cold one (the cache emptied first), and
  the plan PostgreSQL chose for the cold request's slowest query (EXPLAIN ANALYZE);
- its throughput and latency under load: gunicorn with the production settings (DJANGO_DEBUG=0,
  two workers, each caching in its own memory as without REDIS_URL), driven by wrk with two
  threads and eight connections, beside /health/, which does nothing.

A revision of the plan (every fifth section reworded) is saved and its quotes followed, timed,
and its "what changed" page is among the pages. Then the summary report's CSV, downloaded from
gunicorn as an admin, against Python's csv.writer writing the same rows from memory; and the
gunicorn workers' peak memory. It prints a table, the table again as Markdown for the README, and
PASS or MISS for each target, and writes it all, the query plans included, to
benchmarks/results.json.

    DJANGO_SETTINGS_MODULE=marginalia.settings python -m benchmarks.pages \\
        [--comments 100000] [--seconds 10] [--keep]

`--comments 10000 --seconds 3` is a quick run; `--keep` leaves the database for a look after.
It needs wrk, which `make bench` installs (`apt-get install wrk`).
"""

import argparse
import csv
import http.client
import io
import itertools
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime

from benchmarks.consultation import SLUG, WORDS
from benchmarks.serving import (
    HOST,
    BenchError,
    _tail,
    fetch,
    gunicorn,
    peak_megabytes,
    store_results,
    throwaway_database,
    worker_pids,
)

DATABASE_NAME = "marginalia_bench"
WORKERS = 2
# gunicorn's default --timeout: a sync worker busy with one response this long is killed.
GUNICORN_TIMEOUT = 30
WRK_THREADS, WRK_CONNECTIONS = 2, 8
# wrk gives up on a request after 2 s by default and leaves it out of the latencies, which would
# hide exactly the slow pages this bench is for: wait as long as a browser would.
WRK_TIMEOUT = "30s"

OFFICER = ("bench-officer", "bench-officer-password-2026")
ADMIN = ("bench-admin", "bench-admin-password-2026")

# Who reads a page: the public (anonymous, cached pages) or a policy officer (rendered each time).
PUBLIC, OFFICER_READER = "public", "officer"
# What a page is held to: the baseline, the cached public pages, or the rest.
BASELINE, CACHED, OTHER = "baseline", "cached", "other"

# The targets.
CACHED_RATIO = 0.5  # public plan and section pages: at least half of /health/'s requests/s
PUBLIC_RATIO = 0.3  # every other public page: at least three tenths
OFFICER_RATIO = 0.1  # an officer's page, warm: at least a tenth
P99_LIMIT_MS = 500  # ... and 99% of its requests answered within half a second
AFTER_WRITE_LIMIT_MS = 300  # the first read of an officer's page after a write
CSV_RATIO = 1.0  # the CSV export as fast as csv.writer over rows already in memory
WORKER_LIMIT_MB = 300  # no gunicorn worker's peak resident memory above this

# An officer's page is kept per plan generation: after a write (which bumps it) the next reader
# waits for the page to be rendered afresh. Timed through gunicorn this many times per kind of
# write, and after this many imports of IMPORTED_RESPONSES responses.
AFTER_WRITE_SAMPLES = 10
IMPORT_SAMPLES, IMPORTED_RESPONSES = 2, 100
AFTER = {
    "submission": "a submission",
    "publication": "a publication",
    "review": "an officer's review",
    "import": f"an import of {IMPORTED_RESPONSES} responses",
}

# A vocabulary word in more of the comments than this is not rare.
RARE_SHARE = 0.01


@dataclass(frozen=True)
class Page:
    label: str
    path: str
    who: str = PUBLIC
    target: str = OTHER


def build_data(comments):
    """The bench consultation, analysed; returns its plan."""
    from django.db import connection

    from benchmarks.consultation import build_consultation

    started = time.perf_counter()
    plan = build_consultation(comments=comments)
    # As autovacuum would in a while: without statistics the planner picks terrible plans.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"  built and analysed in {time.perf_counter() - started:.0f} s")
    return plan


def revise_data(plan):
    """Version 2 of the plan, every fifth section reworded, its quotes followed as a worker
    would follow them; how long that took, for the results."""
    from plans.outline import Outline, OutlineSection
    from revisions.services import follow_quotes, save_revision

    sections = []
    for index, section in enumerate(plan.sections.in_natural_order()):
        words = section.text.split()
        if index % 5 == 0:
            words[3:5] = ["reworded", "here"]
        sections.append(
            OutlineSection(
                number=section.number, heading=section.heading, paragraphs=[" ".join(words)]
            )
        )
    started = time.perf_counter()
    version = save_revision(
        plan,
        Outline(sections=sections, themes=[], preamble=[]),
        label="Revised",
    )
    saved = time.perf_counter() - started
    quotes = follow_quotes(plan, version.number)
    followed = time.perf_counter() - started - saved
    print(
        f"  revised: saved and matched in {saved:.1f} s, "
        f"{quotes:,} quotes followed in {followed:.1f} s"
    )
    return {
        "sections": len(sections),
        "saved_seconds": round(saved, 2),
        "quotes": quotes,
        "quotes_followed_seconds": round(followed, 2),
    }


def create_readers():
    """A policy officer and an admin (superuser), with known passwords."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    users = get_user_model().objects
    officer = users.create_user(OFFICER[0], f"{OFFICER[0]}@example.org", OFFICER[1])
    officer.groups.add(Group.objects.get(name="Policy officers"))  # made by a migration
    admin = users.create_superuser(ADMIN[0], f"{ADMIN[0]}@example.org", ADMIN[1])
    return officer, admin


def signed_in_client(username, password):
    """A test client signed in as the user; its session cookie works on gunicorn too, since
    sessions are cached_db: written through to the database both read."""
    from django.contrib.auth import authenticate
    from django.http import HttpRequest
    from django.test import Client

    # Through the authentication backends, as the sign-in page does (django-axes wants a request).
    user = authenticate(HttpRequest(), username=username, password=password)
    if user is None:
        raise BenchError(f"Could not sign in as {username}.")
    client = Client(HTTP_HOST=HOST)
    client.force_login(user)
    return client


def session_cookie(client):
    from django.conf import settings

    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


# -- What to measure ------------------------------------------------------------------------------


def search_words():
    """The vocabulary's rarest and commonest word in the comments, each with how many comments
    match it: its English stem counted in the stored search vectors (ts_stat)."""
    from django.db import connection

    from responses.models import Comment

    table = connection.ops.quote_name(Comment._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT word, ndoc FROM ts_stat('SELECT search_vector FROM {table}')")
        documents = dict(cursor.fetchall())
        cursor.execute(
            "SELECT word, tsvector_to_array(to_tsvector('english', word)) "
            "FROM unnest(%s::text[]) AS word",
            [WORDS],
        )
        stems = {word: lexemes[0] for word, lexemes in cursor.fetchall() if lexemes}
    matches = {word: documents.get(stem, 0) for word, stem in stems.items()}
    rare = min(matches, key=lambda word: (matches[word], word))
    common = max(matches, key=lambda word: (matches[word], word))
    return (rare, matches[rare]), (common, matches[common])


def pick_response(plan):
    """A published response with the most comments (50 in the full bench), whose respondent's
    name the public may read; the last such, whose name ends in the longest number, so no other
    name contains it."""
    from django.db.models import Count

    from responses.models import Response

    return (
        Response.objects.filter(
            plan=plan, status=Response.Status.PUBLISHED, hide_respondent_name=False
        )
        .select_related("respondent")
        .annotate(comment_count=Count("comments"))
        .order_by("-comment_count", "-pk")
        .first()
    )


def search_matches(plan, query):
    """How many comments the public's search finds for `query`, counted by the app's search."""
    from django.contrib.auth.models import AnonymousUser

    from critique.search import search_comments
    from responses.selectors import visible_comments

    public = AnonymousUser()
    comments = visible_comments(public).filter(response__plan=plan)
    return search_comments(comments=comments, query=query, viewer=public).order_by().count()


def choose_searches(plan, response):
    """What to search for, and why: a rare query and the commonest word."""
    from responses.models import Comment

    comment_total = Comment.objects.filter(response__plan=plan).count()
    (rare, rare_in), (common, _) = search_words()
    if rare_in <= RARE_SHARE * comment_total:
        rare_query, why = rare, "the rarest vocabulary word"
    else:
        # The consultation draws every comment's words, and the respondents' names, from one
        # small vocabulary, so each word is in about half the comments. The search also finds
        # comments by their respondent's name: one name finds one response's comments.
        rare_query = response.respondent.name
        why = (
            f"a respondent's name: the rarest vocabulary word, '{rare}', is in "
            f"{rare_in / comment_total:.0%} of the comments"
        )
    return {
        "rare": {"query": rare_query, "comments": search_matches(plan, rare_query), "why": why},
        "common": {
            "query": common,
            "comments": search_matches(plan, common),
            "why": "the commonest vocabulary word",
        },
        "rarest_vocabulary_word": {"word": rare, "comments": rare_in},
    }


def pages_to_measure(*, theme_id, response_id, rare, common):
    """Every page, in the order they are measured: the baseline, the public's, the API's, then
    the officer's."""
    plan = f"/plans/{SLUG}/"
    section = f"{plan}sections/1.1/"

    def search(query):
        return "/search/?" + urllib.parse.urlencode({"plan": SLUG, "q": query})

    return [
        Page("health", "/health/", target=BASELINE),
        Page("plan", plan, target=CACHED),
        Page("section 1.1", section, target=CACHED),
        Page("section 1.1, page 400", f"{section}?page=400", target=CACHED),
        Page("first theme", f"{plan}themes/{theme_id}/"),
        Page("overview", f"{plan}overview/"),
        Page("response (50 comments)", f"/responses/{response_id}/"),
        Page("search, rare", search(rare)),
        Page("search, common", search(common)),
        Page("API comments", f"/api/plans/{SLUG}/comments/"),
        Page("API section 1.1 comments", f"/api/plans/{SLUG}/sections/1.1/comments/"),
        Page("plan", plan, who=OFFICER_READER),
        Page("section 1.1", section, who=OFFICER_READER),
        Page(
            "section 1.1, filtered",
            f"{section}?stance=recommendation&respondent_kind=organisation",
            who=OFFICER_READER,
        ),
        Page("overview", f"{plan}overview/", who=OFFICER_READER),
        Page("search, common", search(common), who=OFFICER_READER),
        Page("what changed in version 2", f"{plan}versions/2/"),
        Page("what changed in version 2", f"{plan}versions/2/", who=OFFICER_READER),
        Page(
            "what changed, asked and changed",
            f"{plan}versions/2/?show=asked_changed",
            who=OFFICER_READER,
        ),
    ]


# -- Queries and bytes, in this process -----------------------------------------------------------


def _get(client, path):
    """One request with its queries captured: (status, bytes, milliseconds, queries)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        response = client.get(path)
        content = b"".join(response) if response.streaming else response.content
        milliseconds = (time.perf_counter() - started) * 1000
    return response.status_code, len(content), milliseconds, captured.captured_queries


def explain(sql):
    """PostgreSQL's plan for a query, run for real (EXPLAIN ANALYZE), as text."""
    from django.db import connection

    with connection.cursor() as cursor:
        # No parameters: the captured SQL has them in place already, so psycopg2 leaves % alone.
        cursor.execute(f"EXPLAIN (ANALYZE, FORMAT TEXT) {sql}")
        return "\n".join(row[0] for row in cursor.fetchall())


def _reads(sql):
    """Whether the query only reads (EXPLAIN ANALYZE runs it): a SELECT, perhaps a UNION of them
    in parentheses, or a WITH."""
    first_word = re.match(r"[\s(]*(\w+)", sql)
    return bool(first_word) and first_word[1].upper() in {"SELECT", "WITH"}


def measure_queries(page, client):
    """The page's queries and size cold (the cache emptied: neither the page nor its figures
    kept) and warm (asked again), and the plan of the cold request's slowest query."""
    from django.core.cache import cache

    cache.clear()
    cold_status, cold_bytes, cold_ms, cold_queries = _get(client, page.path)
    status, size, warm_ms, warm_queries = _get(client, page.path)
    reads = [query for query in cold_queries if _reads(query["sql"])]
    slowest = max(reads, key=lambda query: float(query["time"]), default=None)
    return {
        "status": status,
        "cold_status": cold_status,
        "queries": len(warm_queries),
        "cold_queries": len(cold_queries),
        "bytes": size,
        "cold_bytes": cold_bytes,
        "in_process_ms": round(warm_ms, 1),
        "cold_in_process_ms": round(cold_ms, 1),
        "slowest_cold_query": None
        if slowest is None
        else {
            "ms": round(float(slowest["time"]) * 1000, 1),
            "sql": slowest["sql"],
            "explain": explain(slowest["sql"]),
        },
    }


# -- gunicorn -------------------------------------------------------------------------------------


def warm_up(url, headers):
    """Ask for the page before wrk does, so caches are filled. Each worker caches in its own
    memory, so ask as many at once as there are workers, twice: each worker very likely serves
    one. Returns the last answer's status and X-Cache header."""
    with ThreadPoolExecutor(WORKERS) as pool:
        answers = list(pool.map(lambda _: fetch(url, headers), range(2 * WORKERS)))
    status, answer_headers = answers[-1]
    return status, answer_headers.get("X-Cache")


def after_writes(plan, url, headers):
    """Milliseconds of the first request for `url` after each of a few writes to `plan`, made
    as the app makes them: a response submitted (five comments on five sections), the same
    response published, an officer's review of a comment, and 100 responses imported (recorded
    as the import records each document). Each write bumps the plan's generation, so the next
    reader renders the page afresh."""
    from django.db import transaction

    timings = {kind: [] for kind in AFTER}
    for _ in range(AFTER_WRITE_SAMPLES):
        with transaction.atomic():
            submitted = _submit_a_response(plan)
        timings["submission"].append(_first_read(url, headers))
        with transaction.atomic():
            _publish(submitted)
        timings["publication"].append(_first_read(url, headers))
        with transaction.atomic():
            _review(submitted.comments.first())
        timings["review"].append(_first_read(url, headers))
    for _ in range(IMPORT_SAMPLES):
        _import_responses(plan, IMPORTED_RESPONSES)
        timings["import"].append(_first_read(url, headers))
    return timings


def _first_read(url, headers):
    started = time.perf_counter()
    fetch(url, headers)
    return round((time.perf_counter() - started) * 1000, 1)


_written = itertools.count(1)


def _submit_a_response(plan):
    from responses.drafts import submit_response
    from responses.models import Comment, Respondent, Response, SectionLink

    number = next(_written)
    respondent = Respondent.objects.create(name=f"Bench respondent {number}")
    draft = Response.objects.create(plan=plan, respondent=respondent)
    sections = list(plan.sections.order_by("pk"))
    comments = Comment.objects.bulk_create(
        Comment(
            response=draft,
            position=position,
            text=f"We are concerned that section {sections[position].number} says too little.",
            stance=Comment.Stance.CONCERN,
        )
        for position in range(1, 6)
    )
    SectionLink.objects.bulk_create(
        SectionLink(comment=comment, section=sections[(number + comment.position) % len(sections)])
        for comment in comments
    )
    return submit_response(response=draft, version=draft.version)


def _publish(response):
    from officers.services import publish_response

    publish_response(response=response, hide_name=False)


def _review(comment):
    from officers.models import Review
    from officers.services import annotate_comment

    annotate_comment(
        comment=comment,
        stance=comment.stance,
        sections=list(comment.sections.all()),
        themes=list(comment.themes.all()),
        tags=[],
        new_tags=[],
        status=Review.Status.REVIEWED,
        plan_change="",
        note=f"Read in the bench ({next(_written)}).",
    )


def _import_responses(plan, how_many):
    from responses.models import Respondent, Response
    from responses.received import record_response

    for _ in range(how_many):
        number = next(_written)
        record_response(
            plan=plan,
            name=f"Imported organisation {number}",
            kind=Respondent.Kind.ORGANISATION,
            channel=Response.Channel.EMAIL,
            prose=f"Point 1.{1 + number % 9} should say more about volunteering.\n\n"
            f"We recommend that section 2.{1 + number % 9} funds local infrastructure.",
        )


# -- Load, with wrk -------------------------------------------------------------------------------


def require_wrk():
    if shutil.which("wrk") is None:
        raise BenchError(
            "wrk is missing: `make bench` installs it, or `make wrk` (apt-get install wrk, as "
            "root or through sudo)."
        )


WRK_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}


def _milliseconds(number, unit):
    return float(number) * WRK_UNITS_MS[unit]


def parse_wrk(output):
    """wrk's report as figures: requests/s, the 50% and 99% latencies in ms (None if nothing was
    answered), requests, non-2xx/3xx answers and socket errors by kind."""

    def latency(percent):
        found = re.search(rf"^\s*{percent}%\s+([\d.]+)(us|ms|s|m|h)\s*$", output, re.MULTILINE)
        return round(_milliseconds(*found.groups()), 2) if found else None

    rate = re.search(r"^Requests/sec:\s+([\d.]+)", output, re.MULTILINE)
    total = re.search(r"^\s*(\d+) requests in", output, re.MULTILINE)
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return {
        "requests_per_second": float(rate[1]) if rate else 0.0,
        "p50_ms": latency(50),
        "p99_ms": latency(99),
        "requests": int(total[1]) if total else 0,
        "non_2xx": int(non_2xx[1]) if non_2xx else 0,
        "socket_errors": dict(
            zip(("connect", "read", "write", "timeout"), map(int, errors.groups()), strict=True)
        )
        if errors
        else {},
    }


def load(url, seconds, headers):
    """wrk against one URL: its parsed report, and the command (for the results)."""
    command = ["wrk", f"-t{WRK_THREADS}", f"-c{WRK_CONNECTIONS}", f"-d{seconds}s", "--latency"]
    command += ["--timeout", WRK_TIMEOUT]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    finished = subprocess.run([*command, url], capture_output=True, text=True)
    if finished.returncode:
        raise BenchError(f"wrk failed on {url}:\n{finished.stderr or finished.stdout}")
    return parse_wrk(finished.stdout)


# -- The CSV export -------------------------------------------------------------------------------


def download_csv(url, cookie):
    """Download the CSV through gunicorn as a browser would, counting rows (newlines less the
    header: the bench's text has no line breaks) as it streams."""
    request = urllib.request.Request(url, headers={"Cookie": cookie})
    size = newlines = 0
    complete = True
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=600) as response:
        content_type = response.headers.get("Content-Type", "")
        if not content_type.startswith("text/csv"):
            raise BenchError(f"The CSV came back as {content_type!r}: is the admin signed in?")
        try:
            while chunk := response.read(64 * 1024):
                size += len(chunk)
                newlines += chunk.count(b"\n")
        except (http.client.IncompleteRead, ConnectionError):
            # gunicorn's sync workers are killed after 30 s without a word to the master
            # (--timeout), however the response is doing: a long download is cut there.
            complete = False
    seconds = time.perf_counter() - started
    rows = max(newlines - 1, 0)
    return {
        "rows": rows,
        "bytes": size,
        "seconds": round(seconds, 2),
        "rows_per_second": round(rows / seconds),
        "complete": complete,
    }


def _streamed_query(queries):
    """The report's rows query, which streams through a server-side cursor (DECLARE … FOR
    SELECT …), without the DECLARE, so EXPLAIN can run it."""
    for query in queries:
        if query["sql"].startswith("DECLARE"):
            return re.sub(r"^DECLARE\s.*?\bFOR\s+", "", query["sql"], count=1, flags=re.DOTALL)
    return None


def csv_writer_baseline(plan, admin):
    """The same rows read into memory first, then timed through csv.writer alone, with the cell
    formatting the export uses: what writing CSV costs in Python with no database in the way."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from marginalia.csv_files import CHUNK_CHARACTERS, cell_text
    from reports.filters import ReportFilters
    from reports.table import comment_table

    table = comment_table(plan=plan, viewer=admin, filters=ReportFilters())
    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        rows = list(table.rows)
        read_seconds = time.perf_counter() - started
    streamed = _streamed_query(captured.captured_queries)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    started = time.perf_counter()
    writer.writerow([cell_text(column) for column in table.columns])
    for row in rows:
        writer.writerow([cell_text(value) for value in row])
        # Emptied as the export empties its buffer, so neither pays for one huge string.
        if buffer.tell() >= CHUNK_CHARACTERS:
            buffer.seek(0)
            buffer.truncate()
    seconds = time.perf_counter() - started
    return {
        "rows": len(rows),
        "read_queries": len(captured.captured_queries),
        "streamed_query": None
        if streamed is None
        else {"sql": streamed, "explain": explain(streamed)},
        "read_seconds": round(read_seconds, 2),
        "seconds": round(seconds, 2),
        "rows_per_second": round(len(rows) / seconds),
    }


# -- The run --------------------------------------------------------------------------------------


def machine():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0]
    wrk = subprocess.run(["wrk", "--version"], capture_output=True, text=True)
    return {
        "cpus": os.cpu_count(),
        "machine": platform.machine(),
        "python": platform.python_version(),
        "postgresql": postgres,
        "wrk": (wrk.stdout or wrk.stderr).split("[")[0].strip(),
    }


def bench(options, environment):
    """Build the data, measure every page and the CSV; the results as one dict."""
    print(f"Building the consultation ({options.comments:,} comments)…")
    plan = build_data(options.comments)
    revision = revise_data(plan)
    _, admin = create_readers()
    clients = {PUBLIC: _public_client(), OFFICER_READER: signed_in_client(*OFFICER)}
    cookies = {PUBLIC: None, OFFICER_READER: session_cookie(clients[OFFICER_READER])}
    admin_cookie = session_cookie(signed_in_client(*ADMIN))

    response = pick_response(plan)
    searches = choose_searches(plan, response)
    pages = pages_to_measure(
        theme_id=plan.themes.order_by("pk").first().pk,
        response_id=response.pk,
        rare=searches["rare"]["query"],
        common=searches["common"]["query"],
    )

    print("Queries and bytes per page (test client, this process)…")
    measured = {page: measure_queries(page, clients[page.who]) for page in pages}

    print(f"Each page under load: wrk, {options.seconds} s a page…")
    with tempfile.NamedTemporaryFile("w+", prefix="bench-gunicorn-", suffix=".log") as log:
        with gunicorn(environment, log, WORKERS) as (base, master_pid):
            for page in pages:
                headers = {"Cookie": cookies[page.who]} if cookies[page.who] else {}
                status, x_cache = warm_up(base + page.path, headers)
                if page.who == OFFICER_READER and x_cache is not None:
                    raise BenchError("The officer's session did not sign in on gunicorn.")
                measured[page].update(
                    served_status=status,
                    x_cache=x_cache,
                    **load(base + page.path, options.seconds, headers),
                )
                if page.who == OFFICER_READER:
                    measured[page]["after_write_ms"] = after_writes(plan, base + page.path, headers)
                _print_progress(page, measured[page])
            print("The CSV export through gunicorn…")
            exported = download_csv(f"{base}/reports/{SLUG}/summary.csv", admin_cookie)
            # At the end of the run, before stopping: the most each worker ever held.
            workers = {pid: round(peak_megabytes(pid), 1) for pid in worker_pids(master_pid)}
        server_log = _tail(log, 100_000)
    print("csv.writer over the same rows, from memory…")
    baseline = csv_writer_baseline(plan, admin)
    exported["expected_rows"] = baseline["rows"]

    health = measured[pages[0]]["requests_per_second"]
    for page in pages:
        measured[page]["ratio_to_health"] = round(
            measured[page]["requests_per_second"] / health if health else 0.0, 4
        )
    return {
        "timestamp": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "settings": {
            "comments": options.comments,
            "seconds_per_page": options.seconds,
            "gunicorn": f"gunicorn marginalia.wsgi --workers {WORKERS} (DJANGO_DEBUG=0, "
            "no REDIS_URL: each worker caches in its own memory)",
            "wrk": f"wrk -t{WRK_THREADS} -c{WRK_CONNECTIONS} -d{options.seconds}s --latency "
            f"--timeout {WRK_TIMEOUT}",
        },
        "searches": searches,
        "revision": revision,
        "pages": [
            {"label": page.label, "who": page.who, "path": page.path, "target": page.target}
            | measured[page]
            for page in pages
        ],
        "csv": {
            "export": exported,
            "csv_writer": baseline,
            "ratio": round(exported["rows_per_second"] / baseline["rows_per_second"], 3),
        },
        "workers_peak_mb": list(workers.values()),
        "gunicorn_log": [
            line for line in server_log.splitlines() if re.search(r"WORKER|ERROR|Error", line)
        ],
    }


def _public_client():
    from django.test import Client

    return Client(HTTP_HOST=HOST)


def _print_progress(page, figures):
    print(
        f"  {page.label:<26}{page.who:<9}{figures['requests_per_second']:>9,.1f} req/s"
        f"  p99 {_ms(figures['p99_ms'])} ms"
    )


# -- The report -----------------------------------------------------------------------------------


def _ms(value):
    return "—" if value is None else f"{value:,.1f}"


def _errors(page):
    socket_errors = sum(page["socket_errors"].values())
    found = []
    if page["non_2xx"]:
        found.append(f"{page['non_2xx']} non-2xx")
    if socket_errors:
        found.append(
            "socket " + ", ".join(f"{kind} {n}" for kind, n in page["socket_errors"].items() if n)
        )
    if page["status"] != 200:
        found.append(f"status {page['status']} in process")
    if page["served_status"] != 200:
        found.append(f"status {page['served_status']} from gunicorn")
    return "; ".join(found)


TABLE_COLUMNS = (
    "page",
    "who",
    "req/s",
    "p50 ms",
    "p99 ms",
    "× /health/",
    "queries",
    "cold queries",
    "KB",
    *(f"after {what} ms" for what in ("submission", "publication", "review", "import")),
    "errors",
)


def table_rows(results):
    for page in results["pages"]:
        yield (
            page["label"],
            page["who"],
            f"{page['requests_per_second']:,.1f}",
            _ms(page["p50_ms"]),
            _ms(page["p99_ms"]),
            f"{page['ratio_to_health']:.4f}",
            str(page["queries"]),
            str(page["cold_queries"]),
            f"{page['bytes'] / 1024:,.1f}",
            *(
                _ms(max(page["after_write_ms"][kind])) if page.get("after_write_ms") else ""
                for kind in AFTER
            ),
            _errors(page),
        )


def print_table(results):
    rows = list(table_rows(results))
    widths = [
        max(len(str(cell)) for cell in column) for column in zip(TABLE_COLUMNS, *rows, strict=True)
    ]
    left = {0, 1, len(TABLE_COLUMNS) - 1}  # text columns; figures align right
    for row in (TABLE_COLUMNS, *rows):
        print(
            "  ".join(
                cell.ljust(width) if index in left else cell.rjust(width)
                for index, (cell, width) in enumerate(zip(row, widths, strict=True))
            ).rstrip()
        )


def print_markdown(results):
    print("| " + " | ".join(TABLE_COLUMNS[:-1]) + " |")
    print(
        "| " + " | ".join("---" if n < 2 else "---:" for n in range(len(TABLE_COLUMNS) - 1)) + " |"
    )
    for row in table_rows(results):
        print("| " + " | ".join(row[:-1]) + " |")


def print_csv(results):
    export, baseline = results["csv"]["export"], results["csv"]["csv_writer"]
    cut = "" if export["complete"] else " (cut short: the download did not finish)"
    print(f"CSV export rows        {export['rows']:>12,} of {export['expected_rows']:,}{cut}")
    print(f"CSV export seconds     {export['seconds']:>12,.1f}")
    print(f"CSV export rows/s      {export['rows_per_second']:>12,}")
    print(
        f"csv.writer rows/s      {baseline['rows_per_second']:>12,}"
        f"   (rows read into memory first in {baseline['read_seconds']:.1f} s)"
    )
    print(f"export / csv.writer    {results['csv']['ratio']:>12.3f}")
    if export["seconds"] >= 0.8 * GUNICORN_TIMEOUT:
        print(
            f"  Warning: the download took {export['seconds']:.0f} s; gunicorn kills a sync worker "
            f"silent for --timeout ({GUNICORN_TIMEOUT} s by default), mid-response included."
        )
    peaks = ", ".join(f"{peak:.0f}" for peak in results["workers_peak_mb"])
    print(f"worker peak MB         {peaks:>12}")


def check_targets(results):
    """Each target, met or not: (what, met, measured)."""
    checks = []
    for page in results["pages"]:
        name = f"{page['label']} ({page['who']})"
        ratio, p99 = page["ratio_to_health"], page["p99_ms"]
        clean = "" if not _errors(page) else f"; errors: {_errors(page)}"
        if page["target"] == CACHED:
            checks.append(
                (
                    f"{name} ≥ {CACHED_RATIO}× /health/",
                    ratio >= CACHED_RATIO and not clean,
                    f"{ratio:.4f}×{clean}",
                )
            )
        elif page["target"] == OTHER:
            least = OFFICER_RATIO if page["who"] == OFFICER_READER else PUBLIC_RATIO
            checks.append(
                (
                    f"{name} ≥ {least}× /health/",
                    ratio >= least and not clean,
                    f"{ratio:.4f}×{clean}",
                )
            )
            checks.append(
                (
                    f"{name} p99 < {P99_LIMIT_MS} ms",
                    p99 is not None and p99 < P99_LIMIT_MS,
                    f"{_ms(p99)} ms",
                )
            )
        for kind, timings in page.get("after_write_ms", {}).items():
            checks.append(
                (
                    f"{name} after {AFTER[kind]} < {AFTER_WRITE_LIMIT_MS} ms",
                    max(timings) < AFTER_WRITE_LIMIT_MS,
                    f"slowest of {len(timings)}: {max(timings):,.0f} ms",
                )
            )
    csv_ratio = results["csv"]["ratio"]
    complete = results["csv"]["export"]["complete"]
    checks.append(
        (
            f"CSV export ≥ {CSV_RATIO}× csv.writer",
            csv_ratio >= CSV_RATIO and complete,
            f"{csv_ratio:.3f}×" + ("" if complete else "; cut short"),
        )
    )
    peak = max(results["workers_peak_mb"], default=0)
    checks.append(
        (f"no worker above {WORKER_LIMIT_MB} MB", peak <= WORKER_LIMIT_MB, f"{peak:.0f} MB")
    )
    return checks


def report(results):
    machine_ = results["machine"]
    print()
    print(
        f"Machine: {machine_['cpus']} CPUs, {machine_['machine']}, Python {machine_['python']}, "
        f"PostgreSQL {machine_['postgresql']}, {machine_['wrk']}"
    )
    print(f"{results['settings']['comments']:,} comments; {results['settings']['wrk']}")
    searches = results["searches"]
    for kind in ("rare", "common"):
        search = searches[kind]
        found = f"{search['comments']:,} comments; {search['why']}"
        print(f"Search, {kind}: {search['query']!r} ({found})")
    print()
    print_table(results)
    print()
    print_csv(results)
    for line in results["gunicorn_log"]:
        print(f"gunicorn: {line}")
    print()
    print_markdown(results)
    print()
    checks = check_targets(results)
    for what, met, measured in checks:
        print(f"{'PASS' if met else 'MISS'}  {what}: {measured}")
    results["targets"] = [
        {"target": what, "met": met, "measured": measured} for what, met, measured in checks
    ]
    store_results(results)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--comments", type=int, default=100_000, help="comments to build")
    parser.add_argument("--seconds", type=int, default=10, help="wrk's duration per page")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    options = parser.parse_args(argv)
    try:
        require_wrk()
    except BenchError as error:
        sys.exit(str(error))
    with throwaway_database(DATABASE_NAME, keep=options.keep) as environment:
        results = bench(options, environment)
    report(results)


if __name__ == "__main__":
    main()
