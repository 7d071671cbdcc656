"""An officer's import of responses in the browser's forms: the files uploaded, read in the
background with their progress shown, each respondent's guess reviewed, then imported, each
response beside the sections it cites; the same files again add nothing; a broken file is listed
with its reason."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from intake.models import ImportBatch
from responses.models import Response
from tests.factories import UserFactory
from tests.intake.letters import docx_letter, mixed_responses, organisation
from tests.page_text import visible_text

pytestmark = pytest.mark.django_db
PLAN = "noms-third-sector-action-plan"


@pytest.fixture
def officer(client, seed):
    client.force_login(UserFactory(officer=True))
    return client


def upload(client, files, **fields):
    data = {
        "files": [SimpleUploadedFile(name, content) for name, content in files.items()],
        "channel": "email",
        "received_on": "20/11/2026",
        **fields,
    }
    return client.post(f"/plans/{PLAN}/imports/new/", data)


def review_data(page):
    """The review table's fields as the browser posts them, every document ticked."""
    data = {}
    for document, form in page.context["rows"]:
        data[form["include"].html_name] = "on"
        data[form["name"].html_name] = document.respondent_name
        data[form["kind"].html_name] = document.respondent_kind
    return data


def imported():
    return Response.objects.exclude(source_sha256=None)


def test_documents_are_read_in_the_background_reviewed_and_imported(officer, worker):
    files = {**mixed_responses(8), "broken.docx": b"PK\x03\x04 not really a zip"}

    started = upload(officer, files)

    batch = ImportBatch.objects.get()
    assert started["Location"] == f"/imports/{batch.pk}/"
    waiting = officer.get(started["Location"])
    assert "0 of 9 documents read" in visible_text(waiting)
    assert '<meta http-equiv="refresh"' in waiting.content.decode()

    worker()
    review = officer.get(started["Location"])
    text = visible_text(review)
    assert "Check who sent each response" in text
    assert "broken.docx broken.docx: the Word file could not be read." in text
    guesses = {
        document.filename: document.respondent_name for document, _ in review.context["rows"]
    }
    assert guesses["response-004.docx"] == organisation(4)  # the letter's signature
    assert guesses["response-001.pdf"] == organisation(1)
    assert guesses["response-002.txt"] == organisation(2)
    assert guesses["response-003.eml"] == organisation(3)  # the email's signature
    assert not imported().exists()

    data = review_data(review)
    row = {document.filename: form for document, form in review.context["rows"]}
    data[row["response-001.pdf"]["name"].html_name] = "Riverside Network (corrected)"
    del data[row["response-002.txt"]["include"].html_name]
    confirmed = officer.post(f"/imports/{batch.pk}/confirm/", data)
    assert "0 of 7 documents imported" in visible_text(officer.get(confirmed["Location"]))

    worker()
    done = visible_text(officer.get(started["Location"]))
    assert "Imported" in done
    assert imported().count() == 7
    response = imported().get(respondent__name="Riverside Network (corrected)")
    assert response.channel == "email"
    assert str(response.received_on) == "2026-11-20"
    assert response.reference in done
    assert "response-002.txt Left out at review." in done
    section = officer.get(f"/plans/{PLAN}/sections/1.11/?q=Riverside")
    assert "Riverside Network (corrected)" in visible_text(section)
    comment = response.comments.get(text__contains="consortia building")
    assert list(comment.sections.values_list("number", flat=True)) == ["1.11"]
    # The letterhead, greeting and signature are the letter's, not its comments'.
    assert comment.text.startswith("Point 1.11")
    assert response.letter_furniture.startswith(organisation(1))


def test_importing_the_same_files_again_adds_nothing(officer, worker):
    files = mixed_responses(4)
    upload(officer, files)
    worker()
    first = ImportBatch.objects.get()
    officer.post(f"/imports/{first.pk}/confirm/", review_data(officer.get(f"/imports/{first.pk}/")))
    worker()
    assert imported().count() == 4

    upload(officer, files)
    worker()

    again = ImportBatch.objects.latest("pk")
    page = visible_text(officer.get(f"/imports/{again.pk}/"))
    assert page.count("Already imported as NOMS-TSAP-") == 4
    assert "None of the documents could be imported." in page
    assert imported().count() == 4


def test_a_zip_of_documents_is_unpacked_into_its_documents(officer, worker):
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        for name, content in mixed_responses(3).items():
            zipped.writestr(f"responses/{name}", content)
        zipped.writestr("__MACOSX/._response-001.eml", b"resource fork")

    upload(officer, {"responses.zip": archive.getvalue()})
    worker()

    assert ImportBatch.objects.get().documents.count() == 3


def test_the_original_file_is_kept_to_download(officer, worker):
    content = docx_letter(organisation(1))
    upload(officer, {"our response.docx": content})
    document = ImportBatch.objects.get().documents.get()

    download = officer.get(f"/imports/documents/{document.pk}/original")

    assert download.content == content
    assert download["Content-Disposition"] == 'attachment; filename="our response.docx"'


