"""`manage.py import_plan`: a new plan from its document's text, its outline printed first."""

import pytest
from django.core.management import CommandError, call_command

from plans.models import Plan
from tests.documents.test_word import sample_plan_docx
from tests.plans.test_outline import PLAN, PLAN_NUMBERS

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan_file(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(PLAN, encoding="utf-8")
    return path


def test_a_dry_run_prints_the_outline_and_saves_nothing(plan_file, capsys):
    call_command("import_plan", plan_file, slug="tsap", title="Third Sector", dry_run=True)

    printed = capsys.readouterr().out
    assert "1.15      Volunteering – Volunteers bring skills and time." in printed
    assert "8 sections, 2 themes" in printed
    assert "Dry run: nothing saved." in printed
    assert not Plan.objects.exists()


def test_the_plan_is_saved_with_its_sections_in_order_under_their_parents(plan_file):
    call_command("import_plan", plan_file, slug="tsap", title="Third Sector")

    plan = Plan.objects.get(slug="tsap")
    sections = list(plan.sections.in_natural_order())
    assert [section.number for section in sections] == PLAN_NUMBERS
    by_number = {section.number: section for section in sections}
    assert by_number["2.8.1"].parent == by_number["2.8"]
    assert by_number["1.11"].parent == by_number["1"]
    assert by_number["3.5"].parent is None
    assert by_number["1.11"].text.startswith("Sub-contracting and consortia building")
    assert by_number["3.5"].theme.name == "Transforming public services"
    assert plan.reference_prefix == "TSAP"


def test_a_slug_in_use_is_refused_and_nothing_is_saved(plan_file, seed):
    with pytest.raises(CommandError, match="exists already"):
        call_command("import_plan", plan_file, slug="noms-third-sector-action-plan", title="Again")

    assert Plan.objects.count() == 1


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("plan.xlsx", b"PK\x03\x04", "a plan must be a .docx, .odt, .pdf, .md, .txt file"),
        ("plan.txt", b"\x00\x01binary", "not plain text"),
        ("plan.docx", b"PK\x03\x04 broken", "the Word file could not be read"),
        ("plan.txt", b"A plan with no numbered sections at all.", "no numbered sections"),
    ],
)
def test_a_file_that_cannot_be_imported_says_why(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)

    with pytest.raises(CommandError, match=message):
        call_command("import_plan", path, slug="tsap", title="Third Sector")
    assert not Plan.objects.exists()


def test_a_word_plan_is_saved_with_the_sections_word_numbered(tmp_path):
    path = tmp_path / "plan.docx"
    path.write_bytes(sample_plan_docx())

    call_command("import_plan", path, slug="tsap", title="Third Sector")

    sections = Plan.objects.get(slug="tsap").sections.in_natural_order()
    assert [(section.number, section.heading) for section in sections][:3] == [
        ("1", "Introduction"),
        ("1.1", "Purpose"),
        ("1.2", "Sub-contracting and consortia"),
    ]
