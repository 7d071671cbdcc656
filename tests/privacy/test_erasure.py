"""An admin erases a respondent: afterwards no text column of any table (ours, history, Django's,
axes', the task queue's) holds anything of the person but what the tombstone says, which is
nothing of them; their comments are gone or anonymised as chosen, and the counts follow."""

from email.message import EmailMessage

import pytest
from django.apps import apps
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Sum
from django.urls import reverse

from intake.services import Upload, confirm_batch, start_batch
from intake.tasks import enqueue_work
from officers.moderation import approve
from officers.redactions import redact_words
from privacy.erasure import ERASED, ERASED_NAME
from privacy.models import Erasure
from reports.models import ReportJob
from responses.models import Comment, CommentCount, Respondent, Response
from tests.factories import (
    CommentFactory,
    CommentTagFactory,
    RespondentFactory,
    ResponseFactory,
    ReviewFactory,
    SectionLinkFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

NAME = "Zebedee Quixley"
EMAIL = "zebedee.quixley@example.org"
PHONE = "07911 123456"
ADDRESS = "14 Larkspur Lane"
POSTCODE = "ZE2 9QX"
# Whatever of these any table holds is something of the person.
OF_THE_PERSON = ["Quixley", "Zebedee", PHONE, "Larkspur", POSTCODE]
# Words only their comments hold: gone with the comments, kept when they are anonymised.
THEIR_OPINION = "marmalade turbines"


def _text_fields(model):
    for field in model._meta.concrete_fields:
        if isinstance(field, models.CharField | models.TextField | models.JSONField):
            yield field.attname, False
        elif isinstance(field, models.BinaryField):
            yield field.attname, True


def found_anywhere(words):
    """Every (table, column) of every installed model whose text holds `words`, any case."""
    found = []
    for model in apps.get_models():
        for column, binary in _text_fields(model):
            if binary:
                values = model._default_manager.exclude(**{f"{column}__isnull": True})
                held = any(
                    words.lower().encode() in bytes(value).lower()
                    for value in values.values_list(column, flat=True)
                )
            else:
                held = model._default_manager.filter(**{f"{column}__icontains": words}).exists()
            if held:
                found.append((model._meta.db_table, column))
    return found


def _email():
    message = EmailMessage()
    message["From"] = f"{NAME} <{EMAIL}>"
    message["To"] = "consultation@example.gov.uk"
    message["Subject"] = "My response"
    message.set_content(
        f"Point 1.11 matters: {THEIR_OPINION} again.\n\nRing {PHONE}.\n\n{NAME}\n{ADDRESS}\n"
    )
    return bytes(message)


@pytest.fixture
def person(client, seed, worker):
    """Zebedee Quixley, with an account, an online response (its comment redacted, reviewed,
    tagged, moderated) and an emailed one brought in through an import; failed sign-ins, an
    admin's log entry and a saved report that names them."""
    plan, _ = seed
    admin = UserFactory(admin=True)
    officer = UserFactory(officer=True)
    user = UserFactory(
        respondent=True, username="zquixley", email=EMAIL, first_name="Zebedee", last_name="Quixley"
    )
    respondent = RespondentFactory(
        name=NAME, kind=Respondent.Kind.INDIVIDUAL, user=user, description=f"Lives at {ADDRESS}"
    )
    online = ResponseFactory(
        plan=plan, respondent=respondent, owner=user, status=Response.Status.SUBMITTED
    )
    comment = CommentFactory(
        response=online,
        position=1,
        text=f"Section 3.5 worries me; {THEIR_OPINION}. Call me on {PHONE} or write to "
        f"{ADDRESS}, {POSTCODE}. Mr Quixley",
    )
    SectionLinkFactory(comment=comment, section=plan.sections.get(number="3.5"))
    redact_words(comment, PHONE, by=officer, reason="Their phone")
    ReviewFactory(comment=comment, note=f"{NAME} rang to say more.")
    CommentTagFactory(comment=comment)
    approve(Response.objects.filter(pk=online.pk), by=officer)

    batch = start_batch(
        plan=plan, user=officer, uploads=[Upload("reply.eml", _email())], channel="email"
    )
    enqueue_work(batch)
    worker()
    document = batch.documents.get()
    enqueue_work(confirm_batch(batch=batch, corrections={document.pk: (NAME, "individual", True)}))
    worker()
    document.refresh_from_db()
    assert document.response.respondent == respondent

    client.post(reverse("login"), {"username": "zquixley", "password": "not their password"})
    LogEntry.objects.create(
        user=admin,
        content_type=ContentType.objects.get_for_model(Respondent),
        object_id=str(respondent.pk),
        object_repr=NAME,
        action_flag=CHANGE,
        change_message="[]",
    )
    ReportJob.objects.create(
        plan=plan, requested_by=admin, format="html", content=f"<p>{NAME}</p>".encode()
    )
    for words in OF_THE_PERSON:
        assert found_anywhere(words), words
    return admin, respondent, plan


def _erase(client, admin, respondent, scope):
    client.force_login(admin)
    return client.post(
        f"/privacy/respondents/{respondent.pk}/erase/",
        {"scope": scope, "reason": f"{NAME} asked by email on 1 December 2026."},
    )


def _counted_in(plan):
    return CommentCount.objects.filter(plan=plan, part="every").aggregate(n=Sum("count"))["n"]


def test_erasing_everything_leaves_nothing_of_the_person_but_the_tombstone(client, person):
    admin, respondent, plan = person
    comments_before = Comment.objects.filter(response__plan=plan).count()

    erased = _erase(client, admin, respondent, "everything")

    assert erased.status_code == 302
    for words in [*OF_THE_PERSON, THEIR_OPINION]:
        assert found_anywhere(words) == [], words
    erasure = Erasure.objects.get()
    assert erasure.erased_by == admin
    assert erasure.reason == f"{ERASED} asked by email on 1 December 2026."
    assert erasure.counts["responses"] == 2
    assert erasure.counts["comments"] == 2
    assert erasure.counts["accounts"] == 1
    assert erasure.counts["documents"] == 1
    assert erasure.counts["history records"] > 0
    assert not Respondent.objects.filter(pk=respondent.pk).exists()
    assert Comment.objects.filter(response__plan=plan).count() == comments_before - 2
    assert (
        _counted_in(plan)
        == Comment.objects.filter(response__plan=plan).exclude(response__status="draft").count()
    )
    page = client.get("/privacy/")
    assert "2 comments" in page.content.decode() and "1 account" in page.content.decode()
    assert f"{ERASED} asked by email" in page.content.decode()


def test_erasing_their_details_keeps_their_comments_anonymised(client, person):
    admin, respondent, plan = person
    comments_before = Comment.objects.filter(response__plan=plan).count()

    _erase(client, admin, respondent, "details")

    for words in OF_THE_PERSON:
        assert found_anywhere(words) == [], words
    kept = Comment.objects.filter(response__respondent=respondent).order_by("pk")
    assert [comment.text for comment in kept][0] == (
        f"Section 3.5 worries me; {THEIR_OPINION}. Call me on {ERASED} or write to "
        f"{ERASED}, {ERASED}. {ERASED}"
    )
    assert Comment.objects.filter(response__plan=plan).count() == comments_before
    respondent.refresh_from_db()
    assert respondent.name == ERASED_NAME and respondent.user is None
    # The public reads the kept comment, without a name.
    client.logout()
    section = client.get(f"/plans/{plan.slug}/sections/3.5/").content.decode()
    assert THEIR_OPINION in section
    assert "Individual respondent" in section
    assert Erasure.objects.get().counts["comments anonymised"] == 2


def test_an_erasure_needs_a_reason_and_a_choice_and_saves_nothing_without(client, person):
    admin, respondent, _plan = person
    client.force_login(admin)

    page = client.post(f"/privacy/respondents/{respondent.pk}/erase/", {"reason": " "})

    text = page.content.decode()
    assert page.status_code == 200
    assert "Choose whether to erase their comments too." in text
    assert "Say why their data is erased" in text
    assert not Erasure.objects.exists()
    assert found_anywhere("Quixley")


def test_officers_and_respondents_cannot_erase(client, person):
    _admin, respondent, _plan = person
    for user in (UserFactory(officer=True), respondent.user):
        client.force_login(user)
        answered = client.post(
            f"/privacy/respondents/{respondent.pk}/erase/",
            {"scope": "everything", "reason": "Because"},
        )
        assert answered.status_code == 403
    assert Respondent.objects.filter(pk=respondent.pk, name=NAME).exists()


def test_a_campaign_letter_loses_the_names_of_its_erased_member(seed):
    plan, _ = seed
    from responses.models import Campaign

    campaign = Campaign.objects.create(
        plan=plan, shared_text=f"We, {NAME} and friends, ask for more on 3.5."
    )
    respondent = RespondentFactory(name=NAME, kind=Respondent.Kind.INDIVIDUAL)
    ResponseFactory(plan=plan, respondent=respondent, campaign=campaign)
    other = ResponseFactory(plan=plan, campaign=campaign)
    from privacy.erasure import erase_respondent

    erase_respondent(respondent, by=None, reason="Asked", scope="everything")

    campaign.refresh_from_db()
    assert campaign.shared_text == f"We, {ERASED} and friends, ask for more on 3.5."
    assert list(campaign.members.all()) == [other]


def test_the_admin_finds_a_respondent_by_email_or_reference(client, person):
    admin, respondent, _plan = person
    client.force_login(admin)
    reference = respondent.responses.first().reference

    for words in (EMAIL, reference, "quixley"):
        page = client.get("/privacy/", {"q": words}).content.decode()
        assert NAME in page, words
        assert f"/privacy/respondents/{respondent.pk}/erase/" in page
    assert "No respondent has that" in client.get("/privacy/", {"q": "nobody"}).content.decode()
