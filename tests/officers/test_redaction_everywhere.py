"""Personal data redacted by an officer is read by nobody but officers and the respondent:
not on any page the URLconf has (walked as the permission table walks it), not in search, the
API, the Web Annotation collection, a copy, the report in any format, nor a page cached before
the redaction. Officers still read the respondent's words, and why each was redacted; the
plan's own words, which the comment quotes, are never redacted."""

import html
import json

import pytest

from officers.models import Redaction
from responses.models import Respondent, Response
from tests.arranging import comment_on
from tests.factories import UserFactory
from tests.page_text import visible_text
from tests.reports.readers import body, report_url
from tests.responses.test_hidden_names import _document_text, _workbook_text
from tests.test_permissions import READERS, TABLE, arranged  # noqa: F401 (a fixture)

PLAN = "noms-third-sector-action-plan"
# One of each kind the finder finds, and words it does not, which the officer gives.
PERSONAL = {
    "email": "jo.bloggs@example.org",
    "phone": "07912 345678",
    "postcode": "LS1 4AB",
    "ni_number": "JT 12 34 56 C",
    "date_of_birth": "12/03/1975",
    "address": "14 Acacia Avenue",
    "person": "Mr Ali Khan",
    "relation": "Daniel",
    "in prison": "John Smith",
    "own name": "Jo Bloggs",
}
GIVEN = "Auntie Bea"
QUOTED = "considered where appropriate"
TEXT = (
    "Point 3.5 matters to our family. Write to jo.bloggs@example.org or ring 07912 345678; we "
    "are at 14 Acacia Avenue, Leeds LS1 4AB. My NI number is JT 12 34 56 C and I was born on "
    "12/03/1975. Mr Ali Khan helped, and my son Daniel visits prisoner John Smith with Auntie "
    "Bea. Consortia building will be considered where appropriate, the plan says.\n\n"
    "Yours sincerely, Jo Bloggs"
)


@pytest.fixture
def redacted(arranged, client):  # noqa: F811
    """`arranged` (the permission table's objects), with its published response now a person's
    whose comment holds every kind of personal data, each redacted through the officers' page."""
    readers, objects = arranged
    plan = objects["plan"]
    comment = comment_on(plan.sections.get(number="3.5"), text=TEXT, status="published")
    comment.section_links.update(exact=QUOTED)
    response = comment.response
    Respondent.objects.filter(pk=response.respondent_id).update(
        name="Jo Bloggs", kind=Respondent.Kind.INDIVIDUAL
    )
    Response.objects.filter(pk=response.pk).update(publication_consent="anonymous")
    objects["published"] = response
    # Read before the redaction: the public's pages are cached.
    assert PERSONAL["email"] in client.get(f"/plans/{PLAN}/sections/3.5/").content.decode()

    officer = readers["officer"]
    client.force_login(officer)
    client.get(f"/comments/{comment.pk}/")  # the finder reads it
    for finding in comment.redactions.filter(state=Redaction.State.PROPOSED):
        client.post(
            f"/comments/{comment.pk}/redactions/",
            {"redaction": finding.pk, "decide": "redacted", "reason": "Personal data"},
        )
    client.post(
        f"/comments/{comment.pk}/redactions/",
        {"words": GIVEN, "kind": "person", "reason": "A relative's name"},
    )
    client.logout()
    return readers, objects, comment


def _personal_data_in(text):
    return sorted(kind for kind, words in {**PERSONAL, "given": GIVEN}.items() if words in text)


def _text_of(page):
    kind = page.get("Content-Type", "")
    if "spreadsheetml" in kind:
        return _workbook_text(page)
    if "wordprocessingml" in kind:
        return _document_text(page)
    return body(page).decode("utf-8", errors="replace")


def test_every_kind_was_found_or_given_and_the_public_text_has_none(redacted):
    _readers, _objects, comment = redacted
    comment.refresh_from_db()

    assert comment.redactions.filter(state=Redaction.State.REDACTED).count() == 11
    assert _personal_data_in(comment.public_text) == []
    assert comment.public_text.startswith("Point 3.5 matters to our family. Write to [redacted]")
    assert QUOTED in comment.public_text  # the plan's words are kept
    assert comment.text == TEXT  # the respondent's words are never changed


@pytest.mark.parametrize("reader", ["anonymous", "other"])
def test_no_url_shows_the_redacted_words_to_the_public_or_another_respondent(
    client, redacted, reader
):
    readers, objects, _comment = redacted
    if readers[reader] is not None:
        client.force_login(readers[reader])
    read = {}
    for make_url, expected in TABLE.values():
        if expected["GET"][READERS.index(reader)] != 200:
            continue
        url = make_url if isinstance(make_url, str) else make_url(objects)
        page = client.get(url)
        assert page.status_code == 200, url
        read[url] = _personal_data_in(_text_of(page))
    # A redacted word finds nothing (the page repeats what was searched for, as typed).
    found_by = [
        words
        for words in [*PERSONAL.values(), GIVEN]
        if "matters to our family"
        in visible_text(client.get("/search/", {"plan": PLAN, "q": words}))
    ]

    assert {url: kinds for url, kinds in read.items() if kinds} == {}
    assert found_by == []
    assert "matters to our family" in visible_text(
        client.get("/search/", {"plan": PLAN, "q": "family"})
    )
    assert "[redacted]" in _text_of(client.get(f"/plans/{PLAN}/sections/3.5/"))


