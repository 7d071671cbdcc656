"""`make bench`, campaigns: how long a `manage.py db_worker` takes to group a plan's 100,000
responses into campaigns (responses.campaigns.tasks.group_campaigns_task), and a plan of 10,000
grouped in the same run as the baseline, so the ratio of the two says how grouping grows on any
machine.

Each plan's responses are written with bulk_create (`build_campaign_responses`, also used by
tests/responses/test_campaigns_at_scale.py): campaigns of near-copies of one letter (each copy
signed with its own name, one sentence of the letter changed) among single letters, each
written from a seeded generator over a vocabulary of ordinary words, so no two singles are
alike. A letter is three paragraphs, each a comment.

In a throwaway PostgreSQL database (marginalia_bench_campaigns, on the server DATABASE_URL
names if it names a PostgreSQL one, else on postgres://postgres@127.0.0.1:5432/), for each
plan: grouping asked (responses.campaigns.tasks.request_grouping), then one
`manage.py db_worker --batch` started with the production settings, timed from its start until
the grouping is done (the database polled every 0.2 s); the campaigns found are checked against
those written.

    DJANGO_SETTINGS_MODULE=marginalia.settings python -m benchmarks.campaigns \\
        [--responses 100000] [--baseline 10000] [--keep]

It prints a table and adds the results to benchmarks/results.json under "campaigns".
"""

import argparse
import random
import sys
import tempfile
import time
from datetime import UTC, datetime

from benchmarks.imports import Workers, _tail, code_version, machine
from benchmarks.serving import BenchError, store_results, throwaway_database

DATABASE_NAME = "marginalia_bench_campaigns"
RESPONSES = 100_000
BASELINE_RESPONSES = 10_000
# A fifth of the responses are campaigns' copies, in campaigns of 2,000.
CAMPAIGN_SHARE = 0.2
COPIES = 2_000
POLL_SECONDS = 0.2
# A grouping not done after this long has stalled: the bench stops and says so.
GROUPING_LIMIT_SECONDS = 1_800
BATCH = 5_000

# -- The letters ----------------------------------------------------------------------------------

VOCABULARY = """
access advice agency allow area area's authority balance benefit board budget build care carers
case centre change charity child children choice clear close community concern consider contract
council course court cover create cut daily data deal decision deliver demand design detail
develop difference direct early effect effort enough equal estate evidence example expect
experience fair families family fund funding future give goal grant group grow health help high
home hospital hours housing idea impact improve include income increase inform invest issue job
keep know lack land large launch learn leave level library limit list listen live local long
look lose low maintain make manage market matter meet member mental money month move national
need neighbour network offer office open option order organise outcome parent park part partner
pay people period place plan point police policy poor power practice pressure prevent price
priority prison private problem process project protect provide public quality question rate
reach read record reduce region rely rent report require research resident resource respect
respond result return review right risk road role rule rural safe safety scheme school season
sector secure serve service share short site skill small social space staff stand start state
step strong student study support system target team term test thank time town track train
transport trust understand union value view village voice volunteer wait want ward water week
welcome work worker write year young
"""
WORDS = VOCABULARY.split()
FIRST_NAMES = ["Jane", "Amir", "Bethan", "Callum", "Deborah", "Efua", "Fergus", "Gita", "Hamish",
               "Imogen", "Jonah", "Kirsty", "Laszlo", "Morag", "Nadia", "Owen", "Priya", "Rhys",
               "Sian", "Tomasz"]  # fmt: skip
LAST_NAMES = ["Smith", "Okafor", "Price", "Macleod", "Hughes", "Mensah", "Doyle", "Patel", "Reid",
              "Lowe", "Barker", "Kowalski", "Fraser", "Ahmed", "Quinn", "Walsh", "Evans", "Novak",
              "Byrne", "Osei"]  # fmt: skip
SENTENCES_PER_PARAGRAPH = 10


def _sentence(rng):
    words = rng.choices(WORDS, k=rng.randint(8, 14))
    return " ".join(words).capitalize() + "."


def _name(rng):
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def _letter(rng):
    """Three paragraphs of sentences: a letter's body."""
    return [[_sentence(rng) for _ in range(SENTENCES_PER_PARAGRAPH)] for _ in range(3)]


