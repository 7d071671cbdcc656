"""A survey tool's export imported: each row a response, each column assigned to a section, a
theme, the whole plan or the respondent's details (guessed from its heading, then corrected);
the same export again adds nothing; a file that is no survey says why."""

import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from intake.models import ImportBatch
from responses.models import Response
from tests.factories import UserFactory
from tests.page_text import visible_text

pytestmark = pytest.mark.django_db
PLAN = "noms-third-sector-action-plan"
HEADINGS = [
    "Response ID",
    "Your name or your organisation's",
    "Are you responding as an individual or an organisation?",
    "Email",
    "Comments on paragraph 1.11",
    "Comments on 3.5",
    "Any other comments on the plan",
]
ROWS = [
    ["1", "Bell Trust", "An organisation", "info@bell.example", "Encourage consortia.",
     "Anchors matter.", ""],
    ["2", "Mary Jones", "An individual", "", "", "", "Under 2.8, pilots need evaluating."],
    ["3", "Quiet Society", "An organisation", "", "", "", ""],
]  # fmt: skip


def survey_xlsx(rows=ROWS):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADINGS)
    for row in rows:
        sheet.append([int(row[0]), *row[1:]])  # a number, as survey tools export the id
    content = io.BytesIO()
    workbook.save(content)
    return content.getvalue()


def survey_csv(rows=ROWS):
    lines = [HEADINGS, *rows]
    return "\n".join(";".join(f'"{cell}"' for cell in line) for line in lines).encode("cp1252")


@pytest.fixture
def officer(client, seed):
    client.force_login(UserFactory(officer=True))
    return client


def upload(client, name, content, channel="online"):
    return client.post(
        f"/plans/{PLAN}/imports/survey/",
        {"survey": SimpleUploadedFile(name, content), "channel": channel, "received_on": ""},
    )


def mapping_data(page, **changes):
    data = {field.html_name: field.value() for field, _ in page.context["mapping_rows"]}
    return {**data, **changes}


def review_and_import(client, batch, worker):
    worker()
    page = client.get(f"/imports/{batch.pk}/")
    data = {}
    for document, form in page.context["rows"]:
        data[form["include"].html_name] = "on"
        data[form["name"].html_name] = document.respondent_name
        data[form["kind"].html_name] = document.respondent_kind
    client.post(f"/imports/{batch.pk}/confirm/", data)
    worker()
    return page


@pytest.mark.parametrize(
    ("name", "build"), [("survey.xlsx", survey_xlsx), ("survey.csv", survey_csv)]
)
def test_each_row_becomes_a_response_with_answers_beside_their_sections(
    officer, worker, name, build
):
    started = upload(officer, name, build())
    batch = ImportBatch.objects.get()
    mapping = officer.get(started["Location"])
    assert "What does each column hold?" in visible_text(mapping)
    assert [field.value() for field, _ in mapping.context["mapping_rows"]] == [
        "skip", "name", "kind", "email", "section:1.11", "section:3.5", "plan",
    ]  # fmt: skip

    officer.post(f"/imports/{batch.pk}/mapping/", mapping_data(mapping))
    review = review_and_import(officer, batch, worker)

    assert f"{name}, row 4 The row has no answers." in visible_text(review)
    bell = Response.objects.get(respondent__name="Bell Trust")
    assert (bell.respondent.kind, bell.channel) == ("organisation", "online")
    assert [
        (comment.text, list(comment.sections.values_list("number", flat=True)))
        for comment in bell.comments.order_by("position")
    ] == [("Encourage consortia.", ["1.11"]), ("Anchors matter.", ["3.5"])]
    mary = Response.objects.get(respondent__name="Mary Jones")
    assert mary.respondent.kind == "individual"
    # The whole plan's answer is linked as the detector reads it.
    assert list(mary.comments.get().sections.values_list("number", flat=True)) == ["2.8"]
    assert not Response.objects.filter(respondent__name="Quiet Society").exists()
    section = visible_text(officer.get(f"/plans/{PLAN}/sections/1.11/?q=consortia"))
    assert "Encourage consortia." in section


def test_a_corrected_column_and_the_same_survey_again(officer, worker):
    started = upload(officer, "survey.xlsx", survey_xlsx())
    mapping = officer.get(started["Location"])
    batch = ImportBatch.objects.get()
    # The 3.5 column was really about a theme.
    theme = batch.plan.themes.first()
    officer.post(
        f"/imports/{batch.pk}/mapping/", mapping_data(mapping, column_5=f"theme:{theme.pk}")
    )
    review_and_import(officer, batch, worker)

    bell = Response.objects.get(respondent__name="Bell Trust")
    anchors = bell.comments.get(text="Anchors matter.")
    assert (list(anchors.sections.all()), list(anchors.themes.all())) == ([], [theme])

    again = upload(officer, "survey.xlsx", survey_xlsx())
    second = ImportBatch.objects.latest("pk")
    officer.post(f"/imports/{second.pk}/mapping/", mapping_data(officer.get(again["Location"])))
    worker()

    page = visible_text(officer.get(again["Location"]))
    assert page.count("Already imported as NOMS-TSAP-") == 2
    assert Response.objects.exclude(source_sha256=None).count() == 2


def test_a_mapping_without_answers_is_refused(officer):
    started = upload(officer, "survey.xlsx", survey_xlsx())
    mapping = officer.get(started["Location"])
    batch = ImportBatch.objects.get()
    skipped = {f"column_{index}": "skip" for index in range(4, 7)}

    page = officer.post(f"/imports/{batch.pk}/mapping/", mapping_data(mapping, **skipped))

    assert "Assign at least one column to the plan, a section or a theme" in visible_text(page)
    batch.refresh_from_db()
    assert batch.stage == "mapping"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("survey.xlsx", b"PK\x03\x04 broken", "survey.xlsx: the Excel file could not be read."),
        ("survey.csv", b"Only a heading\n", "survey.csv has no rows of answers"),
        ("survey.pdf", b"%PDF-1.4", "survey.pdf: a survey must be a .csv or .xlsx file."),
        ("survey.csv", b"\x00\x01\x02", "survey.csv: The file is not plain text."),
    ],
)
def test_a_file_that_is_not_a_survey_says_why(officer, name, content, message):
    page = upload(officer, name, content)

    assert page.status_code == 200
    assert message in visible_text(page)
    assert not ImportBatch.objects.exists()


def test_erasing_a_survey_respondent_erases_the_surveys_file_and_keeps_the_others_answers(
    officer, worker
):
    from privacy.erasure import erase_respondent

    started = upload(officer, "survey.csv", survey_csv())
    batch = ImportBatch.objects.get()
    officer.post(f"/imports/{batch.pk}/mapping/", mapping_data(officer.get(started["Location"])))
    review_and_import(officer, batch, worker)
    mary = Response.objects.get(respondent__name="Mary Jones")
    bell = Response.objects.get(respondent__name="Bell Trust")

    erase_respondent(mary.respondent, by=None, reason="Asked", scope="everything")

    batch.refresh_from_db()
    assert batch.survey_file is None
    assert "Mary Jones" not in visible_text(officer.get(f"/imports/{batch.pk}/"))
    assert bell.comments.count() == 2
    # The survey's file, which held her row, is gone for every row: the page says why.
    original = officer.get(f"/imports/documents/{bell.document.pk}/original")
    assert original.status_code == 410
    assert "the whole file went" in visible_text(original)
