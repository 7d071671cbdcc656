"""Small files made to cost a reader far more than their size (tests.hostile), sent as a tester
sent them: through the respondent's paste page, the officer's record form, an import batch and
the survey import. Each is read, or refused with its reason, within the document budget: never
a 500, a stalled worker or a batch left reading (issue 20)."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from intake.models import ImportBatch, ImportedDocument
from responses.models import Response
from tests.factories import ResponseFactory, UserFactory
from tests.hostile import (
    email_of_many_parameters,
    email_of_many_parts,
    email_of_many_wrote_lines,
    email_of_nested_comment,
    pdf_of_repeated_stream,
    word_of_merged_rows,
    xlsx_of_shared_strings,
)
from tests.page_text import visible_text

pytestmark = pytest.mark.django_db
PLAN = "noms-third-sector-action-plan"
TOO_MUCH_DRAWN = "plan.pdf draws its text with more than 300,000 operators"
HEADER_TOO_LONG = "response.eml has a {} header far longer than an email's"


@pytest.fixture
def officer(client, seed):
    client.force_login(UserFactory(officer=True))
    return client


def record(client, name, content):
    return client.post(
        f"/plans/{PLAN}/imports/record/",
        {
            "name": "Bell Trust",
            "kind": "organisation",
            "channel": "email",
            "received_on": "",
            "text": "",
            "document": SimpleUploadedFile(name, content),
        },
    )


def import_batch(client, worker, files):
    data = {
        "files": [SimpleUploadedFile(name, content) for name, content in files.items()],
        "channel": "email",
        "received_on": "",
    }
    started = client.post(f"/plans/{PLAN}/imports/new/", data)
    worker()
    return started, client.get(started["Location"]) if started.status_code == 302 else started


def test_a_pdf_that_draws_its_text_two_million_times_is_refused_on_the_paste_page(client, seed):
    plan, _ = seed
    user = UserFactory(respondent=True)
    client.force_login(user)
    draft = ResponseFactory(draft=True, plan=plan, owner=user)
    upload = SimpleUploadedFile("plan.pdf", pdf_of_repeated_stream(pages=1_000))

    page = client.post(f"/responses/{draft.pk}/paste/", {"version": "0", "document": upload})

    assert page.status_code == 200
    assert TOO_MUCH_DRAWN in visible_text(page)
    assert not draft.comments.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("plan.pdf", pdf_of_repeated_stream(pages=1_000), TOO_MUCH_DRAWN),
        ("response.eml", email_of_nested_comment(), HEADER_TOO_LONG.format("Content-Disposition")),
        ("response.eml", email_of_many_parameters(), HEADER_TOO_LONG.format("Content-Type")),
        (
            "response.eml",
            email_of_many_parts(),
            "response.eml has more parts than an email we read",
        ),
    ],
)
def test_a_hostile_file_on_the_record_form_says_why_and_saves_nothing(
    officer, name, content, message
):
    page = record(officer, name, content)

    assert page.status_code == 200
    assert message in visible_text(page)
    assert not Response.objects.filter(channel="email").exists()


def test_a_word_table_of_merged_rows_is_read_once_per_cell_and_quickly(officer):
    record(officer, "response.docx", word_of_merged_rows(rows=250))

    response = Response.objects.get(channel="email")
    text = "\n\n".join(response.comments.values_list("text", flat=True))
    assert text.count("1.1 cell") == 20
    assert " – ".join(["1.1 cell"] * 20) in text


def test_an_email_of_a_hundred_thousand_wrote_lines_is_read_in_the_budget(officer, worker):
    import_batch(officer, worker, {"wrote.eml": email_of_many_wrote_lines(lines=100_000)})

    document = ImportedDocument.objects.get()
    assert (document.state, document.reason) == (ImportedDocument.State.READ, "")
    assert document.text.startswith("Point 1.11: we support consortia building.")


def test_a_batch_with_hostile_files_finishes_each_one_read_or_failed_with_its_reason(
    officer, worker
):
    files = {
        "nested.eml": email_of_nested_comment(),
        "parameters.eml": email_of_many_parameters(),
        "plan.pdf": pdf_of_repeated_stream(pages=1_000),
        "merged.docx": word_of_merged_rows(rows=250),
    }

    _, page = import_batch(officer, worker, files)

    batch = ImportBatch.objects.get()
    assert batch.stage == ImportBatch.Stage.REVIEW
    failed = dict(
        batch.documents.filter(state=ImportedDocument.State.FAILED).values_list(
            "filename", "reason"
        )
    )
    assert failed.keys() == {"nested.eml", "parameters.eml", "plan.pdf"}
    assert failed["nested.eml"].startswith("nested.eml has a Content-Disposition header")
    assert "draws its text with more than 300,000 operators" in failed["plan.pdf"]
    text = visible_text(page)
    assert "nested.eml has a Content-Disposition header far longer than an email's" in text
    assert batch.documents.get(filename="merged.docx").state == ImportedDocument.State.READ


def test_a_survey_of_millions_of_shared_texts_is_refused_with_the_reason(officer):
    page = officer.post(
        f"/plans/{PLAN}/imports/survey/",
        {
            "survey": SimpleUploadedFile("survey.xlsx", xlsx_of_shared_strings()),
            "channel": "online",
            "received_on": "",
        },
    )

    assert page.status_code == 200
    assert "survey.xlsx holds more than 500,000 different texts" in visible_text(page)
    assert not ImportBatch.objects.exists()


def zip_of(members):
    content = io.BytesIO()
    with zipfile.ZipFile(content, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return content.getvalue()


def test_zips_that_unpack_past_the_batch_limit_together_are_refused(officer, monkeypatch):
    monkeypatch.setattr("intake.services.MAX_BATCH_BYTES", 1024 * 1024)
    member = "Point 1.11 matters.\n" * 30_000  # 600 KB, under the limit on its own
    files = {f"letters{number}.zip": zip_of({"letter.txt": member}) for number in range(2)}

    page = officer.post(
        f"/plans/{PLAN}/imports/new/",
        {
            "files": [SimpleUploadedFile(name, content) for name, content in files.items()],
            "channel": "email",
            "received_on": "",
        },
    )

    assert page.status_code == 200
    assert "The documents come to more than 1 MB in all, once unpacked" in visible_text(page)
    assert not ImportBatch.objects.exists()


def test_a_zip_member_over_the_document_limit_is_refused(officer, monkeypatch):
    monkeypatch.setattr("intake.services.MAX_DOCUMENT_BYTES", 1_000)
    files = {"letters.zip": zip_of({"small.txt": "Point 1.11.", "large.txt": "x" * 2_000})}

    started, page = import_batch(officer, lambda: None, files)

    assert "letters.zip: large.txt is larger than 20 MB" in visible_text(page)
    assert not ImportBatch.objects.exists()


def test_a_zip_member_named_with_windows_separators_is_imported_by_its_name(officer, worker):
    files = {"letters.zip": zip_of({"..\\..\\bell.txt": "Point 1.11 states consortia matter."})}

    import_batch(officer, worker, files)

    document = ImportedDocument.objects.get()
    assert (document.filename, document.state) == ("bell.txt", ImportedDocument.State.READ)
