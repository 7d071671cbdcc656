"""`make bench`, importing responses from documents: how many documents a `manage.py db_worker`
reads, and how many responses it imports, per second, with one worker and with two, so that the
README can say how many workers to run for what load.

It builds 1,000 two-page responses (about 900 words each: twelve paragraphs citing the seed
plan's sections and quoting their wording), each from its own organisation, in turn a Word
letter, a PDF letter, a text file, and an email with a Word or a PDF letter attached; every one
names its organisation in its letterhead and its signature, so that its respondent is guessed.
Then, for each number of workers, in a fresh throwaway PostgreSQL database (marginalia_bench_
imports, made again for each, on the server DATABASE_URL names if it names a PostgreSQL one,
else on postgres://postgres@127.0.0.1:5432/), migrated and with the seed plan loaded:

1. reading: the documents made into one batch (intake.services.start_batch) and its work queued
   (intake.tasks.enqueue_work); N `manage.py db_worker --batch` processes started with the
   production settings (DJANGO_DEBUG=0); timed from their start until the batch is ready for
   review (the database polled every 0.2 s): documents read per second;
2. importing: the batch confirmed with every guessed name kept (a document read without a name
   is skipped, and counted), its work queued, N workers started again, timed until the batch is
   done: responses imported per second. The counts are checked: one response per document read
   with a name, no document recorded twice.

Each worker's peak resident memory is its VmHWM (/proc), sampled as the stage is polled, and its
CPU time the kernel's count when it exits (wait4); the machine's busy CPU time is counted too
(/proc/stat), and how busy it was before: another program running would slow the workers, and
the CPU milliseconds a document costs a worker are the figure that holds on any load. A worker's
own start (Django set up, before it takes a task) is in the times, as when a deployment starts
workers on demand; it is measured alone too, with an empty queue.

    DJANGO_SETTINGS_MODULE=marginalia.settings python -m benchmarks.imports \\
        [--documents 1000] [--workers 1 2] [--keep]

It prints a table and adds the results to benchmarks/results.json under "imports". It takes
about 6 minutes on an idle two-core machine, most of it one worker importing.
"""

import argparse
import io
import os
import platform
import random
import re
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime
from email.message import EmailMessage

from benchmarks.serving import ROOT, BenchError, peak_megabytes, store_results, throwaway_database

DATABASE_NAME = "marginalia_bench_imports"
DOCUMENTS = 1_000
WORKER_COUNTS = (1, 2)
POLL_SECONDS = 0.2
# A stage that has not finished after this long has stalled: the bench stops and says so.
STAGE_LIMIT_SECONDS = 1_200
# The machine's cores busier than this before a run: something else is using the machine.
BUSY_SHARE = 0.15
WORKER_COMMAND = ["db_worker", "--no-reload", "--no-startup-delay", "--interval", "0.1"]

# -- The documents --------------------------------------------------------------------------------

# Organisation names: a town, what the organisation is for, and what it is (each with a word
# intake.respondents takes as an organisation's); 30 × 8 × 6 = 1,440 names, none with a digit.
TOWNS = [
    "Ashford", "Bexley", "Carlisle", "Dover", "Ely", "Frome", "Goole", "Hythe", "Ilkley",
    "Jarrow", "Kendal", "Ludlow", "Malton", "Newark", "Oakham", "Penrith", "Ripon", "Selby",
    "Thirsk", "Ulverston", "Ventnor", "Wigton", "Yeovil", "Alnwick", "Buxton", "Cromer",
    "Darwen", "Epsom", "Fakenham", "Grantham",
]  # fmt: skip
PURPOSES = ["Community", "Youth", "Family", "Mentoring", "Housing", "Recovery", "Women's",
            "Veterans'"]  # fmt: skip
KINDS = ["Trust", "Network", "Association", "Society", "Advice Centre", "Forum"]

FIRST_NAMES = ["Jane", "Amir", "Bethan", "Callum", "Deborah", "Efua", "Fergus", "Gita", "Hamish",
               "Imogen", "Jonah", "Kirsty", "Laszlo", "Morag", "Nadia", "Owen"]  # fmt: skip
