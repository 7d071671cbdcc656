"""`manage.py export_report`: the summary report written to a file, as an admin reads it."""

import csv

import docx
import openpyxl
import pytest
from django.core.management import CommandError, call_command

from reports.models import ExportLog
from responses.models import Response
from tests.reports.arranging import comment_by
from tests.reports.readers import PLAN_SLUG

pytestmark = pytest.mark.django_db


def export(tmp_path, ext, *options):
    path = tmp_path / f"report.{ext}"
    call_command("export_report", PLAN_SLUG, "--format", ext, "--output", str(path), *options)
    return path


def test_command_writes_the_csv_with_a_byte_order_mark(tmp_path, seed):
    path = export(tmp_path, "csv")

    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    assert rows[1]["Section number"] == "1.11"
    assert rows[1]["Quoted wording"] == "considered"


def test_command_writes_the_workbook(tmp_path, seed):
    book = openpyxl.load_workbook(export(tmp_path, "xlsx"))

    assert book.sheetnames == ["Summary", "Comments", "Respondents"]
    assert book["Comments"]["L3"].value == "considered"


def test_command_writes_the_word_document(tmp_path, seed):
    document = docx.Document(str(export(tmp_path, "docx")))

    assert [p.text for p in document.paragraphs if p.style.name == "Heading 1"][:2] == [
        "Section 1.3",
        "Section 1.11",
    ]


def test_command_writes_the_web_page(tmp_path, seed):
    html = export(tmp_path, "html").read_text()

    assert "Summary report: NOMS Third Sector Action Plan" in html
    assert "rather than simply ‘considered’" in html
    # Saved to open from a disk or an email: the page's stylesheet is inside it.
    assert '<link rel="stylesheet"' not in html
    assert "<style>" in html and ".govuk-summary-list" in html


def test_command_reads_as_an_admin_and_is_logged_without_a_user(tmp_path, seed, capsys):
    comment_by(seed[0], "Submitted Trust")

    path = export(tmp_path, "csv")

    assert "Submitted Trust" in path.read_text(encoding="utf-8-sig")
    log = ExportLog.objects.get()
    assert (log.user, log.format, log.row_count) == (None, "csv", 13)
    assert f"Wrote {path}: 13 rows." in capsys.readouterr().out


def test_command_applies_status_and_kind(tmp_path, seed):
    comment_by(seed[0], "Submitted Trust")
    comment_by(seed[0], "Pat Individual", status=Response.Status.PUBLISHED, kind="individual")

    text = export(tmp_path, "csv", "--status", "published", "--kind", "organisation").read_text(
        encoding="utf-8-sig"
    )

    assert "Volunteering England" in text
    assert "Submitted Trust" not in text
    assert "Pat Individual" not in text


def test_an_unknown_plan_is_a_clear_error(tmp_path, seed):
    with pytest.raises(CommandError, match="No plan with the slug ‘no-such-plan’"):
        call_command(
            "export_report", "no-such-plan", "--format", "csv", "--output", str(tmp_path / "x")
        )


def test_an_unknown_format_is_a_clear_error(tmp_path, seed):
    with pytest.raises(CommandError, match="Unknown format ‘pdf’: choose csv, xlsx, docx or html"):
        export(tmp_path, "pdf")


def test_a_path_that_cannot_be_written_is_a_clear_error(tmp_path, seed):
    with pytest.raises(CommandError, match="Cannot write to .*: No such file or directory"):
        call_command(
            "export_report",
            PLAN_SLUG,
            "--format",
            "csv",
            "--output",
            str(tmp_path / "no" / "x.csv"),
        )


def test_a_bad_filter_is_a_clear_error(tmp_path, seed):
    with pytest.raises(CommandError, match="Choose which responses to report"):
        export(tmp_path, "csv", "--status", "drafts")
    assert not ExportLog.objects.exists()
