"""Importing a plan in the browser's forms: its document read into an outline, the outline
corrected (merged, split, renumbered, retitled, themed) and saved only when the officer says."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from plans.models import Plan
from tests.documents.sample_plan import as_text, outline_of
from tests.documents.test_pdf import sample_plan_pdf
from tests.documents.test_word import sample_plan_docx
from tests.error_summary import error_summary_links
from tests.factories import UserFactory
from tests.page_text import visible_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(client):
    client.force_login(UserFactory(officer=True))
    return client


def upload(client, content=None, name="plan.docx", **fields):
    data = {"title": "Third Sector Action Plan", **fields}
    if content is not None:
        data["document"] = SimpleUploadedFile(name, content)
    return client.post("/plans/import/", data)


def outline_data(page):
    """What the preview page posts back: every field of its form, as the browser sends it."""
    form = page.context["formset"]
    data = {
        f"{form.prefix}-TOTAL_FORMS": str(len(form.forms)),
        f"{form.prefix}-INITIAL_FORMS": "0",
    }
    for row in form.forms:
        for name in ("number", "heading", "theme", "text"):
            data[row.add_prefix(name)] = row[name].value() or ""
    details = page.context["details"]
    for name in details.fields:
        value = details[name].value()
        if isinstance(value, list):  # a date's day, month and year boxes
            for index, part in enumerate(value):
                data[f"{details.add_prefix(name)}_{index}"] = part or ""
        else:
            data[details.add_prefix(name)] = value or ""
    return data


def numbers(page):
    return [row["number"].value() for row in page.context["formset"].forms]


def test_a_word_plan_shows_its_outline_and_saves_nothing_yet(officer):
    page = upload(officer, sample_plan_docx())

    assert page.status_code == 200
    text = visible_text(page)
    assert "We found 7 sections under 3 themes." in text
    assert "1.2 Sub-contracting and consortia Sub-contracting and consortia building" in text
    assert numbers(page) == ["1", "1.1", "1.2", "2", "2.1", "2.1.1", "3"]
    assert not Plan.objects.exists()


def test_saving_the_outline_makes_the_plan_with_its_wording(officer):
    page = upload(officer, sample_plan_docx(), slug="tsap")

    saved = officer.post("/plans/import/outline/", {**outline_data(page), "action": "save"})

    assert saved.status_code == 302
    plan = Plan.objects.get(slug="tsap")
    assert saved["Location"] == "/plans/tsap/"
    section = plan.sections.get(number="1.2")
    assert section.heading == "Sub-contracting and consortia"
    assert section.text.startswith("Sub-contracting and consortia building will be considered")
    assert section.theme.name == "Working together"
    assert plan.sections.get(number="2.1.1").parent.number == "2.1"
    assert plan.has_full_text
    page = officer.get("/plans/tsap/")
    assert "Only the wording that responses quoted is known" not in visible_text(page)


def test_a_mis_split_section_is_merged_and_a_missed_one_split_before_saving(officer):
    # Typed text where "1.2" wrongly starts a line of 1.1's wording, and 2.1 was never numbered.
    text = (
        as_text()
        .replace("2.1 Mentoring", "Mentoring")
        .replace(
            "A second paragraph of the purpose",
            "1.2 percent of a second paragraph of the purpose",
        )
    )
    page = officer.post("/plans/import/", {"title": "Plan", "slug": "plan", "text": text})
    assert numbers(page)[:3] == ["1", "1.1", "1.2"]

    # Merge the wrong 1.2 into 1.1: the real 1.2's line is now wording of 1.1 …
    merged = officer.post("/plans/import/outline/", {**outline_data(page), "action": "merge-2"})
    purpose = merged.context["formset"].forms[1]["text"].value()
    assert "1.2 percent of a second paragraph" in purpose
    assert "1.2 Sub-contracting and consortia" in purpose
    # … so split 1.1 there: the new section takes its number and heading from the line.
    at = purpose.split("\n\n").index("1.2 Sub-contracting and consortia")
    resplit = officer.post(
        "/plans/import/outline/", {**outline_data(merged), "action": f"split-1-{at}"}
    )
    assert numbers(resplit)[:4] == ["1", "1.1", "1.2", "2"]
    assert resplit.context["formset"].forms[2]["heading"].value() == (
        "Sub-contracting and consortia"
    )
    merged = resplit

    # Section 2 now holds "Mentoring" and its wording: split it there, and number the new one.
    two = numbers(merged).index("2")
    split = officer.post(
        "/plans/import/outline/", {**outline_data(merged), "action": f"split-{two}-1"}
    )
    data = outline_data(split)
    assert data[f"sections-{two + 1}-number"] == ""
    saved = officer.post("/plans/import/outline/", {**data, "action": "save"})
    assert "Give this section a number, or merge it into the one above." in visible_text(saved)
    assert not Plan.objects.exists()

    data[f"sections-{two + 1}-number"] = "2.1"
    data[f"sections-{two + 1}-heading"] = "Mentoring"
    data[f"sections-{two + 1}-text"] = data[f"sections-{two + 1}-text"].removeprefix("Mentoring")
    officer.post("/plans/import/outline/", {**data, "action": "save"})

    plan = Plan.objects.get(slug="plan")
    assert [s.number for s in plan.sections.in_natural_order()] == [
        "1", "1.1", "1.2", "2", "2.1", "2.1.1", "3"
    ]  # fmt: skip
    assert plan.sections.get(number="2.1").heading == "Mentoring"


def test_renumbering_retitling_and_theming_are_kept(officer):
    data = outline_data(upload(officer, sample_plan_docx(), slug="tsap"))
    data["sections-6-number"] = "4"
    data["sections-6-heading"] = "Money matters"
    data["sections-6-theme"] = "Resources"

    officer.post("/plans/import/outline/", {**data, "action": "save"})

    section = Plan.objects.get(slug="tsap").sections.get(number="4")
    assert (section.heading, section.theme.name) == ("Money matters", "Resources")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"sections-1-number": "1.2"}, "Section 1.2 is here twice: renumber one of them."),
        ({"sections-1-number": "one"}, "Enter a section number like 1.11"),
        ({"plan-title": ""}, "Enter the plan's title."),
        ({"plan-slug": "import"}, "'import' is taken by the site"),
    ],
)
def test_a_wrong_outline_is_shown_again_with_the_problem_and_nothing_saved(
    officer, change, message
):
    data = outline_data(upload(officer, sample_plan_docx(), slug="tsap"))

    page = officer.post("/plans/import/outline/", {**data, **change, "action": "save"})

    assert page.status_code == 200
    assert message in visible_text(page)
    assert "There is a problem" in visible_text(page)
    assert not Plan.objects.exists()


def test_a_slug_in_use_is_refused(officer, seed):
    page = upload(officer, sample_plan_docx(), slug="noms-third-sector-action-plan")

    assert "exists already: choose another web address" in visible_text(page)


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"PK\x03\x04", "plan.xlsx", "The file must be a .docx, .odt, .pdf, .md or .txt file."),
        (b"PK\x03\x04 broken", "plan.docx", "plan.docx: the Word file could not be read."),
        (b"No numbers in this plan at all.", "plan.txt", "No numbered sections were found."),
        (None, "", "Upload the plan's document, or paste its text."),
    ],
)
def test_a_document_that_cannot_be_imported_says_why(officer, content, name, message):
    page = upload(officer, content, name=name)

    assert page.status_code == 200
    assert message in visible_text(page)
    assert not Plan.objects.exists()


def test_tampered_rows_start_the_import_again(officer):
    page = officer.post("/plans/import/outline/", {"action": "save", "sections-TOTAL_FORMS": "x"})

    assert page.status_code == 302
    assert page["Location"] == "/plans/import/"


@pytest.mark.parametrize(
    ("name", "build"),
    [("plan.docx", sample_plan_docx), ("plan.pdf", sample_plan_pdf)],
    ids=["word", "pdf"],
)
def test_the_word_and_pdf_plans_are_saved_as_the_same_plan(officer, name, build):
    data = outline_data(upload(officer, build(), name=name, slug="tsap"))
    officer.post("/plans/import/outline/", {**data, "action": "save"})

    plan = Plan.objects.get(slug="tsap")
    assert [
        (section.number, section.heading, section.theme.name, section.text)
        for section in plan.sections.in_natural_order()
    ] == outline_of()


def test_the_preview_marks_the_sections_read_with_less_confidence(officer):
    text = "1 Introduction\nWords.\n\n3 Funding\nMore words.\n2.1 Targets\n\n4 Review\nLast words."

    page = officer.post("/plans/import/", {"title": "A plan", "text": text})

    shown = visible_text(page)
    assert "Check first the section marked “Check”: we read it with less confidence." in shown
    assert "The numbering skips from 1 to 3: is a section missing?" in shown
    assert "Its wording has a line numbered 2.1: is that a section of its own?" in shown
    assert shown.count("Check this section:") == 1


def dates(prefix="", opens=("1", "3", "2027"), closes=("31", "5", "2027")):
    return {
        **{f"{prefix}opens_on_{i}": part for i, part in enumerate(opens)},
        **{f"{prefix}closes_on_{i}": part for i, part in enumerate(closes)},
    }


def test_the_consultations_dates_and_summary_are_set_when_the_plan_is_imported(officer):
    page = upload(
        officer,
        sample_plan_docx(),
        slug="tsap",
        summary="How prisons work with charities.",
        **dates(),
    )
    html = page.content.decode()
    assert 'name="plan-opens_on_2" value="2027"' in html  # carried through the preview

    data = {**outline_data(page), **dates("plan-"), "action": "save"}
    officer.post("/plans/import/outline/", data)

    plan = Plan.objects.get(slug="tsap")
    assert (plan.opens_on, plan.closes_on) == (
        datetime.date(2027, 3, 1),
        datetime.date(2027, 5, 31),
    )
    assert plan.summary == "How prisons work with charities."
    assert "1 March 2027 to 31 May 2027" in visible_text(officer.get("/"))


@pytest.mark.parametrize(
    "opens, closes, message",
    [
        (("1", "3", "2027"), ("1", "2", "2027"), "The consultation must close after it opens."),
        (
            ("31", "2", "2027"),
            ("", "", ""),
            "Enter a real date for ‘the consultation opens’, for example 27 3 2027.",
        ),
        (("1", "3", ""), ("", "", ""), "Enter the year: the consultation opens"),
        (
            ("1", "3", "3027"),
            ("", "", ""),
            "Enter a year between 1900 and 2999 for ‘the consultation opens’.",
        ),
    ],
)
def test_a_wrong_date_is_named_and_nothing_is_read(officer, opens, closes, message):
    page = upload(officer, sample_plan_docx(), slug="tsap", **dates(opens=opens, closes=closes))

    assert message in [text for _, text in error_summary_links(page)]
    assert not Plan.objects.filter(slug="tsap").exists()


def test_a_theme_that_looks_like_a_typo_of_another_is_marked_to_check(officer):
    text = (
        "Theme: Volunteering\n1 Introduction\nWords.\n2 Mentoring\nMore.\n"
        "Theme: Volunteerng\n3 Review\nLast.\n"
        "Theme: Theme 1\n4 Funding\nMoney.\nTheme: Theme 2\n5 Targets\nAims.\n"
    )

    page = officer.post("/plans/import/", {"title": "A plan", "text": text})

    shown = visible_text(page)
    assert (
        "Its theme “Volunteerng” is given to 1 section only and looks like “Volunteering”: "
        "is it a typo?" in shown
    )
    # Different numbers make different themes, and one typo is one section to check.
    assert shown.count("Check this section:") == 1