LAST_NAMES = ["Smith", "Okafor", "Price", "Macleod", "Hughes", "Mensah", "Doyle", "Patel", "Reid",
              "Lowe", "Barker", "Kowalski", "Fraser", "Ahmed", "Quinn", "Walsh"]  # fmt: skip
TITLES = ["Director", "Chief Executive", "Policy Officer", "Chair of Trustees", "Manager"]

# The seed plan's sections, as a response cites them, and the plan's wording it quotes.
CITATIONS = [
    ("Point 1.11", "sub-contracting and consortia building will be considered where appropriate"),
    ("Under 3.5", "make use of the local community anchor organisations"),
    ("Paragraph 2.8", "local demonstration projects"),
    ("Section 1.3", "encouraging social enterprise"),
    ("Point 1.15", "informed"),
]
GROUPS = [
    "volunteer mentors", "probation staff", "small local charities", "families of offenders",
    "housing providers", "victim support workers", "faith groups", "peer mentors",
    "employment advisers", "prison chaplains", "young adults leaving custody", "magistrates",
]  # fmt: skip
PLACES = ["the north of the county", "three market towns", "the inner city", "two prisons",
          "the coastal estates", "rural parishes"]  # fmt: skip
FINDINGS = [
    "trust takes months to build and days to lose",
    "short contracts make it hard to keep good volunteers",
    "people leaving prison need help on the day they leave, not weeks later",
    "small organisations cannot afford to bid for large regional contracts",
    "referrals dry up when the local probation team changes",
    "families are rarely asked what would help",
    "the paperwork asked of volunteers puts many of them off",
    "a mentor who has been through the system is believed where others are not",
]
RECOMMENDATIONS = [
    "commissioners set aside part of each contract for local partners",
    "the plan names a lead officer for the voluntary sector in every area",
    "funding runs for three years rather than one",
    "volunteers are trained alongside paid staff",
    "the department publishes what it spends with the third sector each year",
    "small charities are paid in advance rather than in arrears",
    "the wording is changed from considered to encouraged",
]
REASONS = [
    "the people we work with do not fit neatly into one service",
    "without it the plan will favour the largest national providers",
    "our members have seen similar promises come to nothing before",
    "it costs far less to keep someone out of prison than to keep them in it",
    "local knowledge cannot be bought in at short notice",
]
SENTENCES = [
    "In our experience {group} achieve the most when {finding}, and the plan should allow "
    "for that.",
    "We would like the final plan to say how {group} will be involved from the start, not "
    "asked for their views once decisions are made.",
    "Over the last year we worked with {group} across {place}, and we found that {finding}.",
    "{Group} told us plainly that {finding}.",
    "We therefore recommend that {recommendation}.",
    "This matters because {reason}.",
    "We would also ask that {recommendation}, since {reason}.",
    "None of this is new to {group} in {place}, who have raised it with us many times.",
]
PARAGRAPHS = 12
PARAGRAPH_WORDS = 65  # at least; the last sentence takes a paragraph to about 75


