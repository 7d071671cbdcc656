"""A plan's retention date: set by an admin, its respondents' personal details erased by the
background runner on the day after (and by `manage.py apply_retention`), their comments kept;
and a respondent's own data downloaded for a subject access request."""

import datetime
import io
import json
import zipfile
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from intake.models import ImportBatch, ImportedDocument
from privacy.erasure import ERASED, ERASED_NAME
from privacy.models import Erasure
from privacy.retention import apply_retention
from responses.models import Comment, Respondent, Response
from tests.factories import (
    CommentFactory,
    PlanFactory,
    RespondentFactory,
    ResponseFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def _respondent_to(plan, name, **response_fields):
    respondent = RespondentFactory(name=name, kind=Respondent.Kind.INDIVIDUAL)
    response = ResponseFactory(plan=plan, respondent=respondent, **response_fields)
    CommentFactory(response=response, position=1, text=f"We need more help. {name}")
    return respondent, response


def test_the_admin_sets_the_date_and_the_runner_erases_on_the_day_after(client, seed, worker):
    plan, _ = seed
    respondent, response = _respondent_to(plan, "Ada Pemberton", contact_name="Ada P")
    client.force_login(UserFactory(admin=True))
    yesterday = timezone.localdate() - datetime.timedelta(days=1)

    page = client.get(f"/plans/{plan.slug}/retention/").content.decode()
    assert "2 respondents to this plan" in page
    saved = client.post(
        f"/plans/{plan.slug}/retention/",
        {
            "kept_until_0": yesterday.day,
            "kept_until_1": yesterday.month,
            "kept_until_2": yesterday.year,
        },
    )
    assert saved.status_code == 302
    assert "will be erased from" in client.get(saved["Location"]).content.decode()
    worker()

    respondent.refresh_from_db()
    response.refresh_from_db()
    assert respondent.name == ERASED_NAME
    assert response.contact_name == "" and response.hides_name
    assert response.comments.get().text == f"We need more help. {ERASED}"
    erasure = Erasure.objects.get()
    assert erasure.cause == Erasure.Cause.RETENTION and erasure.plan == plan
    assert erasure.counts["respondents"] == 2  # the seed's organisation and Ada
    page = client.get(f"/plans/{plan.slug}/retention/").content.decode()
    assert "0 respondents to this plan" in page and "Erased so far" in page


def test_a_date_to_come_waits_for_its_day(client, seed, worker):
    plan, _ = seed
    respondent, _ = _respondent_to(plan, "Ada Pemberton")
    client.force_login(UserFactory(admin=True))
    later = timezone.localdate() + datetime.timedelta(days=30)

    client.post(
        f"/plans/{plan.slug}/retention/",
        {"kept_until_0": later.day, "kept_until_1": later.month, "kept_until_2": later.year},
    )
    worker()

    respondent.refresh_from_db()
    assert respondent.name == "Ada Pemberton"
    queued = DBTaskResult.objects.get(task_path="privacy.tasks.apply_retention_task")
    assert queued.run_after.date() == later + datetime.timedelta(days=1)
    # On that day the command (for cron) erases what the runner would.
    assert apply_retention(today=later) == []
    assert len(apply_retention(today=later + datetime.timedelta(days=1))) == 1
    respondent.refresh_from_db()
    assert respondent.name == ERASED_NAME


def test_an_impossible_date_is_told_and_nothing_is_saved(client, seed):
    plan, _ = seed
    client.force_login(UserFactory(admin=True))

    page = client.post(
        f"/plans/{plan.slug}/retention/",
        {"kept_until_0": "31", "kept_until_1": "2", "kept_until_2": "2027"},
    )

    assert page.status_code == 200
    assert "There is a problem" in page.content.decode()
    plan.refresh_from_db()
    assert plan.personal_data_kept_until is None


def test_retention_keeps_a_respondent_who_answers_another_plan_for_it(seed):
    plan, _ = seed
    other_plan = PlanFactory()
    respondent, response = _respondent_to(plan, "Ada Pemberton")
    ResponseFactory(plan=other_plan, respondent=respondent)
    plan.personal_data_kept_until = timezone.localdate() - datetime.timedelta(days=1)
    plan.save()

    call_command("apply_retention", stdout=StringIO())

    respondent.refresh_from_db()
    response.refresh_from_db()
    assert respondent.name == "Ada Pemberton"
    assert respondent.responses.get().plan == other_plan
    assert response.respondent.name == ERASED_NAME
    assert response.comments.get().text == f"We need more help. {ERASED}"
    out = StringIO()
    call_command("apply_retention", stdout=out)
    assert "No plan has personal details left" in out.getvalue()


def test_a_respondent_downloads_their_own_data_and_nobody_elses(client, seed):
    plan, _ = seed
    user = UserFactory(respondent=True, email="ada@example.org")
    respondent, response = _respondent_to(plan, "Ada Pemberton", owner=user)
    batch = ImportBatch.objects.create(plan=plan)
    ImportedDocument.objects.create(
        batch=batch,
        position=1,
        filename="letter.txt",
        content=b"Dear sir",
        sha256="x",
        response=response,
    )
    _respondent_to(plan, "Someone Else")
    client.force_login(user)

    page = client.get("/my-data/").content.decode()
    download = client.get("/my-data/your-data.zip")

    assert response.reference in page
    assert download["Content-Type"] == "application/zip"
    zipped = zipfile.ZipFile(io.BytesIO(download.content))
    data = json.loads(zipped.read("your-data.json"))
    assert data["account"]["email"] == "ada@example.org"
    assert [r["reference"] for r in data["responses"]] == [response.reference]
    assert data["responses"][0]["comments"][0]["text"] == "We need more help. Ada Pemberton"
    assert data["respondents"] == [
        {"name": "Ada Pemberton", "kind": "Individual", "description": ""}
    ]
    assert zipped.read(f"documents/{response.document.pk}-letter.txt") == b"Dear sir"
    assert "Someone Else" not in json.dumps(data)


def test_an_admin_downloads_a_respondents_data_for_their_request(client, seed):
    plan, _ = seed
    respondent, response = _respondent_to(
        plan, "Ada Pemberton", status=Response.Status.SUBMITTED, contact_name="Ada P"
    )
    client.force_login(UserFactory(admin=True))

    download = client.get(f"/privacy/respondents/{respondent.pk}/data.zip")

    data = json.loads(zipfile.ZipFile(io.BytesIO(download.content)).read("your-data.json"))
    assert data["responses"][0]["contact"] == "Ada P"
    assert data["responses"][0]["status"] == "Submitted"
    assert data["account"] is None
    assert Comment.objects.filter(response=response).exists()
