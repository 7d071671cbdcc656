"""The other pages of bringing responses in, as an officer reads them, checked with axe-core:
recording one response, the links to check, a survey's columns and rows, the imports list; and
an administrator's report made in the background."""

import pytest
from playwright.sync_api import expect

from plans.models import Plan
from reports.models import ReportJob
from tests.browser.test_imports import OFFICER_PERMISSIONS, sign_in
from tests.factories import UserFactory
from tests.intake.test_survey_import import survey_xlsx

pytestmark = pytest.mark.django_db(transaction=True)
PLAN = "noms-third-sector-action-plan"


@pytest.fixture
def officer(seeded_server):
    return UserFactory(username="olivia", permissions=OFFICER_PERMISSIONS)


def test_recording_a_response_then_checking_its_links_is_accessible(
    seeded_server, officer, page, assert_accessible
):
    sign_in(page, seeded_server.url)
    page.goto(f"{seeded_server.url}/plans/{PLAN}/imports/record/")
    assert_accessible(page)
    page.get_by_role("button", name="Record the response").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Who sent it?").fill("Bell Trust")
    page.get_by_label("Post").check()
    page.get_by_label("Paste the response").fill(
        "We think the plan overlooks small charities, which do much of this work on little money."
    )
    page.get_by_role("button", name="Record the response").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Links to check")
    expect(page.get_by_text("Linked to nothing: about the whole plan?")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Confirm the ticked links").click()
    expect(page.get_by_text("1 comment confirmed: it leaves the queue.")).to_be_visible()

    page.goto(f"{seeded_server.url}/plans/{PLAN}/imports/")
    expect(page.get_by_text("0 comments waiting")).to_be_visible()
    assert_accessible(page)


def test_a_surveys_columns_and_rows_are_accessible(
    seeded_server, officer, page, assert_accessible, tmp_path
):
    survey = tmp_path / "survey.xlsx"
    survey.write_bytes(survey_xlsx())
    sign_in(page, seeded_server.url)
    page.goto(f"{seeded_server.url}/plans/{PLAN}/imports/survey/")
    assert_accessible(page)

    page.get_by_label("The survey's export").set_input_files(survey)
    page.get_by_role("button", name="Read the columns").click()

    expect(page.get_by_role("heading", name="What does each column hold?")).to_be_visible()
    expect(page.get_by_label("What the column “Comments on 3.5” holds")).to_have_value(
        "section:3.5"
    )
    assert_accessible(page)


def test_a_report_made_in_the_background_is_accessible(seeded_server, page, assert_accessible):
    admin = UserFactory(username="olivia", admin=True)
    plan = Plan.objects.get(slug=PLAN)
    job = ReportJob.objects.create(plan=plan, requested_by=admin, format="docx")
    sign_in(page, seeded_server.url)

    page.goto(f"{seeded_server.url}/reports/jobs/{job.pk}/")

    expect(page.get_by_text("Waiting for a worker…")).to_be_visible()
    assert_accessible(page)
