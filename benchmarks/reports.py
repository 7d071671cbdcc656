"""`make bench`, the summary report of a plan of real size: a 312-section plan with 10,000
comments (each on five sections, 50,000 links) made into a Word document and a web page, as the
background worker makes them, against a baseline of the same plan with 1,000 comments in the
same run. Issue 22's target: each under a minute.

In a throwaway PostgreSQL database (marginalia_bench_reports, on the server DATABASE_URL names,
else 127.0.0.1:5432), migrated, the consultation built by benchmarks.consultation; each report is
timed in this process from reading to the finished file (reports.report.summary_report, then
write_docx or render_html), read as an administrator, who also sees the officers' annotations.

    DJANGO_SETTINGS_MODULE=marginalia.settings python -m benchmarks.reports [--comments 10000]

It prints a table and adds the results to benchmarks/results.json under "reports".
"""

import argparse
import io
import resource
import time
from datetime import UTC, datetime

from benchmarks.imports import code_version, machine
from benchmarks.serving import store_results, throwaway_database

DATABASE_NAME = "marginalia_bench_reports"
SECTIONS = 312
COMMENTS = 10_000
BASELINE_COMMENTS = 1_000
TARGET_SECONDS = 60


def _timed(make):
    started = time.perf_counter()
    size = make()
    return round(time.perf_counter() - started, 2), size


def measure(comments):
    """Each format's seconds and size for a new consultation of `comments` comments."""
    from django.contrib.auth import get_user_model

    from benchmarks.consultation import build_consultation
    from reports.exports.docx import write_docx
    from reports.exports.html import render_html
    from reports.filters import ReportFilters
    from reports.report import summary_report
    from responses.models import Response

    plan = build_consultation(
        comments=comments, responses=max(comments // 20, 10), sections=SECTIONS
    )
    admin = get_user_model().objects.create_superuser(f"bench-admin-{comments}", password=None)

    def word():
        file = io.BytesIO()
        write_docx(summary_report(plan=plan, viewer=admin, filters=ReportFilters()), file)
        return len(file.getvalue())

    def page():
        return len(render_html(summary_report(plan=plan, viewer=admin, filters=ReportFilters())))

    word_seconds, word_bytes = _timed(word)
    html_seconds, html_bytes = _timed(page)
    # The next consultation takes the same address and references.
    Response.objects.filter(plan=plan).delete()
    plan.delete()
    return {
        "comments": comments,
        "sections": SECTIONS,
        "docx_seconds": word_seconds,
        "docx_kb": word_bytes // 1024,
        "html_seconds": html_seconds,
        "html_kb": html_bytes // 1024,
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--comments", type=int, default=COMMENTS)
    parser.add_argument("--baseline", type=int, default=BASELINE_COMMENTS)
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    options = parser.parse_args(argv)
    with throwaway_database(DATABASE_NAME, keep=options.keep):
        baseline = measure(options.baseline)
        run_ = measure(options.comments)
        machine_ = machine()
    results = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine_,
        "code": code_version(),
        "baseline": baseline,
        "run": run_,
        "docx_ratio": round(run_["docx_seconds"] / baseline["docx_seconds"], 2),
        "html_ratio": round(run_["html_seconds"] / baseline["html_seconds"], 2),
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
        "target_seconds": TARGET_SECONDS,
    }
    print("| comments | sections | Word s | Word KB | web page s | web page KB |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for each in (baseline, run_):
        print(
            f"| {each['comments']:,} | {each['sections']} | {each['docx_seconds']:.1f} | "
            f"{each['docx_kb']:,} | {each['html_seconds']:.1f} | {each['html_kb']:,} |"
        )
    met = max(run_["docx_seconds"], run_["html_seconds"]) < TARGET_SECONDS
    print(
        f"\n{run_['comments']:,} comments took {results['docx_ratio']:.2f}× the Word time and "
        f"{results['html_ratio']:.2f}× the web page time of {baseline['comments']:,}; peak "
        f"{results['peak_mb']:,} MB. Target under {TARGET_SECONDS} s each: "
        f"{'met' if met else 'MISSED'}."
    )
    store_results({"reports": results})


if __name__ == "__main__":
    main()