def _signed(paragraphs, name):
    """The letter's comments: its paragraphs, the last one signed by `name`."""
    comments = [" ".join(sentences) for sentences in paragraphs]
    comments[-1] += f" Yours faithfully, {name}"
    return comments


def _copy(rng, letter):
    """One campaign member's copy: one sentence changed. (A copy that also added a sentence of
    its own would share about 0.8 of its phrases with the others: at the default threshold,
    whether it joins would be the estimate's toss of a coin.)"""
    paragraphs = [list(sentences) for sentences in letter]
    changed = rng.choice(paragraphs)
    changed[rng.randrange(len(changed))] = _sentence(rng)
    return paragraphs


def campaign_letters(*, campaigns, copies, singles, seed=0):
    """[(respondent's name, the response's comments)]: `campaigns` letters of `copies`
    near-copies each, then `singles` letters of their own; and the positions of each
    campaign's copies in that list."""
    rng = random.Random(seed)
    letters, expected = [], []
    for _ in range(campaigns):
        letter = _letter(rng)
        expected.append(range(len(letters), len(letters) + copies))
        for _ in range(copies):
            name = _name(rng)
            letters.append((name, _signed(_copy(rng, letter), name)))
    for _ in range(singles):
        name = _name(rng)
        letters.append((name, _signed(_letter(rng), name)))
    return letters, expected


def build_campaign_responses(plan, *, campaigns, copies, singles, seed=0):
    """Write the plan's responses with bulk_create, submitted and published in turn: the letters
    of campaign_letters, shuffled. Returns the campaigns written, each as the sorted ids of its
    responses, sorted by their first id (as near_copies.group_near_copies gives them)."""
    from django.db import transaction
    from django.utils import timezone

    from responses.models import Comment, Respondent, Response

    letters, expected = campaign_letters(
        campaigns=campaigns, copies=copies, singles=singles, seed=seed
    )
    order = list(range(len(letters)))
    random.Random(seed + 1).shuffle(order)
    now = timezone.now()
    statuses = [Response.Status.PUBLISHED, Response.Status.SUBMITTED]
    response_ids = {}  # position in letters: response id
    with transaction.atomic():
        # One respondent for each name: people of one name share it (a fifth fewer rows to write).
        respondents = {
            respondent.name: respondent
            for respondent in Respondent.objects.bulk_create(
                Respondent(name=name, kind=Respondent.Kind.INDIVIDUAL)
                for name in sorted({name for name, _ in letters})
            )
        }
        for start in range(0, len(order), BATCH):
            chunk = order[start : start + BATCH]
            responses = Response.objects.bulk_create(
                Response(
                    plan=plan,
                    respondent=respondents[letters[index][0]],
                    status=statuses[index % 2],
                    submitted_at=now,
                    reference=f"{plan.reference_prefix}-{start + offset + 1:06d}",
                )
                for offset, index in enumerate(chunk)
            )
            Comment.objects.bulk_create(
                Comment(response=response, position=position, text=text)
                for index, response in zip(chunk, responses, strict=True)
                for position, text in enumerate(letters[index][1], start=1)
            )
            response_ids.update(
                (index, response.pk) for index, response in zip(chunk, responses, strict=True)
            )
    groups = [sorted(response_ids[index] for index in members) for members in expected]
    return sorted(groups, key=lambda group: group[0])


# -- One grouping ---------------------------------------------------------------------------------


def campaigns_found(plan):
    """The plan's campaigns, each as the sorted ids of its members, sorted by their first id."""
    from responses.models import Response

    groups = {}
    for campaign_id, response_id in Response.objects.filter(
        plan=plan, campaign__isnull=False
    ).values_list("campaign_id", "pk"):
        groups.setdefault(campaign_id, []).append(response_id)
    return sorted((sorted(group) for group in groups.values()), key=lambda group: group[0])


