"""`make bench`, suggested themes: how long a `manage.py db_worker` takes to suggest the themes
of a plan's 100,000 comments (coding.tasks.suggest_themes_task), with its peak memory, and a plan
of 10,000 comments suggested in the same run as the baseline, so the ratio of the two says how
suggesting grows on any machine. Targets: under 5 minutes, the worker under 1.5 GB.

The comments are written with bulk_create from a seeded generator: each mostly in the words of
one of eight planted themes, with words every theme shares and ordinary words besides, a tenth
of them near-copies in campaigns of 1,000. The themes suggested are checked against those
planted (purity: the share of comments placed in a theme whose most common planted theme they
share).

Then codes are suggested for the same plan (coding.tasks.suggest_codes_task): officers have given
CODED_PER_THEME comments of each planted theme a code of its name, and the bench reports how
long, the worker's peak memory, the share of the other comments suggested a code and how often
the code suggested is the comment's planted theme. Targets: under 5 minutes, under 1.5 GB,
right 80 % of the time.

In a throwaway PostgreSQL database (marginalia_bench_coding, on the server DATABASE_URL names
if it names a PostgreSQL one, else on postgres://postgres@127.0.0.1:5432/):

    DJANGO_SETTINGS_MODULE=marginalia.settings python -m benchmarks.coding \\
        [--comments 100000] [--baseline 10000] [--keep]

It prints a table and adds the results to benchmarks/results.json under "coding".
"""

import argparse
import random
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime

from benchmarks.campaigns import POLL_SECONDS, WORDS
from benchmarks.imports import Workers, _tail, code_version, machine
from benchmarks.serving import BenchError, store_results, throwaway_database

DATABASE_NAME = "marginalia_bench_coding"
COMMENTS = 100_000
BASELINE_COMMENTS = 10_000
COMMENTS_PER_RESPONSE = 5
CAMPAIGN_SHARE = 0.1
COPIES = 1_000
THEMES = {
    "funding": "funding grants money budget cuts finance contracts payment costs commissioning",
    "volunteers": "volunteers mentors recruitment training retention befriending unpaid helpers",
    "housing": "housing accommodation homeless hostels tenancy landlords rent shelter",
    "employment": "employment jobs skills apprenticeships employers careers wages",
    "health": "wellbeing addiction drugs alcohol treatment doctors therapy",
    "families": "families children parents visits contact relationships carers",
    "women": "women female gender trauma domestic abuse",
    "data": "data evidence outcomes monitoring evaluation measurement reporting",
}
SHARED = [
    "plan", "offenders", "prison", "probation", "services", "partnership", "sector", "community",
    "section",
]  # fmt: skip
LIMIT_SECONDS = 1_800
CODED_PER_THEME = 30
BATCH = 5_000


def planted_texts(count, *, seed):
    """`count` (text, theme) of comments, CAMPAIGN_SHARE of them a campaign's copies."""
    rng = random.Random(seed)
    names = list(THEMES)
    texts = []
    campaigns = round(count * CAMPAIGN_SHARE / COPIES)
    for number in range(campaigns):
        theme = names[number % len(names)]
        letter = _comment(rng, theme)
        texts += [(f"{letter} Signed {n}.", theme, number) for n in range(COPIES)]
    while len(texts) < count:
        theme = rng.choice(names)
        texts.append((_comment(rng, theme), theme, None))
    return texts[:count]


def _comment(rng, theme):
    words = (
        rng.choices(THEMES[theme].split(), k=10)
        + rng.choices(SHARED, k=5)
        + rng.choices(WORDS, k=rng.randint(10, 30))
    )
    rng.shuffle(words)
    return " ".join(words).capitalize() + "."


