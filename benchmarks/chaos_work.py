"""`make chaos`, its second part: background work whose worker is killed while it works, taken up
again, with nothing lost or doubled.

In a throwaway PostgreSQL database (marginalia_chaos_work, on DATABASE_URL's server if it names a
PostgreSQL one, else 127.0.0.1:5432), two rounds, each with one `manage.py db_worker` killed
(SIGKILL) a second into the work, then `manage.py resume_work` once the claim timeout
(TASK_CLAIM_TIMEOUT, 3 s here) has passed and a new worker started, as cron and a restarted
service would:

- **grouping**: a plan of 20,000 responses, a fifth of them near-copies in campaigns of 2,000
  (benchmarks.campaigns' letters), asked to be grouped; the campaigns found must be those
  written, each response in one.
- **following**: a plan of 100 sections with 20,000 comments, each quoting a section's wording,
  revised (a sentence added to each section); every quote must be followed into the revision
  exactly once.

It prints each round's fault and outcome and exits non-zero unless both finish complete.

    DJANGO_SETTINGS_MODULE=marginalia.settings python -m benchmarks.chaos_work
"""

import os
import random
import signal
import subprocess
import sys
import tempfile
import time

from benchmarks.campaigns import _sentence, build_campaign_responses, campaigns_found
from benchmarks.imports import ROOT, WORKER_COMMAND, _tail
from benchmarks.serving import manage, throwaway_database

DATABASE_NAME = "marginalia_chaos_work"
CLAIM_TIMEOUT = 3
RESPONSES = 20_000
COPIES = 2_000
QUOTES = 20_000
SECTIONS = 100
KILL_AFTER_SECONDS = 1.0
LIMIT_SECONDS = 600
BATCH = 5_000


def start_worker(environment, log):
    command = [sys.executable, "manage.py", *WORKER_COMMAND]
    return subprocess.Popen(command, cwd=ROOT, env=environment, stdout=log, stderr=log)


def wait_for(condition, what, seconds=LIMIT_SECONDS):
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"{what}: not within {seconds} s")
        time.sleep(0.1)


def kill_and_resume(environment, log, working, done):
    """Start a worker, kill it once `working()` has been true for KILL_AFTER_SECONDS, check the
    work is left unfinished, then resume it and start another worker; returns the fault's
    description once `done()`."""
    first = start_worker(environment, log)
    try:
        wait_for(working, "the work did not start")
        time.sleep(KILL_AFTER_SECONDS)
        if done():
            return "finished before the worker could be killed: use more data"
        first.send_signal(signal.SIGKILL)
        first.wait()
    finally:
        if first.poll() is None:
            first.kill()
    killed_at = time.monotonic()
    time.sleep(CLAIM_TIMEOUT + 1)
    unfinished = not done()
    manage("resume_work", environment=environment)
    second = start_worker(environment, log)
    try:
        wait_for(done, "the resumed work did not finish")
    finally:
        second.send_signal(signal.SIGTERM)
        second.wait(timeout=30)
    state = "left unfinished" if unfinished else "FINISHED BY A DEAD WORKER?"
    return (
        f"worker killed {KILL_AFTER_SECONDS:.0f} s in, work {state}; resumed and done "
        f"{time.monotonic() - killed_at:.0f} s after the kill"
    )


def grouping_round(environment, log):
    from plans.models import Plan
    from responses.campaigns.tasks import request_grouping
    from responses.models import CampaignGrouping, Response

    plan = Plan.objects.create(title="Chaos plan", slug="chaos-grouping", reference_prefix="CG")
    campaigns = RESPONSES // 5 // COPIES
    written = build_campaign_responses(
        plan, campaigns=campaigns, copies=COPIES, singles=RESPONSES - campaigns * COPIES
    )
    request_grouping(plan=plan, threshold=CampaignGrouping._meta.get_field("threshold").default)

    def state():
        return CampaignGrouping.objects.get(plan=plan).state

    fault = kill_and_resume(
        environment,
        log,
        working=lambda: state() == CampaignGrouping.State.WORKING,
        done=lambda: state() == CampaignGrouping.State.DONE,
    )
    found = campaigns_found(plan)
    members = Response.objects.filter(plan=plan, campaign__isnull=False).count()
    complete = found == written and members == campaigns * COPIES
    print(f"grouping: {fault}")
    print(
        f"  campaigns found {len(found)}/{len(written)} with {members:,} members "
        f"({'as written' if found == written else 'NOT as written'})"
    )
    return complete


