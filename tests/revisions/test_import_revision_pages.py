"""Importing a revised version of a plan in the browser: its document read into an outline,
corrected as a new plan's is, and saved as the plan's next version, matched to the last."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from revisions.models import PlanVersion
from tests.factories import UserFactory
from tests.page_text import visible_text
from tests.plan_import.test_import_plan_pages import outline_data
from tests.revisions.arranging import ENCOURAGED, revised_text

pytestmark = pytest.mark.django_db
IMPORT = "/plans/noms-third-sector-action-plan/versions/import/"


@pytest.fixture
def officer(client, seed):
    client.force_login(UserFactory(officer=True))
    return client


def test_a_revised_plan_is_read_into_its_outline_and_saved_as_version_2(
    officer, seed, django_capture_on_commit_callbacks, worker
):
    plan, _response = seed
    document = SimpleUploadedFile(
        "revised.txt", revised_text(plan, **{"1_11": ENCOURAGED}).encode()
    )

    page = officer.post(
        IMPORT, {"label": "Final action plan", "published_on": "27/03/2009", "document": document}
    )

    assert page.status_code == 200
    assert "We found 5 sections" in visible_text(page)
    assert "Save the revised version" in visible_text(page)
    assert not PlanVersion.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        saved = officer.post(f"{IMPORT}outline/", {**outline_data(page), "action": "save"})
    worker()

    version = PlanVersion.objects.get()
    assert saved["Location"] == "/plans/noms-third-sector-action-plan/versions/2/"
    assert (version.label, str(version.published_on)) == ("Final action plan", "2009-03-27")
    assert version.quotes_followed_at is not None
    page = officer.get(saved["Location"], {"show": "asked_changed"})
    assert "is saved as version 2" in visible_text(page)
    assert "Quoted “considered”: changed:" in visible_text(page)


def test_a_document_without_numbered_sections_is_refused_with_a_message(officer):
    page = officer.post(IMPORT, {"label": "Revised", "text": "No numbers anywhere here."})

    assert "No numbered sections were found" in visible_text(page)
    assert not PlanVersion.objects.exists()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"label": "", "text": "1.1\nWording."}, "Enter the name of this version."),
        ({"label": "Revised", "text": ""}, "Upload the plan's document, or paste its text."),
        (
            {"label": "Revised", "text": "1.1\nWording.", "published_on": "31/02/2009"},
            "Enter a real date for ‘date published’, for example 27 3 2027.",
        ),
    ],
)
def test_bad_input_is_told_and_nothing_is_saved(officer, fields, message):
    page = officer.post(IMPORT, fields)

    assert page.status_code == 200
    assert message in visible_text(page)
    assert not PlanVersion.objects.exists()


def test_a_row_without_a_number_is_refused_at_saving_and_nothing_is_saved(officer, seed):
    plan, _response = seed
    page = officer.post(IMPORT, {"label": "Revised", "text": revised_text(plan)})
    data = outline_data(page)
    data["sections-1-number"] = ""

    again = officer.post(f"{IMPORT}outline/", {**data, "action": "save"})

    assert again.status_code == 200
    assert "Give this section a number, or merge it into the one above." in visible_text(again)
    assert not PlanVersion.objects.exists()


def test_tampered_outline_data_starts_again(officer):
    response = officer.post(f"{IMPORT}outline/", {"action": "save"})

    assert response.status_code == 302
    assert response["Location"] == IMPORT


def test_respondents_may_not_import_a_revision(client, seed):
    client.force_login(UserFactory(respondent=True))

    assert client.get(IMPORT).status_code == 403


def test_a_revisions_themes_are_offered_from_the_plans_and_a_near_miss_is_marked(officer, seed):
    plan, _response = seed
    theme = plan.themes.order_by("name").first().name
    typo = theme[:-1] if len(theme) > 8 else theme + "s"
    text = f"Theme: {typo}\n" + revised_text(plan)

    page = officer.post(IMPORT, {"label": "Revised", "text": text})

    html = page.content.decode()
    assert f'<option value="{theme}">' in html
    assert f"Its theme “{typo}” is given to" in visible_text(page)
    assert f"looks like “{theme}”: is it a typo?" in visible_text(page)
