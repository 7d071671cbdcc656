"""`manage.py import_responses`: a folder of responses imported into a plan, their respondents
named by a manifest or guessed; the same folder again adds nothing."""

import pytest
from django.core.management import CommandError, call_command

from responses.models import Response
from tests.intake.letters import mixed_responses, organisation

pytestmark = pytest.mark.django_db
PLAN = "noms-third-sector-action-plan"


@pytest.fixture
def folder(tmp_path):
    responses = tmp_path / "responses"
    responses.mkdir()
    for name, content in mixed_responses(5).items():
        (responses / name).write_bytes(content)
    (responses / "broken.pdf").write_bytes(b"%PDF-1.4 broken")
    (responses / "notes.xlsx").write_bytes(b"not a response")  # not a document: not taken
    return responses


def test_a_folder_is_imported_and_the_same_folder_again_adds_nothing(seed, folder, capsys):
    call_command("import_responses", PLAN, str(folder), channel="post")

    printed = capsys.readouterr().out
    assert "Imported 5 of 6 documents." in printed
    assert "Not imported: broken.pdf:" in printed
    imported = Response.objects.exclude(source_sha256=None)
    assert sorted(imported.values_list("respondent__name", flat=True)) == sorted(
        organisation(number) for number in range(1, 6)
    )
    assert set(imported.values_list("channel", flat=True)) == {"post"}

    call_command("import_responses", PLAN, str(folder))

    assert "Imported 0 of 6 documents." in capsys.readouterr().out
    assert imported.count() == 5


def test_a_manifest_names_the_respondents(seed, folder, tmp_path, capsys):
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(
        "filename,name,kind\nresponse-001.pdf,Mary Jones,individual\n", encoding="utf-8"
    )

    call_command("import_responses", PLAN, str(folder / "response-001.pdf"), manifest=manifest)

    response = Response.objects.get(source_sha256__isnull=False)
    assert (response.respondent.name, response.respondent.kind) == ("Mary Jones", "individual")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["no-such-plan", "."], "There is no plan at 'no-such-plan'."),
        ([PLAN, "/no/such/folder"], "/no/such/folder does not exist."),
    ],
)
def test_what_cannot_be_imported_says_why(seed, arguments, message):
    with pytest.raises(CommandError, match=message):
        call_command("import_responses", *arguments)
