"""One shape for background work, so that every kind is asked for, claimed, finished and taken
up again after a dead worker in the same way.

A job is a model with Job's fields: its `state` (queued, working, done, failed), when it was
`requested_at`, when a worker last `claimed_at` it (a worker moves it as it goes on), and why it
`failed`. A worker takes a job by compare-and-set (`claim`): of two workers given the same job,
one works it; a job queued, or at work, whose claim or request is older than TASK_CLAIM_TIMEOUT
has lost its worker (the worker died, or the queue lost the task), and `resume_stalled` queues
it again, so the next worker takes it up. Doing a job again must be harmless: each kind writes
its result in one transaction.

The kinds: reports.models.ReportJob (a report too large to make while its reader waits),
responses.models.CampaignGrouping (a plan's campaigns grouped), revisions.models.QuoteFollowing
(a plan's quotes followed into its revisions), coding.models.ThemeSuggesting and CodeSuggesting
(themes, and codes for uncoded comments, suggested) and intake.models.ImportBatch (the reading, then
the importing, of an officer's batch: its `stage` is the officer's workflow around that work,
and any number of workers share it, taking its documents one at a time, each claimed with the
same timeout). A job that cannot be done with what it was given is `refuse`d, its reason told
as it is. Each app's tasks.py holds its `request_…()` (or, for a batch, `enqueue_work`),
which enqueues the @task once the transaction commits, and the @task; services never import
tasks. `manage.py resume_work` resumes every kind.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class JobState(models.TextChoices):
    QUEUED = "queued", "Waiting for a worker"
    WORKING = "working", "At work"
    DONE = "done", "Done"
    FAILED = "failed", "Could not be done"


AT_WORK = (JobState.QUEUED, JobState.WORKING)


class Job(models.Model):
    State = JobState

    state = models.CharField(max_length=20, choices=JobState.choices, default=JobState.QUEUED)
    requested_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    failure = models.TextField(blank=True, help_text="Why the job could not be done.")

    class Meta:
        abstract = True

    @property
    def at_work(self):
        return self.state in AT_WORK


def claim_timeout():
    return timedelta(seconds=settings.TASK_CLAIM_TIMEOUT)


def stalled(jobs):
    """Of `jobs`, those that lost their worker: queued and asked for, or at work and claimed,
    longer than the claim timeout ago."""
    before = timezone.now() - claim_timeout()
    return jobs.filter(
        Q(state=JobState.QUEUED, requested_at__lt=before)
        | Q(state=JobState.WORKING, claimed_at__lt=before)
    )


def claim(jobs, pk) -> bool:
    """Take the job `pk` of `jobs` for this worker: True if it was queued (or at work and
    stalled) and is now this worker's, False if another worker has it or it is finished."""
    before = timezone.now() - claim_timeout()
    return bool(
        jobs.filter(
            Q(state=JobState.QUEUED) | Q(state=JobState.WORKING, claimed_at__lt=before), pk=pk
        ).update(state=JobState.WORKING, claimed_at=timezone.now())
    )


def finish(jobs, pk, *, requested_at=None, **results) -> bool:
    """Mark the job done with `results` (fields to save), unless it was asked for again since
    (`requested_at` the request this worker did): that request stays queued for its worker."""
    found = jobs.filter(pk=pk)
    if requested_at is not None:
        found = found.filter(requested_at=requested_at)
    return bool(found.update(state=JobState.DONE, **results))


def fail(jobs, pk, error, *, requested_at=None) -> None:
    """Mark the job failed with `error` as its reason (unless asked for again since, as for
    finish)."""
    found = jobs.filter(pk=pk)
    if requested_at is not None:
        found = found.filter(requested_at=requested_at)
    found.update(state=JobState.FAILED, failure=f"{type(error).__name__}: {error}")


def refuse(jobs, pk, reason) -> None:
    """Mark the job failed for `reason`, told to its reader as it is: the work cannot be done
    with what it was given (too few comments, say), not an error in the doing."""
    jobs.filter(pk=pk).update(state=JobState.FAILED, failure=str(reason))


def resume_stalled(jobs, enqueue) -> int:
    """Queue again each stalled job of `jobs`, calling enqueue(job) for it; compare-and-set on
    its state and claim, so that of two pages resuming at once one enqueues. Returns how many."""
    resumed = 0
    for job in stalled(jobs):
        as_seen = {
            "state": job.state,
            "claimed_at": job.claimed_at,
            "requested_at": job.requested_at,
        }
        if jobs.filter(pk=job.pk, **as_seen).update(
            state=JobState.QUEUED, requested_at=timezone.now(), claimed_at=None
        ):
            enqueue(job)
            resumed += 1
    return resumed
