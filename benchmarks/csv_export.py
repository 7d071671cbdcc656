"""`make bench`: the summary report's CSV of a million comment–section links, streamed through
the code the report's URL runs (reports.downloads.report_download), output discarded.

It builds the data in a throwaway database (bench_<name>, made and dropped here): one plan,
50 sections, 1,000 respondents, and comments with five section links each, written with
bulk_create in batches. Then it reads the streaming response to the end and prints rows per
second and memory: the process's resident memory before and after the export (its growth should
not depend on the number of rows, since rows stream in chunks from a server-side cursor on
PostgreSQL), and with --trace-memory the peak of Python allocations during the export
(tracemalloc, which slows the export about twofold).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/marginalia \\
        DJANGO_SETTINGS_MODULE=marginalia.settings python -m benchmarks.csv_export [--links N]
"""

import argparse
import resource
import time
import tracemalloc

LINKS_PER_COMMENT = 5
SECTIONS = 50
RESPONDENTS = 1_000
BATCH = 10_000
COMMENT_TEXT = (
    "Point {number} says the plan will be ‘considered’; we would like to see it encouraged, "
    "with small organisations supported through consortia and clear, fair commissioning."
)


def resident_megabytes():
    """The process's resident memory now, from /proc (Linux)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def peak_resident_megabytes():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build_plan(links):
    """A plan whose comments have `links` section links in all, five per comment."""
    from django.db import connection
    from django.utils import timezone

    from plans.models import Plan, Section
    from plans.ordering import sort_key
    from responses.models import Comment, Respondent, Response, SectionLink

    plan = Plan.objects.create(
        title="Benchmark plan", slug="benchmark-plan", reference_prefix="BENCH", publisher="Bench"
    )
    sections = Section.objects.bulk_create(
        Section(plan=plan, number=number, sort_key=sort_key(number), text="considered")
        for number in (f"{1 + n // 10}.{1 + n % 10}" for n in range(SECTIONS))
    )
    respondents = Respondent.objects.bulk_create(
        Respondent(name=f"Organisation {n}") for n in range(RESPONDENTS)
    )
    now = timezone.now()
    responses = Response.objects.bulk_create(
        Response(
            plan=plan,
            respondent=respondent,
            status=Response.Status.PUBLISHED,
            submitted_at=now,
            reference=f"BENCH-{n:06d}",
        )
        for n, respondent in enumerate(respondents)
    )
    comment_count = links // LINKS_PER_COMMENT
    written = 0
    while written < comment_count:
        size = min(BATCH, comment_count - written)
        comments = Comment.objects.bulk_create(
            Comment(
                response=responses[n % RESPONDENTS],
                position=1 + n // RESPONDENTS,
                text=COMMENT_TEXT.format(number=sections[n % SECTIONS].number),
                stance=Comment.Stance.CONCERN,
            )
            for n in range(written, written + size)
        )
        SectionLink.objects.bulk_create(
            (
                SectionLink(
                    comment=comment,
                    section=sections[(index + offset * 7) % SECTIONS],
                    exact="considered" if offset == 0 else "",
                )
                for index, comment in enumerate(comments, start=written)
                for offset in range(LINKS_PER_COMMENT)
            ),
            batch_size=BATCH,
        )
        written += size
        print(f"\r  built {written * LINKS_PER_COMMENT:,} links", end="", flush=True)
    print()
    if connection.vendor == "postgresql":
        # As autovacuum would in a while: without statistics the planner guesses badly.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return plan


def stream_csv(plan, trace_memory):
    """Read the CSV download to its end, as a WSGI server would; return rows, bytes, seconds,
    the traced peak (or None) and the resident memory before and at the end."""
    from django.contrib.auth import get_user_model

    from reports.downloads import report_download
    from reports.filters import ReportFilters

    admin = get_user_model().objects.create_superuser("bench", "bench@example.org", "bench")
    resident_before = resident_megabytes()
    if trace_memory:
        tracemalloc.start()
    started = time.perf_counter()
    download = report_download(plan=plan, user=admin, filters=ReportFilters(), format="csv")
    size = rows = 0
    for chunk in download.streaming_content:
        size += len(chunk)
        rows += chunk.count(b"\n")
    seconds = time.perf_counter() - started
    traced_peak = tracemalloc.get_traced_memory()[1] / 2**20 if trace_memory else None
    tracemalloc.stop()
    download.close()
    return rows - 1, size, seconds, traced_peak, resident_before, resident_megabytes()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--links", type=int, default=1_000_000, help="comment–section links")
    parser.add_argument(
        "--trace-memory", action="store_true", help="also trace Python's peak allocation"
    )
    options = parser.parse_args(argv)

    from django.conf import settings
    from django.db import connection

    settings.DEBUG = False  # no query log
    old_name = connection.settings_dict["NAME"]
    if connection.vendor != "sqlite":  # SQLite's test database is in memory
        # Not test_<name>: a test run on the same server may be using that one.
        connection.settings_dict["TEST"]["NAME"] = f"bench_{old_name}"
    print(f"Creating a throwaway {connection.vendor} database…")
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False, serialize=False)
    try:
        started = time.perf_counter()
        plan = build_plan(options.links)
        print(f"  in {time.perf_counter() - started:.0f} s")
        rows, size, seconds, traced_peak, before, after = stream_csv(plan, options.trace_memory)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0, keepdb=False)

    print(f"{'rows':<28}{rows:>14,}")
    print(f"{'bytes':<28}{size:>14,}")
    print(f"{'seconds':<28}{seconds:>14.1f}")
    print(f"{'rows/s':<28}{rows / seconds:>14,.0f}")
    print(f"{'resident MB before export':<28}{before:>14.0f}")
    print(f"{'resident MB after export':<28}{after:>14.0f}")
    print(f"{'peak resident MB (process)':<28}{peak_resident_megabytes():>14.0f}")
    if traced_peak is not None:
        print(f"{'traced peak MB (export)':<28}{traced_peak:>14.1f}")


if __name__ == "__main__":
    import django

    django.setup()
    main()