def test_the_progress_is_given_to_the_page_script(officer, worker):
    upload(officer, mixed_responses(3))
    batch = ImportBatch.objects.get()

    assert officer.get(f"/imports/{batch.pk}/progress.json").json() == {
        "stage": "reading",
        "done": 0,
        "total": 3,
    }
    worker()
    assert officer.get(f"/imports/{batch.pk}/progress.json").json()["stage"] == "review"


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({}, "Choose the documents to import."),
        ({"bomb.zip": b"PK\x05\x06" + b"\x00" * 18}, "There are no documents to import."),
        ({"broken.zip": b"not a zip"}, "broken.zip is not a zip archive we can open."),
    ],
)
def test_files_that_make_no_batch_are_refused_with_the_reason(officer, files, message):
    page = upload(officer, files)

    assert page.status_code == 200
    assert message in visible_text(page)
    assert not ImportBatch.objects.exists()


def test_a_zip_that_unpacks_too_large_is_refused(officer, settings):
    settings.MARGINALIA_MAX_INFLATED_BYTES = 1000
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr("big.txt", b" " * 5000)

    page = upload(officer, {"big.zip": archive.getvalue()})

    assert "big.zip: The archive unpacks to 5,000 bytes" in visible_text(page)
    assert not ImportBatch.objects.exists()


def import_all(client, worker, files):
    upload(client, files)
    worker()
    batch = ImportBatch.objects.latest("pk")
    client.post(f"/imports/{batch.pk}/confirm/", review_data(client.get(f"/imports/{batch.pk}/")))
    worker()
    return batch


def test_fifty_mixed_responses_each_show_beside_the_sections_they_cite(officer, worker):
    files = mixed_responses(50)

    batch = import_all(officer, worker, files)

    assert batch.documents.filter(state="imported").count() == 50
    assert set(imported().values_list("respondent__name", flat=True)) == {
        organisation(number) for number in range(1, 51)
    }
    page = officer.get(f"/plans/{PLAN}/sections/1.11/")
    assert "50" in visible_text(page)
    for response in imported():
        cited = set(response.comments.values_list("sections__number", flat=True))
        assert {"1.11", "3.5"} <= cited, response.respondent.name


def test_an_officer_reads_how_a_response_came_and_downloads_its_original(officer, worker, client):
    import_all(officer, worker, {"bell.docx": docx_letter(organisation(1))})
    response = imported().get()

    page = visible_text(officer.get(f"/responses/{response.pk}/"))

    assert "Received Email, 20 November 2026" in page
    assert "Original document bell.docx" in page


def test_a_document_over_the_size_limit_is_refused_before_it_is_read(officer, monkeypatch):
    monkeypatch.setattr("intake.services.MAX_DOCUMENT_BYTES", 100)

    page = upload(officer, {"long.txt": b"a" * 101, "short.txt": b"Point 3.5 matters."})

    assert "long.txt is larger than 20 MB: split it, or send its text." in visible_text(page)
    assert not ImportBatch.objects.exists()


def test_the_command_refuses_a_document_over_the_size_limit(seed, tmp_path, monkeypatch):
    from django.core.management import CommandError, call_command

    monkeypatch.setattr("intake.services.MAX_DOCUMENT_BYTES", 100)
    (tmp_path / "long.txt").write_bytes(b"a" * 101)

    with pytest.raises(CommandError, match="long.txt is larger than 20 MB"):
        call_command("import_responses", PLAN, str(tmp_path / "long.txt"))
    assert not ImportBatch.objects.exists()


def test_an_emails_date_and_its_signatory_come_with_the_organisations_response(officer, worker):
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"] = "Jane Smith <jane@oakwoodrefuge.org.uk>"
    message["Date"] = "Sun, 30 Nov 2008 16:02:11 +0000"
    message["Subject"] = "Consultation response"
    message.set_content(
        "Dear consultation team,\n\nPlease find our response below.\n\n"
        "Point 1.11 says sub-contracting will be considered; it should be encouraged instead.\n\n"
        "Kind regards,\n\nJane Smith\nOakwood Refuge\n"
    )

    import_all(officer, worker, {"oakwood.eml": message.as_bytes()})

    response = imported().get()
    assert (response.respondent.name, response.respondent.kind) == (
        "Oakwood Refuge",
        "organisation",
    )
    assert response.contact_name == "Jane Smith"
    assert str(response.received_on) == "2008-11-30"
    assert [comment.text[:10] for comment in response.comments.all()] == ["Point 1.11"]
    assert response.comments.get().stance == "recommendation"


def test_the_review_table_reads_only_the_start_of_each_documents_text(officer, worker):
    import re

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    long_letter = "Point 1.11 matters to us. " + "More words about the plan. " * 40_000
    upload(officer, {"long.txt": long_letter.encode()})
    worker()
    batch = ImportBatch.objects.latest("pk")

    with CaptureQueriesContext(connection) as queries:
        page = officer.get(f"/imports/{batch.pk}/")

    assert "Point 1.11 matters to us." in visible_text(page)
    whole_text = re.compile(r'(?<!SUBSTRING\()(?<!SUBSTR\()"intake_importeddocument"\."text"')
    assert not [query["sql"] for query in queries if whole_text.search(query["sql"])]


def test_an_upload_of_as_many_files_as_the_page_says_is_taken(officer):
    files = {f"letter-{n}.txt": f"Point 1.11, letter {n}.".encode() for n in range(150)}

    response = upload(officer, files)

    assert response.status_code == 302
    assert ImportBatch.objects.latest("pk").documents.count() == 150


def test_the_documents_limit_per_upload_is_the_batch_limit():
    from django.conf import settings

    from intake.services import MAX_BATCH_DOCUMENTS

    assert settings.DATA_UPLOAD_MAX_NUMBER_FILES == MAX_BATCH_DOCUMENTS
