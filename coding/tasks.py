"""Themes suggested in the background, run by `manage.py db_worker`: asked for by
request_suggestions once the transaction commits; a ThemeSuggesting is a job of marginalia.jobs'
shape, read again from the start if its worker died (its themes are replaced in one
transaction)."""

from django.db import transaction
from django_tasks import task

from coding.models import ThemeSuggesting
from coding.suggesting import read_and_store
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