def test_staff_who_are_not_officers_read_the_report_redacted_in_every_format(client, redacted):
    client.force_login(UserFactory(is_staff=True, permissions=["reports.export_report"]))

    for ext in ["html", "csv", "xlsx", "docx"]:
        page = client.get(report_url(ext))
        assert page.status_code == 200, ext
        text = _text_of(page)
        assert _personal_data_in(text) == [], ext
        assert "[redacted]" in text, ext


def test_officers_read_what_the_respondent_wrote_and_why_each_was_redacted(client, redacted):
    readers, objects, comment = redacted
    client.force_login(readers["officer"])

    annotate = visible_text(client.get(f"/comments/{comment.pk}/"))
    response = client.get(f"/responses/{comment.response_id}/").content.decode()
    api = json.loads(client.get(f"/api/plans/{PLAN}/comments/").content)

    assert _personal_data_in(annotate) == sorted([*PERSONAL, "given"])
    assert "Redacted “Auntie Bea” (a person's name) for the public (why: A relative's name)" in (
        annotate
    )
    assert "The public reads" in annotate
    assert "jo.bloggs@example.org" in response
    assert any(entry["text"] == TEXT for entry in api["results"])


def test_the_plans_own_words_cannot_be_redacted(client, redacted):
    readers, _objects, comment = redacted
    client.force_login(readers["officer"])

    page = client.post(
        f"/comments/{comment.pk}/redactions/",
        {"words": "where appropriate", "reason": "No"},
        follow=True,
    )

    assert "quotes the plan" in visible_text(page)
    assert not comment.redactions.filter(exact="where appropriate").exists()


def test_lifting_a_redaction_needs_a_reason_and_shows_the_words_again(client, redacted):
    readers, _objects, comment = redacted
    client.force_login(readers["officer"])
    postcode = comment.redactions.get(exact=PERSONAL["postcode"])

    refused = client.post(
        f"/comments/{comment.pk}/redactions/", {"redaction": postcode.pk, "decide": "lifted"}
    )
    client.post(
        f"/comments/{comment.pk}/redactions/",
        {"redaction": postcode.pk, "decide": "lifted", "reason": "A district, not a home"},
    )
    client.logout()

    assert refused.status_code == 302
    comment.refresh_from_db()
    assert PERSONAL["postcode"] in comment.public_text
    assert PERSONAL["postcode"] in client.get(f"/plans/{PLAN}/sections/3.5/").content.decode()


def test_an_officers_export_says_which_comments_the_public_reads_redacted(client, redacted):
    from tests.reports.readers import csv_rows

    _readers, _objects, comment = redacted
    client.force_login(UserFactory(admin=True))

    rows = csv_rows(client.get(report_url("csv")))
    flags = {row["Comment"][:30]: row["Redacted for the public"] for row in rows}

    assert flags[TEXT[:30]] == "Yes"
    assert set(flags.values()) == {"Yes", "No"}
    assert any(row["Comment"] == TEXT for row in rows)  # officers read the respondent's words


def test_words_redacted_once_for_a_campaign_are_redacted_in_every_members_letter(client, seed):
    from responses.models import Campaign
    from tests.factories import CommentFactory, ResponseFactory

    plan, _ = seed
    campaign = Campaign.objects.create(plan=plan, shared_text="Ring Jo Bloggs on 01632 960000.")
    members = [ResponseFactory(plan=plan, campaign=campaign) for _ in range(3)]
    for member in members[:2]:
        CommentFactory(response=member, position=1, text="Ring Jo Bloggs about 3.5.")
    CommentFactory(response=members[2], position=1, text="Nothing of anyone here.")
    client.force_login(UserFactory(officer=True))

    refused = client.post(f"/campaigns/{campaign.pk}/redactions/", {"words": "Nobody"}, follow=True)
    done = client.post(
        f"/campaigns/{campaign.pk}/redactions/",
        {"words": "jo bloggs", "reason": "A named person", "kind": "person"},
        follow=True,
    )

    assert "No member's letter says “Nobody”" in html.unescape(refused.content.decode())
    assert "Redacted in 2 members' letters" in html.unescape(done.content.decode())
    client.logout()
    for member in members[:2]:
        page = client.get(f"/responses/{member.pk}/").content.decode()
        assert "Ring [redacted] about 3.5." in page
        assert "Bloggs" not in page