def group(responses, slug, environment, log):
    """Write a plan of `responses` (a CAMPAIGN_SHARE of them in campaigns of COPIES), ask for
    its grouping, and time one db_worker grouping it."""
    from plans.models import Plan
    from responses.campaigns.tasks import request_grouping
    from responses.models import CampaignGrouping

    campaigns = max(1, round(responses * CAMPAIGN_SHARE / COPIES))
    singles = responses - campaigns * COPIES
    plan = Plan.objects.create(title=f"Bench plan of {responses:,}", slug=slug,
                               reference_prefix=slug.upper())  # fmt: skip
    started = time.perf_counter()
    expected = build_campaign_responses(
        plan, campaigns=campaigns, copies=COPIES, singles=singles, seed=responses
    )
    build_seconds = time.perf_counter() - started
    print(f"  {responses:,} responses ({campaigns} campaigns of {COPIES:,}) written in "
          f"{build_seconds:.0f} s; grouping…")  # fmt: skip
    request_grouping(plan=plan, threshold=CampaignGrouping._meta.get_field("threshold").default)

    started = time.perf_counter()
    workers = Workers(1, environment, log)
    while True:
        state = CampaignGrouping.objects.filter(plan=plan).values_list("state", flat=True).get()
        if state == CampaignGrouping.State.DONE:
            break
        if state == CampaignGrouping.State.FAILED or workers.all_exited():
            workers.stop()
            raise BenchError(f"The grouping of {responses:,} stopped at {state!r}:\n{_tail(log)}")
        if time.perf_counter() - started > GROUPING_LIMIT_SECONDS:
            workers.stop()
            raise BenchError(f"The grouping of {responses:,} took over {GROUPING_LIMIT_SECONDS} s.")
        time.sleep(POLL_SECONDS)
    seconds = time.perf_counter() - started
    worker = workers.wait()
    found = campaigns_found(plan)
    print(f"  grouped in {seconds:.1f} s: {len(found)} campaigns")
    return {
        "responses": responses,
        "campaigns_written": campaigns,
        "campaigns_found": len(found),
        "campaigns_match": found == expected,
        "build_seconds": round(build_seconds, 1),
        "seconds": round(seconds, 2),
        "responses_per_second": round(responses / seconds, 1),
        "worker_cpu_seconds": worker["cpu_seconds"],
        "peak_mb": worker["peak_mb"][0],
    }


# -- The report -----------------------------------------------------------------------------------


def report(results):
    machine_ = results["machine"]
    print()
    print(f"Machine: {machine_['cpus']} CPUs, {machine_['machine']}, Python {machine_['python']}, "
          f"PostgreSQL {machine_['postgresql']}")  # fmt: skip
    print("| responses | campaigns | seconds | responses/s | worker CPU s | peak MB | checks |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for run_ in (results["baseline"], results["run"]):
        print(
            f"| {run_['responses']:,} | {run_['campaigns_found']} | {run_['seconds']:,.1f} | "
            f"{run_['responses_per_second']:,.0f} | {run_['worker_cpu_seconds']:,.1f} | "
            f"{run_['peak_mb']:,.0f} | {'ok' if run_['campaigns_match'] else 'FAILED'} |"
        )
    print(f"\n{results['run']['responses']:,} responses took {results['ratio']:.2f}× the time of "
          f"{results['baseline']['responses']:,} ({results['run']['responses'] / results['baseline']['responses']:.0f}× "  # noqa: E501
          "as many).")  # fmt: skip
    store_results({"campaigns": results})


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--responses", type=int, default=RESPONSES)
    parser.add_argument("--baseline", type=int, default=BASELINE_RESPONSES)
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    options = parser.parse_args(argv)
    bench_started = time.perf_counter()
    with throwaway_database(DATABASE_NAME, keep=options.keep) as environment:
        with tempfile.TemporaryFile() as log:
            try:
                print("Baseline:")
                baseline = group(options.baseline, "bench-baseline", environment, log)
                print("Run:")
                run_ = group(options.responses, "bench-campaigns", environment, log)
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
        "bench_seconds": round(time.perf_counter() - bench_started, 1),
    }
    report(results)
    if not (baseline["campaigns_match"] and run_["campaigns_match"]):
        sys.exit("The campaigns found are not those written.")


if __name__ == "__main__":
    main()
