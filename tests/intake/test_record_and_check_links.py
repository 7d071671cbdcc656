"""One response received outside the site, recorded by an officer; the links the detector
suggested for received comments checked in a queue, confirmed in bulk or corrected one by one."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from responses.models import Comment, Response
from tests.factories import UserFactory
from tests.intake.letters import email_with_letter, organisation
from tests.page_text import visible_text

pytestmark = pytest.mark.django_db
PLAN = "noms-third-sector-action-plan"
QUEUE = f"/plans/{PLAN}/links-to-check/"
LETTER = """Point 1.11 states that sub-contracting will be considered. We want it encouraged.

We think the plan overlooks small charities, which do much of this work on little money.

We welcome the commitment that "volunteers and mentors" are valued by every probation area."""


@pytest.fixture
def officer(client, seed):
    client.force_login(UserFactory(officer=True))
    return client


def record(client, **fields):
    data = {"kind": "organisation", "channel": "post", "received_on": "", "text": "", **fields}
    return client.post(f"/plans/{PLAN}/imports/record/", data)


def test_a_pasted_letter_is_recorded_and_its_doubtful_links_are_queued(officer):
    # GOV.UK's day, month and year boxes.
    recorded = record(
        officer,
        name="Bell Trust",
        text=LETTER,
        received_on_0="1",
        received_on_1="11",
        received_on_2="2026",
    )

    response = Response.objects.get(respondent__name="Bell Trust")
    assert recorded["Location"] == f"{QUEUE}?response={response.pk}"
    assert (response.status, response.channel, str(response.received_on)) == (
        "submitted",
        "post",
        "2026-11-01",
    )
    assert response.reference.startswith("NOMS-TSAP-")
    queue = officer.get(recorded["Location"])
    text = visible_text(queue)
    # 1.11 is cited by number: no doubt. The other two wait.
    assert "2 comments to check" in text
    assert (
        "We think the plan overlooks small charities, which do much of this work on little money."
        in text
    )
    assert "Linked to nothing: about the whole plan?" in text
    assert "Point 1.11 states" not in text


def test_an_emailed_response_is_recorded_from_its_file_and_named_from_it(officer):
    upload = SimpleUploadedFile("response.eml", email_with_letter(organisation(3)))

    record(officer, name="", channel="email", document=upload)

    response = Response.objects.get(channel="email")
    assert response.respondent.name == organisation(3)
    assert response.comments.filter(text__contains="consortia building").exists()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": "Bell Trust"}, "Paste the response, or choose its file."),
        ({"name": "", "text": "Some words."}, "Enter who sent the response: we could not tell."),
        (
            {"name": "Bell Trust", "document": SimpleUploadedFile("scan.pdf", b"%PDF-1.4 x")},
            "scan.pdf",
        ),
        (
            {"name": "Bell Trust", "text": "Words.", "received_on": "31/02/2026"},
            "Enter a real date for ‘date received’, for example 27 3 2027.",
        ),
    ],
)
def test_a_response_that_cannot_be_recorded_says_why_and_saves_nothing(officer, fields, message):
    page = record(officer, **fields)

    assert page.status_code == 200
    assert message in visible_text(page)
    assert not Response.objects.filter(channel__in=["post", "email"]).exists()


def test_ticked_comments_are_confirmed_and_leave_the_queue(officer):
    record(officer, name="Bell Trust", text=LETTER)
    overlooked = Comment.objects.get(text__startswith="We think the plan overlooks")

    confirmed = officer.post(QUEUE, {"confirm": [overlooked.pk]})

    assert "1 comment confirmed: it leaves the queue." in visible_text(officer.get(QUEUE))
    text = visible_text(officer.get(confirmed["Location"]))
    assert "1 comment to check" in text
    assert "overlooks small charities" not in text


def test_correcting_a_comments_links_takes_it_out_of_the_queue(officer):
    record(officer, name="Bell Trust", text=LETTER)
    comment = Comment.objects.get(text__startswith="We think the plan overlooks")
    page = officer.get(f"/comments/{comment.pk}/")
    form = page.context["form"]
    section = comment.response.plan.sections.get(number="3.5")

    officer.post(
        f"/comments/{comment.pk}/",
        {
            "stance": "concern",
            "sections": [section.pk],
            "status": form.initial.get("status") or "not_reviewed",
            "new_tags": "",
            "plan_change": "",
            "note": "",
        },
    )

    comment.refresh_from_db()
    assert comment.links_checked_at is not None
    assert list(comment.sections.values_list("number", flat=True)) == ["3.5"]
    assert "overlooks small charities" not in visible_text(officer.get(QUEUE))


def test_comments_written_online_are_never_queued(officer, seed):
    assert "Nothing to check" in visible_text(officer.get(QUEUE))


def test_a_letters_letterhead_greeting_and_signature_are_not_comments(officer):
    letter = "\n\n".join(
        [
            "Bell Trust",
            "Dear Consultation Team,",
            LETTER,
            "Thank you.",
            "Yours sincerely,",
            "Jane Smith",
            "Director, Bell Trust",
        ]
    )

    record(officer, name="Bell Trust", text=letter)

    response = Response.objects.get(channel="post")
    comments = [c.text for c in response.comments.order_by("position")]
    assert len(comments) == 3
    assert comments[0].startswith("Point 1.11 states")
    # A short line before the sign-off is still the respondent's: it stays with the last point.
    assert comments[2].endswith("every probation area.\n\nThank you.")
    assert response.letter_furniture == (
        "Bell Trust\n\nDear Consultation Team,\n\nYours sincerely,\n\nJane Smith\n\n"
        "Director, Bell Trust"
    )


def test_a_cover_note_is_not_a_comment_and_a_one_line_letter_keeps_its_line(officer):
    record(
        officer,
        name="Bell Trust",
        text="Please find our response below.\n\n" + LETTER + "\n\nKind regards,\n\nJane",
    )
    record(officer, name="Ann Lee", text="Dear Sir,\n\nI support it.\n\nYours, Ann")

    first, second = Response.objects.filter(channel="post").order_by("pk")
    assert not first.comments.filter(text__contains="Please find").exists()
    assert first.letter_furniture.startswith("Please find our response below.")
    assert [c.text for c in second.comments.all()] == ["I support it."]
    assert second.letter_furniture == "Dear Sir,\n\nYours, Ann"


def test_control_characters_from_a_document_are_not_stored(officer):
    record(officer, name="Bell Trust", text="Point 1.11\x0b needs\x0c work, we think, in detail.")

    comment = Comment.objects.get(response__channel="post")
    assert comment.text == "Point 1.11 needs work, we think, in detail."
    assert comment.history.count() == 1
    assert comment.section_links.get().history.count() == 1


def test_misquoted_and_common_wording_wait_with_their_reasons_and_the_stance_suggested(officer):
    letter = (
        "The plan's ‘local demonstraton projects’ are too few for the region.\n\n"
        "Point 1.11 says ‘sub-contracting and consortia buildings will be consider when it is "
        "appropriate’; we are concerned this is weak.\n\n"
        "Section 1.3: ‘encouraging social enterprise’ is the right aim, and we welcome it."
    )

    recorded = record(officer, name="Bell Trust", text=letter)

    text = visible_text(officer.get(recorded["Location"]))
    # A misquote naming no section: linked with the plan's wording, waiting as quote-only.
    assert "Linked by quoted words alone" in text
    assert "Section 2.8 (from ‘local demonstraton projects’ (quoted, 96 % alike))" in text
    assert "Stance suggested: Concern (from “too few”)" in text
    # A section named, its wording quoted loosely: linked, and waiting to be checked.
    assert "Quoted approximately (87 % alike)" in text
    # Cited by number and quoted as written: nothing to check.
    assert "we welcome it" not in text
    comments = Response.objects.get(respondent__name="Bell Trust").comments.order_by("position")
    assert [comment.stance for comment in comments] == ["concern", "concern", "welcomes"]
    link = comments[1].section_links.get()
    assert (
        link.exact == "sub-contracting and consortia building will be considered where appropriate"
    )
    assert link.similarity == 0.873
    assert comments[2].section_links.get().similarity == 1.0


@pytest.mark.parametrize(
    "letter",
    [
        # A last paragraph that starts as a sign-off but says something of the plan.
        "Point 1.11 needs work, in our view, for small charities.\n\n"
        "Thanks for listening, but we oppose what 1.3 says.",
        # A greeting on the same line as the first point.
        "Dear Sir, on 1.3 we think the plan is wrong.\n\nPoint 1.11 needs work, in our view.",
        # A cover note that goes on to say what the respondent thinks.
        "Please find below our response; we strongly oppose the closure of the probation office "
        "in Hilltown, which would leave families without support for many miles around.\n\n"
        "Point 1.11 needs work, in our view.",
    ],
)
def test_a_paragraph_that_says_something_is_never_furniture(officer, letter):
    record(officer, name="Bell Trust", text=letter)

    response = Response.objects.get(respondent__name="Bell Trust")
    kept = "\n\n".join(comment.text for comment in response.comments.all())
    assert response.letter_furniture == ""
    assert kept == letter
