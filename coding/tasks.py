"""Themes, and codes for comments not coded yet, suggested in the background, run by
`manage.py db_worker`: asked for by request_suggestions (request_code_suggestions) once the
transaction commits; a ThemeSuggesting (CodeSuggesting) is a job of marginalia.jobs' shape, done
again from the start if its worker died (what it writes is written in one transaction)."""

from django.db import transaction
from django_tasks import task

from coding.code_suggestions import CannotSuggest
from coding.models import CodeSuggesting, ThemeSuggesting
from coding.suggesting import read_and_store, suggest_codes_for
from coding.themes import TooFewComments
from marginalia import jobs


def request_suggestions(**fields) -> ThemeSuggesting:
    suggesting = ThemeSuggesting.objects.create(**fields)
    transaction.on_commit(lambda: suggest_themes_task.enqueue(suggesting.pk))
    return suggesting


@task()
def suggest_themes_task(suggesting_id):
    """Read the suggesting's comments for themes once, whichever worker takes it first; how many
    comments were read, or None when another worker took it."""
    return _work(ThemeSuggesting.objects, suggesting_id, read_and_store, refused=TooFewComments)


def resume_stalled_suggestings(found=None) -> int:
    return jobs.resume_stalled(
        ThemeSuggesting.objects.all() if found is None else found,
        lambda suggesting: suggest_themes_task.enqueue(suggesting.pk),
    )


def request_code_suggestions(**fields) -> CodeSuggesting:
    suggesting = CodeSuggesting.objects.create(**fields)
    transaction.on_commit(lambda: suggest_codes_task.enqueue(suggesting.pk))
    return suggesting


@task()
def suggest_codes_task(suggesting_id):
    """Suggest codes for the plan's comments not coded yet, once; how many were suggested."""
    return _work(CodeSuggesting.objects, suggesting_id, suggest_codes_for, refused=CannotSuggest)


def resume_stalled_code_suggestings(found=None) -> int:
    return jobs.resume_stalled(
        CodeSuggesting.objects.all() if found is None else found,
        lambda suggesting: suggest_codes_task.enqueue(suggesting.pk),
    )


def _work(jobs_of_kind, pk, work, *, refused):
    """Claim the job `pk`, do `work(job)` and finish it: what work returned, 0 when it was
    `refused` (the reason told to the officer as it is), None when another worker has it."""
    if not jobs.claim(jobs_of_kind, pk):
        return None
    job = jobs_of_kind.select_related("plan", "requested_by").get(pk=pk)
    try:
        done = work(job)
    except refused as refusal:
        jobs.refuse(jobs_of_kind, pk, refusal)
        return 0
    except Exception as error:
        jobs.fail(jobs_of_kind, pk, error)
        raise
    jobs.finish(jobs_of_kind, pk)
    return done
