"""The coding frame and its codings downloaded as CSV and read back: into another plan's frame
the codes it names, and the codings given as by the officer importing them; a file with a wrong
row imports nothing and says which row."""

import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from coding.models import Assignment, Code
from responses.models import Comment
from tests.factories import UserFactory
from tests.reports.readers import body

pytestmark = pytest.mark.django_db
PLAN = "noms-third-sector-action-plan"


@pytest.fixture
def officer(client, seed):
    client.force_login(UserFactory(officer=True, username="olivia"))
    return client


def _upload(client, content, name="frame.csv"):
    return client.post(
        f"/plans/{PLAN}/codes/import/",
        {"file": SimpleUploadedFile(name, content, "text/csv")},
        follow=True,
    )


def test_the_frame_and_codings_go_out_and_come_back(officer, seed):
    plan, _ = seed
    funding = Code.objects.create(plan=plan, name="Funding", description="Money, grants")
    Code.objects.create(plan=plan, parent=funding, name="=Grants")
    comment = Comment.objects.filter(response__plan=plan).first()
    Assignment.objects.create(comment=comment, code=funding, origin="suggested", score=0.75)

    frame = body(officer.get(f"/plans/{PLAN}/coding-frame.csv")).decode("utf-8-sig")
    codings = body(officer.get(f"/plans/{PLAN}/codings.csv"))

    assert frame.splitlines() == [
        "Theme,Sub-theme,Description",
        'Funding,,"Money, grants"',
        "Funding,'=Grants,",  # a formula kept inert
    ]
    assert f"{comment.pk},{comment.response.reference}," in codings.decode("utf-8-sig")
    assert ",Suggested,0.750,," in codings.decode("utf-8-sig")

    Code.objects.all().delete()
    done = html.unescape(_upload(officer, frame.encode()).content.decode())
    assert "Imported 2 new codes and 0 codings." in done
    coded = html.unescape(_upload(officer, codings, "codings.csv").content.decode())
    assert "Imported 0 new codes and 1 coding." in coded
    made = Assignment.objects.get()
    assert (made.comment, made.code.name, made.origin, made.by.username) == (
        comment,
        "Funding",
        "officer",
        "olivia",
    )


def test_a_wrong_row_imports_nothing_and_is_named(officer, seed):
    content = (
        "Comment id,Response reference,Comment position,Theme,Sub-theme\n"
        f"{Comment.objects.first().pk},,1,Funding,\n"
        "999999,,1,Housing,\n"
        "abc,,1,,\n"
    ).encode()

    page = html.unescape(_upload(officer, content).content.decode())

    assert "Nothing was imported. Row 3: no comment 999999 of this plan." in page
    assert "Row 4: no comment abc of this plan." in page
    assert not Code.objects.exists() and not Assignment.objects.exists()


def test_a_file_that_is_not_a_frame_says_so(officer):
    for content in (b"Name,Email\nJo,jo@example.org\n", b"\xff\xfe\x00garbage"):
        page = html.unescape(_upload(officer, content).content.decode())
        assert "is not" in page
    assert "Choose the CSV file" in html.unescape(
        officer.post(f"/plans/{PLAN}/codes/import/", follow=True).content.decode()
    )
