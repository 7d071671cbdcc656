"""`make bench`, the default database: every page of a 10,000-comment plan on SQLite, as `make
run` serves it, each asked cold (the cache emptied: neither the page nor its figures kept) and
warm, in this process with Django's test client, once every page has been asked (Django's first
requests load code and compile templates). Target: every answer under 300 ms.

    python -m benchmarks.sqlite_pages [--comments 10000]

It builds the bench consultation (benchmarks.consultation, a tenth of the full size by default)
in a throwaway SQLite file, prints a table and PASS or MISS, and adds the results to
benchmarks/results.json under "sqlite".
"""

import argparse
import os
import tempfile
import time
from pathlib import Path

from benchmarks.pages import (
    OFFICER,
    OFFICER_READER,
    PUBLIC,
    WORDS,
    _public_client,
    create_readers,
    pages_to_measure,
    pick_response,
    revise_data,
    signed_in_client,
)
from benchmarks.serving import manage, store_results

LIMIT_MS = 300
SAMPLES = 3  # warm requests per page; the slowest counts


def timed(client, path):
    started = time.perf_counter()
    response = client.get(path)
    content = b"".join(response) if response.streaming else response.content
    return response.status_code, len(content), (time.perf_counter() - started) * 1000


def measure(comments):
    from django.core.cache import cache

    from benchmarks.consultation import build_consultation

    started = time.perf_counter()
    plan = build_consultation(comments=comments, responses=max(comments // 50, 1))
    print(f"  built in {time.perf_counter() - started:.0f} s")
    revise_data(plan)  # its "what changed" pages are among the pages
    create_readers()
    clients = {PUBLIC: _public_client(), OFFICER_READER: signed_in_client(*OFFICER)}
    response = pick_response(plan)
    pages = pages_to_measure(
        theme_id=plan.themes.order_by("pk").first().pk,
        response_id=response.pk,
        rare=response.respondent.name,
        common=WORDS[0],
    )
    # Django's first requests load code and compile templates: not what a reader waits for.
    for page in pages:
        clients[page.who].get(page.path)
    results = []
    for page in pages:
        client = clients[page.who]
        cache.clear()
        status, size, cold = timed(client, page.path)
        warm = max(timed(client, page.path)[2] for _ in range(SAMPLES))
        results.append(
            {
                "label": page.label,
                "who": page.who,
                "path": page.path,
                "status": status,
                "bytes": size,
                "cold_ms": round(cold, 1),
                "warm_ms": round(warm, 1),
            }
        )
        print(f"  {page.label:<26}{page.who:<9}{cold:>8.1f} ms cold {warm:>8.1f} ms warm")
    return results


def report(results, comments):
    slowest = max(results, key=lambda page: page["cold_ms"])
    failed = [page for page in results if page["status"] != 200]
    met = slowest["cold_ms"] < LIMIT_MS and not failed
    print(
        f"{'PASS' if met else 'MISS'}  SQLite, {comments:,} comments: every page < {LIMIT_MS} ms: "
        f"slowest {slowest['label']} ({slowest['who']}) {slowest['cold_ms']:,.1f} ms cold"
        + (f"; not 200: {', '.join(page['path'] for page in failed)}" if failed else "")
    )
    store_results(
        {
            "sqlite": {
                "comments": comments,
                "pages": results,
                "target": {"target": f"every page < {LIMIT_MS} ms", "met": met},
            }
        }
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--comments", type=int, default=10_000, help="comments to build")
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="marginalia-bench-") as folder:
        environment = {
            key: value for key, value in os.environ.items() if key not in {"REDIS_URL"}
        } | {
            "DATABASE_URL": f"sqlite:///{Path(folder) / 'bench.sqlite3'}",
            "DJANGO_DEBUG": "0",
            "DJANGO_HTTPS": "0",
            "DJANGO_SECRET_KEY": "bench-only-" + "x" * 50,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
            "DJANGO_SETTINGS_MODULE": "marginalia.settings",
        }
        os.environ.pop("REDIS_URL", None)
        os.environ.update(environment)
        print(f"SQLite, {options.comments:,} comments: migrating…")
        manage("migrate", "--noinput", environment=environment)
        manage("collectstatic", "--noinput", "--verbosity", "0", environment=environment)
        import django

        django.setup()
        results = measure(options.comments)
    report(results, options.comments)


if __name__ == "__main__":
    main()