def organisation(number):
    """The organisation that sent response `number` (from 0), each its own, with no digit."""
    town = TOWNS[number % len(TOWNS)]
    purpose = PURPOSES[(number // len(TOWNS)) % len(PURPOSES)]
    kind = KINDS[(number // (len(TOWNS) * len(PURPOSES))) % len(KINDS)]
    return f"{town} {purpose} {kind}"


def _sentence(rng):
    group = rng.choice(GROUPS)
    return rng.choice(SENTENCES).format(
        group=group,
        Group=group[0].upper() + group[1:],
        place=rng.choice(PLACES),
        finding=rng.choice(FINDINGS),
        recommendation=rng.choice(RECOMMENDATIONS),
        reason=rng.choice(REASONS),
    )


def _paragraph(rng, citation=None):
    """About PARAGRAPH_WORDS words; opening with a section and its wording if `citation`."""
    sentences = []
    if citation:
        where, wording = citation
        opening = rng.choice(
            [
                f"{where} states that '{wording}'.",
                f"{where} of the plan speaks of '{wording}', which we support in principle.",
                f"We have concerns about {where.lower()}, where the plan says '{wording}'.",
            ]
        )
        sentences.append(opening)
    while sum(len(sentence.split()) for sentence in sentences) < PARAGRAPH_WORDS:
        sentences.append(_sentence(rng))
    return " ".join(sentences)


def letter(number):
    """(organisation, sender, the letter's paragraphs): a two-page response, a letterhead above
    and a signature below naming its organisation."""
    rng = random.Random(number)
    org = organisation(number)
    sender = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    # Most paragraphs cite a section; the plan's five sections each cited at least once.
    citations = [*CITATIONS, *rng.choices(CITATIONS, k=4)]
    citations += [None] * (PARAGRAPHS - len(citations))
    rng.shuffle(citations)
    body = [_paragraph(rng, citation) for citation in citations]
    paragraphs = [
        org,
        "Dear Consultation Team,",
        f"Thank you for the chance to respond to the consultation. {org} works with people "
        "in contact with the criminal justice system and their families.",
        *body,
        "We would be glad to discuss any of these points further.",
        "Yours sincerely,",
        sender,
        rng.choice(TITLES),
        org,
    ]
    return org, sender, paragraphs


def docx_document(paragraphs):
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    content = io.BytesIO()
    document.save(content)
    return content.getvalue()


def pdf_document(paragraphs):
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for paragraph in paragraphs:
        pdf.multi_cell(170, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    return bytes(pdf.output())


def txt_document(paragraphs):
    return "\n\n".join(paragraphs).encode()


def email_document(org, sender, paragraphs, attachment):
    """An email from a person at the organisation, its letter attached."""
    message = EmailMessage()
    message["From"] = f"{sender} <{sender.lower().replace(' ', '.')}@example.org>"
    message["To"] = "consultation@example.gov.uk"
    message["Subject"] = "Our response to the consultation"
    message.set_content(f"Please find our response attached.\n\n{sender}\n{org}\n")
    if attachment == "docx":
        content = docx_document(paragraphs)
        subtype = "vnd.openxmlformats-officedocument.wordprocessingml.document"
    else:
        content = pdf_document(paragraphs)
        subtype = "pdf"
    message.add_attachment(
        content, maintype="application", subtype=subtype, filename=f"response.{attachment}"
    )
    return bytes(message)


FORMATS = ("docx", "pdf", "txt", "eml+docx", "eml+pdf")


def build_document(number):
    """(filename, bytes, organisation) of response `number`, its format taken in turn."""
    org, sender, paragraphs = letter(number)
    kind = FORMATS[number % len(FORMATS)]
    if kind == "docx":
        content = docx_document(paragraphs)
    elif kind == "pdf":
        content = pdf_document(paragraphs)
    elif kind == "txt":
        content = txt_document(paragraphs)
    else:
        content = email_document(org, sender, paragraphs, kind.removeprefix("eml+"))
    suffix = ".eml" if kind.startswith("eml") else f".{kind}"
    return f"response-{number + 1:04d}{suffix}", content, org


def build_documents(count):
    """[(filename, bytes, organisation)] of `count` responses, each from its own organisation."""
    if count > len(TOWNS) * len(PURPOSES) * len(KINDS):
        raise BenchError(f"There are names for at most {len(TOWNS) * len(PURPOSES) * len(KINDS)}.")
    # PDFs take fpdf2 about 0.1 s each: built on every core.
    with ProcessPoolExecutor() as pool:
        return list(pool.map(build_document, range(count), chunksize=25))


# -- The workers ----------------------------------------------------------------------------------


def machine_cpu_seconds():
    """CPU seconds the whole machine has spent busy since it started, every core counted
    (/proc/stat: all but idle and iowait)."""
    with open("/proc/stat") as stat:
        ticks = [int(field) for field in stat.readline().split()[1:]]
    busy = sum(ticks[:8]) - ticks[3] - ticks[4]  # less idle and iowait; guest is in user
    return busy / os.sysconf("SC_CLK_TCK")


def busy_now(seconds=1.0):
    """The share of the machine's cores kept busy over the next `seconds`, by anything."""
    started = machine_cpu_seconds()
    time.sleep(seconds)
    return (machine_cpu_seconds() - started) / (seconds * (os.cpu_count() or 1))


class Workers:
    """N `manage.py db_worker --batch` processes, each exiting once no task is left.

    Each one's CPU time is read from the kernel (wait4's rusage) when it exits; its peak resident
    memory is its VmHWM, sampled while it runs (`sample`, as the stage is polled): rusage's
    ru_maxrss would not do, as Linux carries the forking parent's, this bench's, into it.
    """

    def __init__(self, count, environment, log):
        command = [sys.executable, "manage.py", *WORKER_COMMAND, "--batch"]
        self.processes = [
            subprocess.Popen(command, cwd=ROOT, env=environment, stdout=log, stderr=log)
            for _ in range(count)
        ]
        self.exits = {}  # pid: (exit code, CPU seconds)
        self.peaks = dict.fromkeys((process.pid for process in self.processes), 0.0)

    def sample(self):
        """Note each running worker's peak resident memory so far."""
        for process in self.processes:
            if process.pid in self.exits:
                continue
            try:
                peak = peak_megabytes(process.pid)
            except (OSError, TypeError):  # exited: a zombie has no VmHWM
                continue
            self.peaks[process.pid] = max(self.peaks[process.pid], peak)

    def _reap(self, process, flags):
        if process.pid in self.exits:
            return True
        pid, status, usage = os.wait4(process.pid, flags)
        if pid == 0:
            return False
        process.returncode = os.waitstatus_to_exitcode(status)
        self.exits[pid] = (process.returncode, usage.ru_utime + usage.ru_stime)
        return True

    def all_exited(self):
        self.sample()
        return all([self._reap(process, os.WNOHANG) for process in self.processes])

    def wait(self, seconds=120):
        deadline = time.monotonic() + seconds
        while not self.all_exited():
            if time.monotonic() > deadline:
                self.stop()
                raise BenchError(f"The workers did not exit within {seconds} s of the work.")
            time.sleep(0.05)
        failed = [code for code, *_ in self.exits.values() if code]
        if failed:
            raise BenchError(f"A worker exited with {failed[0]}.")
        return {
            "peak_mb": [round(self.peaks[process.pid], 1) for process in self.processes],
            "cpu_seconds": round(sum(cpu for _, cpu in self.exits.values()), 1),
        }

    def stop(self):
        for process in self.processes:
            if process.pid not in self.exits:
                process.kill()
                self._reap(process, 0)


def _tail(log, characters=3000):
    log.flush()
    log.seek(0)
    return log.read().decode(errors="replace")[-characters:]


def worker_start_seconds(environment, log):
    """How long one worker takes to start and exit with no task queued: its own cost, in every
    timing below."""
    started = time.perf_counter()
    workers = Workers(1, environment, log)
    workers.wait()
    return round(time.perf_counter() - started, 2)


def wait_for_stage(batch, stage, workers, log):
    """Poll until `batch` is at `stage`; seconds since the workers started is the caller's."""
    from intake.models import ImportBatch
    from intake.services import progress_of

    started = time.monotonic()
    reported = started
    while True:
        now_at = ImportBatch.objects.filter(pk=batch.pk).values_list("stage", flat=True).get()
        if now_at == stage:
            return
        if workers.all_exited():
            # One last look: the stage may have moved just before the last worker exited.
            if ImportBatch.objects.filter(pk=batch.pk, stage=stage).exists():
                return
            raise BenchError(
                f"The workers exited with the batch at {now_at!r}, not {stage!r}: "
                f"{progress_of(batch)['counts']}\n{_tail(log)}"
            )
        if time.monotonic() - started > STAGE_LIMIT_SECONDS:
            workers.stop()
            raise BenchError(
                f"The batch did not reach {stage!r} within {STAGE_LIMIT_SECONDS} s: "
                f"{progress_of(batch)['counts']}"
            )
        if time.monotonic() - reported >= 15:
            reported = time.monotonic()
            progress = progress_of(batch)
            print(f"    {progress['done']:,} of {progress['total']:,}, {reported - started:.0f} s")
        time.sleep(POLL_SECONDS)


def state_counts(documents):
    """{state: how many of `documents` are in it}."""
    from django.db.models import Count

    return dict(documents.values_list("state").annotate(n=Count("pk")).values_list("state", "n"))


def failed_tasks():
    from django_tasks_db.models import DBTaskResult

    return list(DBTaskResult.objects.failed().values_list("task_path", "traceback"))


# -- One run --------------------------------------------------------------------------------------


def run(documents, worker_count, environment):
    """Read then import `documents` with `worker_count` workers, in the database set up now."""
    from django.db.models import Q

    from intake.models import ImportBatch, ImportedDocument
    from intake.services import Upload, confirm_batch, start_batch
    from intake.tasks import enqueue_work
    from responses.models import Response
    from responses.seed import load_seed

    State = ImportedDocument.State
    plan, _ = load_seed()
    seed_responses = Response.objects.filter(plan=plan).count()
    expected = {filename: org for filename, _, org in documents}

    load_before, idle_busy = os.getloadavg()[0], busy_now()
    if idle_busy > BUSY_SHARE:
        print(
            f"  Warning: the machine is {idle_busy:.0%} busy before the bench starts (load "
            f"average {load_before:.1f}): something else is running, and the times will be long."
        )
    with tempfile.TemporaryFile() as log:
        start_seconds = worker_start_seconds(environment, log)
        print(f"  one worker starts and exits, no task: {start_seconds:.2f} s")

        started = time.perf_counter()
        batch = start_batch(
            plan=plan,
            user=None,
            uploads=[Upload(filename, content) for filename, content, _ in documents],
            channel="email",
        )
        batch_seconds = time.perf_counter() - started
        enqueue_work(batch)
        print(f"  batch of {len(documents):,} made in {batch_seconds:.1f} s; reading…")

        started, machine_started = time.perf_counter(), machine_cpu_seconds()
        workers = Workers(worker_count, environment, log)
        wait_for_stage(batch, ImportBatch.Stage.REVIEW, workers, log)
        read_seconds = time.perf_counter() - started
        machine_cpu = machine_cpu_seconds() - machine_started
        reading = workers.wait() | {"machine_cpu_seconds": machine_cpu}

        counts = state_counts(batch.documents)
        named = batch.documents.filter(state=State.READ).exclude(respondent_name="")
        right = sum(
            expected[filename] == name
            for filename, name in named.values_list("filename", "respondent_name")
        )
        named_count = named.count()
        print(
            f"  read in {read_seconds:.1f} s: {counts}; {named_count:,} named, "
            f"{right:,} named as sent"
        )

        started = time.perf_counter()
        batch = confirm_batch(batch=batch, corrections={})
        confirm_seconds = time.perf_counter() - started
        skipped = batch.documents.filter(state=State.SKIPPED).count()
        enqueue_work(batch)
        print(f"  confirmed in {confirm_seconds:.1f} s, {skipped:,} skipped; importing…")

        started, machine_started = time.perf_counter(), machine_cpu_seconds()
        workers = Workers(worker_count, environment, log)
        wait_for_stage(batch, ImportBatch.Stage.DONE, workers, log)
        import_seconds = time.perf_counter() - started
        machine_cpu = machine_cpu_seconds() - machine_started
        importing = workers.wait() | {"machine_cpu_seconds": machine_cpu}
        failures = failed_tasks()
        # The workers' complaints: django-tasks logs each task's start and end as well.
        worker_log = [
            line
            for line in _tail(log, 100_000).splitlines()
            if re.search(r"ERROR|Error|Traceback|WARNING|FAILED", line)
        ]

    final = state_counts(batch.documents)
    imported = final.get(State.IMPORTED, 0)
    hashed = Response.objects.filter(source_sha256__isnull=False)
    recorded = hashed.count()
    distinct = hashed.values("source_sha256").distinct().count()
    plan_responses = Response.objects.filter(plan=plan).count() - seed_responses
    problems = []
    if failures:
        problems.append(f"{len(failures)} task(s) failed: {failures[0][0]}\n{failures[0][1]}")
    if imported != named_count:
        problems.append(f"{imported:,} imported, but {named_count:,} documents were read named")
    if recorded != distinct:
        problems.append(f"{recorded:,} responses from documents but {distinct:,} distinct hashes")
    if plan_responses != imported:
        problems.append(f"{plan_responses:,} responses added, {imported:,} documents imported")
    unimported = batch.documents.filter(~Q(state__in=[State.IMPORTED, State.SKIPPED]))
    print(f"  imported in {import_seconds:.1f} s: {final}")
    return {
        "workers": worker_count,
        "documents": len(documents),
        "read": counts.get(State.READ, 0),
        "failed": counts.get(State.FAILED, 0),
        "duplicate": counts.get(State.DUPLICATE, 0),
        "named": named_count,
        "named_as_sent": right,
        "skipped": skipped,
        "imported": imported,
        "not_imported": state_counts(unimported),
        "batch_seconds": round(batch_seconds, 2),
        "read_seconds": round(read_seconds, 2),
        "confirm_seconds": round(confirm_seconds, 2),
        "import_seconds": round(import_seconds, 2),
        "seconds": round(read_seconds + confirm_seconds + import_seconds, 2),
        "read_per_second": round(len(documents) / read_seconds, 2),
        "imported_per_second": round(imported / import_seconds, 2),
        "worker_start_seconds": start_seconds,
        "peak_mb": {"reading": reading["peak_mb"], "importing": importing["peak_mb"]},
        # CPU seconds: the workers' own (start included), and the whole machine's while the stage
        # ran (the workers, PostgreSQL and anything else): far more than the workers' and
        # PostgreSQL's share means something else was running and the times are too long.
        "cpu_seconds": {
            "reading": {
                "workers": reading["cpu_seconds"],
                "machine": round(reading["machine_cpu_seconds"], 1),
            },
            "importing": {
                "workers": importing["cpu_seconds"],
                "machine": round(importing["machine_cpu_seconds"], 1),
            },
        },
        "worker_cpu_ms_per_document": {
            "reading": round(1000 * reading["cpu_seconds"] / len(documents), 1),
            "importing": round(1000 * importing["cpu_seconds"] / max(imported, 1), 1),
        },
        "checks": {"met": not problems, "problems": problems},
        # The 1-minute load average before the run and after it (the workers' own included), and
        # the share of the cores busy in the second before it: high means something else was
        # running on the machine.
        "load_average": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        "busy_before": round(idle_busy, 3),
        "worker_log": worker_log[-20:],
    }


# -- The report -----------------------------------------------------------------------------------


def code_version():
    """The commit benched, and whether the app's Python code had changes not yet committed (the
    tests and benchmarks left out). Read-only git commands."""

    def git(*arguments):
        finished = subprocess.run(["git", *arguments], cwd=ROOT, capture_output=True, text=True)
        return finished.stdout.strip() if finished.returncode == 0 else None

    status = git("status", "--porcelain", "--", "*.py", ":!benchmarks", ":!tests")
    return {"commit": git("rev-parse", "HEAD"), "uncommitted_changes": bool(status)}


def machine():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0]
    return {
        "cpus": os.cpu_count(),
        "machine": platform.machine(),
        "python": platform.python_version(),
        "postgresql": postgres,
    }


COLUMNS = ("workers", "read s", "read docs/s", "import s", "imported/s", "read CPU ms/doc",
           "import CPU ms/doc", "imported", "skipped", "failed", "peak MB", "machine busy",
           "checks")  # fmt: skip


def _busy(run_):
    """How busy the machine's cores were while the workers worked, whoever kept them busy."""
    machine_cpu = sum(phase["machine"] for phase in run_["cpu_seconds"].values())
    seconds = run_["read_seconds"] + run_["import_seconds"]
    return machine_cpu / (seconds * (os.cpu_count() or 1))


def print_table(runs):
    rows = [
        (
            str(run_["workers"]),
            f"{run_['read_seconds']:,.1f}",
            f"{run_['read_per_second']:,.2f}",
            f"{run_['import_seconds']:,.1f}",
            f"{run_['imported_per_second']:,.2f}",
            f"{run_['worker_cpu_ms_per_document']['reading']:,.0f}",
            f"{run_['worker_cpu_ms_per_document']['importing']:,.0f}",
            f"{run_['imported']:,}",
            f"{run_['skipped']:,}",
            f"{run_['failed']:,}",
            f"{max(run_['peak_mb']['reading'] + run_['peak_mb']['importing']):,.0f}",
            f"{_busy(run_):.0%}",
            "ok" if run_["checks"]["met"] else "FAILED",
        )
        for run_ in runs
    ]
    widths = [max(len(cell) for cell in column) for column in zip(COLUMNS, *rows, strict=True)]
    for row in (COLUMNS, *rows):
        print("  ".join(cell.rjust(width) for cell, width in zip(row, widths, strict=True)))
    print()
    print("| " + " | ".join(COLUMNS[:-1]) + " |")
    print("|" + " ---: |" * (len(COLUMNS) - 1))
    for row in rows:
        print("| " + " | ".join(row[:-1]) + " |")


def report(results):
    machine_ = results["machine"]
    print()
    print(
        f"Machine: {machine_['cpus']} CPUs, {machine_['machine']}, Python {machine_['python']}, "
        f"PostgreSQL {machine_['postgresql']}"
    )
    print(f"{results['documents']:,} two-page documents ({', '.join(FORMATS)} in turn)")
    print()
    print_table(results["runs"])
    print()
    for run_ in results["runs"]:
        per_hour = 3600 / (1 / run_["read_per_second"] + 1 / run_["imported_per_second"])
        print(
            f"{run_['workers']} worker(s): about {per_hour:,.0f} documents an hour read and "
            f"imported; {run_['documents']:,} documents in {run_['seconds'] / 60:.1f} min"
        )
        for problem in run_["checks"]["problems"]:
            print(f"  FAILED: {problem}")
        for line in run_["worker_log"]:
            print(f"  worker: {line}")
    store_results({"imports": results})


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=DOCUMENTS, help="documents to import")
    parser.add_argument(
        "--workers", type=int, nargs="+", default=list(WORKER_COUNTS), help="worker counts"
    )
    parser.add_argument("--keep", action="store_true", help="keep the last database afterwards")
    options = parser.parse_args(argv)
    bench_started = time.perf_counter()
    print(f"Building {options.documents:,} documents…")
    started = time.perf_counter()
    documents = build_documents(options.documents)
    megabytes = sum(len(content) for _, content, _ in documents) / 1024 / 1024
    print(f"  built in {time.perf_counter() - started:.0f} s ({megabytes:,.1f} MB)")
    runs = []
    machine_ = None
    for index, worker_count in enumerate(options.workers):
        print(f"{worker_count} worker(s):")
        # The same database name each time: this process's settings keep the first URL.
        keep = options.keep and index == len(options.workers) - 1
        with throwaway_database(DATABASE_NAME, keep=keep) as environment:
            try:
                runs.append(run(documents, worker_count, environment))
            except BenchError as error:
                sys.exit(str(error))
            machine_ = machine_ or machine()
    results = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine_,
        "code": code_version(),
        "documents": options.documents,
        "formats": list(FORMATS),
        "workers": options.workers,
        "worker_command": "manage.py " + " ".join(WORKER_COMMAND) + " --batch (DJANGO_DEBUG=0)",
        "runs": runs,
        "bench_seconds": round(time.perf_counter() - bench_started, 1),
    }
    report(results)


if __name__ == "__main__":
    main()