def build(plan, count, *, seed):
    """Write `count` comments on `plan`, five to a submitted response; {comment id: theme}."""
    from django.utils import timezone

    from responses.models import Campaign, Comment, Respondent, Response

    texts = planted_texts(count, seed=seed)
    respondent = Respondent.objects.create(name="Bench respondent")
    campaigns = {}
    now = timezone.now()
    responses = []
    for start in range(0, len(texts), COMMENTS_PER_RESPONSE):
        campaign = texts[start][2]
        if campaign is not None and campaign not in campaigns:
            campaigns[campaign] = Campaign.objects.create(plan=plan, shared_text=texts[start][0])
        responses.append(
            Response(
                plan=plan,
                respondent=respondent,
                status=Response.Status.SUBMITTED,
                submitted_at=now,
                reference=f"{plan.reference_prefix}-{start:07d}",
                publication_consent=Response.Consent.NAMED,
                campaign=campaigns.get(campaign),
            )
        )
    Response.objects.bulk_create(responses, batch_size=BATCH)
    saved = list(
        Response.objects.filter(plan=plan).order_by("reference").values_list("pk", flat=True)
    )
    comments = [
        Comment(response_id=saved[index // COMMENTS_PER_RESPONSE],
                position=index % COMMENTS_PER_RESPONSE + 1, text=text)
        for index, (text, _theme, _campaign) in enumerate(texts)
    ]  # fmt: skip
    Comment.objects.bulk_create(comments, batch_size=BATCH)
    stored = Comment.objects.filter(response__plan=plan).order_by("response__reference", "position")
    return {pk: texts[i][1] for i, pk in enumerate(stored.values_list("pk", flat=True))}


def purity(suggesting, truth):
    from coding.models import SuggestedMember

    placed = Counter()
    for theme, comment in SuggestedMember.objects.filter(theme__suggesting=suggesting).values_list(
        "theme", "comment"
    ):
        placed[(theme, truth[comment])] += 1
    by_theme = {}
    for (theme, _planted), count in placed.items():
        by_theme.setdefault(theme, []).append(count)
    total = sum(placed.values())
    return round(sum(max(counts) for counts in by_theme.values()) / total, 3) if total else 0.0


def suggest(count, slug, environment, log):
    """Themes, then codes, suggested for a plan of `count` planted comments."""
    from coding.tasks import request_suggestions
    from plans.models import Plan

    plan = Plan.objects.create(title=f"Bench plan of {count:,}", slug=slug,
                               reference_prefix=f"CODING{count}")  # fmt: skip
    started = time.perf_counter()
    truth = build(plan, count, seed=count)
    build_seconds = time.perf_counter() - started
    print(f"  {count:,} comments written in {build_seconds:.0f} s; suggesting themes…")
    suggesting = request_suggestions(
        plan=plan, described="every comment", themes_wanted=len(THEMES)
    )
    seconds, worker = _done(suggesting, environment, log, f"Suggesting themes for {count:,}")
    found = purity(suggesting, truth)
    print(f"  suggested in {seconds:.1f} s: {suggesting.themes.count()} themes, purity {found}")
    return {
        "comments": count,
        "comments_read": suggesting.comments_read,
        "themes": suggesting.themes.count(),
        "purity": found,
        "build_seconds": round(build_seconds, 1),
        "seconds": round(seconds, 2),
        "worker_cpu_seconds": worker["cpu_seconds"],
        "peak_mb": worker["peak_mb"][0],
        "codes": suggest_codes(plan, truth, environment, log),
    }


def suggest_codes(plan, truth, environment, log):
    """Officers code CODED_PER_THEME comments of each planted theme, none of a campaign's, with
    a code of its name; codes are suggested for the rest. How many were suggested, and the
    share of those that are the comment's planted theme."""
    from coding.models import Assignment, Code
    from coding.tasks import request_code_suggestions
    from responses.models import Comment

    codes = {theme: Code.objects.create(plan=plan, name=theme.capitalize()) for theme in THEMES}
    alone = Comment.objects.filter(response__plan=plan, response__campaign=None).order_by("pk")
    given = Counter()
    coded = []
    for pk in alone.values_list("pk", flat=True).iterator():
        if given[truth[pk]] < CODED_PER_THEME:
            given[truth[pk]] += 1
            coded.append(Assignment(comment_id=pk, code=codes[truth[pk]], origin="officer"))
        if len(coded) == CODED_PER_THEME * len(THEMES):
            break
    Assignment.objects.bulk_create(coded)
    suggesting = request_code_suggestions(plan=plan)
    seconds, worker = _done(suggesting, environment, log, f"Suggesting codes for {len(truth):,}")
    suggested = Assignment.objects.filter(code__plan=plan, origin="suggested")
    names = {code.pk: theme for theme, code in codes.items()}
    right = sum(
        truth[comment] == names[code]
        for comment, code in suggested.values_list("comment", "code").iterator()
    )
    count = suggested.count()
    result = {
        "coded": len(coded),
        "suggested": count,
        "share_suggested": round(count / (len(truth) - len(coded)), 3),
        "precision": round(right / count, 3) if count else 0.0,
        "likeness_needed": suggesting.likeness_needed,
        "seconds": round(seconds, 2),
        "worker_cpu_seconds": worker["cpu_seconds"],
        "peak_mb": worker["peak_mb"][0],
    }
    print(f"  codes suggested in {seconds:.1f} s for {result['share_suggested']:.0%} of the "
          f"comments, right {result['precision']:.0%} of the time")  # fmt: skip
    return result


def _done(job, environment, log, what):
    """Run one worker until `job` is done: the seconds it took and the worker's use."""
    model = type(job)
    started = time.perf_counter()
    workers = Workers(1, environment, log)
    while True:
        state = model.objects.filter(pk=job.pk).values_list("state", flat=True).get()
        if state == model.State.DONE:
            break
        if state == model.State.FAILED or workers.all_exited():
            workers.stop()
            raise BenchError(f"{what} stopped at {state!r}:\n{_tail(log)}")
        if time.perf_counter() - started > LIMIT_SECONDS:
            workers.stop()
            raise BenchError(f"{what} took over {LIMIT_SECONDS} s.")
        time.sleep(POLL_SECONDS)
    seconds = time.perf_counter() - started
    worker = workers.wait()
    job.refresh_from_db()
    return seconds, worker


def report(results):
    machine_ = results["machine"]
    print()
    print(f"Machine: {machine_['cpus']} CPUs, {machine_['machine']}, Python {machine_['python']}, "
          f"PostgreSQL {machine_['postgresql']}")  # fmt: skip
    print(
        "| comments | read (campaigns once) | themes | purity | seconds | worker CPU s | peak MB |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for run_ in (results["baseline"], results["run"]):
        print(f"| {run_['comments']:,} | {run_['comments_read']:,} | {run_['themes']} | "
              f"{run_['purity']:.2f} | {run_['seconds']:,.1f} | "
              f"{run_['worker_cpu_seconds']:,.1f} | {run_['peak_mb']:,.0f} |")  # fmt: skip
    run_ = results["run"]
    print(f"\n{run_['comments']:,} comments took {results['ratio']:.2f}× the time of "
          f"{results['baseline']['comments']:,}; targets: under 300 s ({run_['seconds']:.0f} s), "
          f"under 1,536 MB ({run_['peak_mb']:.0f} MB).")  # fmt: skip
    print("\nCodes suggested for the comments not coded, from "
          f"{run_['codes']['coded']} coded by officers:")  # fmt: skip
    print("| comments | suggested a code | right | seconds | worker CPU s | peak MB |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for run_ in (results["baseline"], results["run"]):
        codes = run_["codes"]
        print(f"| {run_['comments']:,} | {codes['share_suggested']:.0%} | "
              f"{codes['precision']:.0%} | {codes['seconds']:,.1f} | "
              f"{codes['worker_cpu_seconds']:,.1f} | {codes['peak_mb']:,.0f} |")  # fmt: skip
    print(f"\n{results['run']['comments']:,} comments' codes took "
          f"{results['codes_ratio']:.2f}× the time of the baseline's.")  # fmt: skip
    store_results({"coding": results})


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--comments", type=int, default=COMMENTS)
    parser.add_argument("--baseline", type=int, default=BASELINE_COMMENTS)
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    options = parser.parse_args(argv)
    bench_started = time.perf_counter()
    with throwaway_database(DATABASE_NAME, keep=options.keep) as environment:
        with tempfile.TemporaryFile() as log:
            try:
                print("Baseline:")
                baseline = suggest(options.baseline, "bench-coding-baseline", environment, log)
                print("Run:")
                run_ = suggest(options.comments, "bench-coding", environment, log)
            except BenchError as error:
                sys.exit(str(error))
        machine_ = machine()
    results = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine_,
        "code": code_version(),
        "worker_command": "manage.py db_worker --batch (DJANGO_DEBUG=0)",
        "baseline": baseline,
        "run": run_,
        "ratio": round(run_["seconds"] / baseline["seconds"], 2),
        "codes_ratio": round(run_["codes"]["seconds"] / baseline["codes"]["seconds"], 2),
        "bench_seconds": round(time.perf_counter() - bench_started, 1),
    }
    report(results)
    if run_["seconds"] > 300 or run_["peak_mb"] > 1536 or run_["purity"] < 0.8:
        sys.exit("Suggesting themes missed a target (300 s, 1.5 GB, purity 0.8).")
    codes = run_["codes"]
    if codes["seconds"] > 300 or codes["peak_mb"] > 1536 or codes["precision"] < 0.8:
        sys.exit("Suggesting codes missed a target (300 s, 1.5 GB, right 80 % of the time).")


if __name__ == "__main__":
    main()
