"""Themes, and codes for comments not coded yet, suggested in the background, run by
`manage.py db_worker`: asked for by request_suggestions (request_code_suggestions) once the
transaction commits; a ThemeSuggesting (CodeSuggesting) is a job of marginalia.jobs' shape, done
again from the start if its worker died (what it writes is written in one transaction)."""

from django.db import transaction
from django_tasks import task

from coding.code_suggestions import CannotSuggest
from coding.models import CodeSuggesting, ThemeSuggesting
from coding.publication import coding_changed
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
    if not jobs.claim(ThemeSuggesting.objects, suggesting_id):
        return None
    suggesting = ThemeSuggesting.objects.select_related("plan", "requested_by").get(
        pk=suggesting_id
    )
    try:
        read = read_and_store(suggesting)
    except TooFewComments as refusal:  # told to the officer as it is
        ThemeSuggesting.objects.filter(pk=suggesting_id).update(
            state=ThemeSuggesting.State.FAILED, failure=str(refusal)
        )
        return 0
    except Exception as error:
        jobs.fail(ThemeSuggesting.objects, suggesting_id, error)
        raise
    jobs.finish(ThemeSuggesting.objects, suggesting_id)
    return read


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
    if not jobs.claim(CodeSuggesting.objects, suggesting_id):
        return None
    suggesting = CodeSuggesting.objects.select_related("plan").get(pk=suggesting_id)
    try:
        suggested = suggest_codes_for(suggesting)
    except CannotSuggest as refusal:  # told to the officer as it is
        CodeSuggesting.objects.filter(pk=suggesting_id).update(
            state=CodeSuggesting.State.FAILED, failure=str(refusal)
        )
        return 0
    except Exception as error:
        jobs.fail(CodeSuggesting.objects, suggesting_id, error)
        raise
    jobs.finish(CodeSuggesting.objects, suggesting_id)
    coding_changed(suggesting.plan_id)
    return suggested


def resume_stalled_code_suggestings(found=None) -> int:
    return jobs.resume_stalled(
        CodeSuggesting.objects.all() if found is None else found,
        lambda suggesting: suggest_codes_task.enqueue(suggesting.pk),
    )