def quotes_of(plan, count, rng):
    """`count` comments on the plan's sections, each quoting five to twelve words of its
    section's wording; written with bulk_create."""
    from django.db import transaction
    from django.utils import timezone

    from responses.models import Comment, Respondent, Response, SectionLink

    sections = [section for section in plan.sections.all() if len(section.text.split()) > 12]
    respondent = Respondent.objects.create(name="Chaos Trust", kind=Respondent.Kind.ORGANISATION)
    with transaction.atomic():
        for start in range(0, count, BATCH):
            size = min(BATCH, count - start)
            responses = Response.objects.bulk_create(
                Response(
                    plan=plan,
                    respondent=respondent,
                    status=Response.Status.PUBLISHED,
                    submitted_at=timezone.now(),
                    reference=f"CHAOS-{start + offset + 1:06d}",
                )
                for offset in range(size)
            )
            comments = Comment.objects.bulk_create(
                Comment(response=response, position=1, text="We quote the plan.")
                for response in responses
            )
            links = []
            for comment in comments:
                section = rng.choice(sections)
                words = section.text.split()
                length = rng.randint(5, 12)
                first = rng.randrange(len(words) - length)
                exact = " ".join(words[first : first + length])
                at = section.text.index(exact)
                links.append(
                    SectionLink(
                        comment=comment,
                        section=section,
                        exact=exact,
                        prefix=section.text[max(0, at - 32) : at],
                        suffix=section.text[at + len(exact) : at + len(exact) + 32],
                    )
                )
            SectionLink.objects.bulk_create(links)


def following_round(environment, log):
    from django.db import transaction

    from plans.models import Plan, Section
    from plans.outline import read_outline
    from responses.models import SectionLink
    from revisions.models import PlanVersion, RevisedQuote
    from revisions.services import save_revision
    from revisions.tasks import request_following

    rng = random.Random(20)
    plan = Plan.objects.create(title="Chaos plan", slug="chaos-following", reference_prefix="CF")
    Section.objects.bulk_create(
        Section(plan=plan, number=f"{index // 10 + 1}.{index % 10 + 1}",
                text=" ".join(_sentence(rng) for _ in range(4)))
        for index in range(SECTIONS)
    )  # fmt: skip
    quotes_of(plan, QUOTES, rng)
    lines = []
    for section in plan.sections.in_natural_order():
        lines.append(f"{section.number}\n{section.text} This sentence was added in revision.")
    with transaction.atomic():
        version = save_revision(plan, read_outline("\n\n".join(lines)), label="Chaos")
        request_following(plan.pk, version.number)
    quotes = SectionLink.objects.filter(section__plan=plan).exclude(exact="").count()

    def followed():
        return PlanVersion.objects.filter(pk=version.pk, quotes_followed_at__isnull=False).exists()

    def running():
        from django_tasks_db.models import DBTaskResult

        return DBTaskResult.objects.filter(
            task_path__endswith="follow_quotes", status="RUNNING"
        ).exists()

    fault = kill_and_resume(environment, log, working=running, done=followed)
    revised = RevisedQuote.objects.filter(version=version)
    count, distinct = revised.count(), revised.values("link").distinct().count()
    complete = count == distinct == quotes
    print(f"following: {fault}")
    print(f"  quotes followed {distinct:,}/{quotes:,}, {count - distinct} twice")
    return complete


def main():
    with throwaway_database(DATABASE_NAME) as environment:
        environment = environment | {"TASK_CLAIM_TIMEOUT": str(CLAIM_TIMEOUT)}
        os.environ["TASK_CLAIM_TIMEOUT"] = str(CLAIM_TIMEOUT)
        from django.conf import settings

        settings.TASK_CLAIM_TIMEOUT = CLAIM_TIMEOUT
        with tempfile.NamedTemporaryFile("w+", prefix="chaos-work-", suffix=".log") as log:
            try:
                results = [grouping_round(environment, log), following_round(environment, log)]
            except SystemExit:
                print(_tail(log))
                raise
    if not all(results):
        sys.exit("background work was lost or doubled")
    print("background work: each round resumed, nothing lost or doubled")


if __name__ == "__main__":
    main()
