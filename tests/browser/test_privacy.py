"""An admin finds a respondent, downloads their data, erases it and reads the tombstone; sets a
plan's retention date; a respondent downloads their own data. Each page checked with axe-core."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _sign_in(page, server, username):
    page.goto(f"{server.url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_admin_erases_a_respondent_and_reads_the_tombstone(seeded_server, page, assert_accessible):
    from plans.models import Plan
    from responses.models import Respondent
    from tests.arranging import comment_on

    UserFactory(username="ada", is_staff=True, is_superuser=True)
    plan = Plan.objects.get(slug="noms-third-sector-action-plan")
    comment = comment_on(plan.sections.get(number="3.5"), text="Ring me: Zeb Quixley.")
    Respondent.objects.filter(pk=comment.response.respondent_id).update(name="Zeb Quixley")
    _sign_in(page, seeded_server, "ada")

    page.get_by_role("link", name="Personal data").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Respondents' personal data")
    assert_accessible(page)
    page.get_by_label("Find a respondent").fill("quixley")
    page.get_by_role("button", name="Find").click()
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("Download the data of Zeb Quixley")).click()
    assert download.value.suggested_filename.endswith(".zip")
    page.get_by_role("link", name=re.compile("Erase the data of Zeb Quixley")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Erase Zeb Quixley's data")
    page.get_by_role("button", name="Erase their data").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Their personal details and their comments").check()
    page.get_by_label("Why").fill("Zeb Quixley asked on the phone, 3 December")
    page.get_by_role("button", name="Erase their data").click()

    expect(
        page.get_by_text(re.compile("The respondent's data was erased: .*1 comment"))
    ).to_be_visible()
    expect(page.get_by_text("[erased] asked on the phone, 3 December")).to_be_visible()
    assert "Quixley" not in page.content().replace("quixley", "")
    assert_accessible(page)

    page.get_by_role("link", name=re.compile("Change how long NOMS")).click()
    page.get_by_label("Day").fill("31")
    page.get_by_label("Month").fill("3")
    page.get_by_label("Year").fill("2031")
    page.get_by_role("button", name="Save the date").click()
    expect(page.get_by_text("will be erased from 1 April 2031")).to_be_visible()
    assert_accessible(page)


def test_respondent_downloads_their_data(seeded_server, page, assert_accessible):
    UserFactory(username="rosa")
    _sign_in(page, seeded_server, "rosa")

    page.get_by_role("link", name="Your data").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your data")
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download your data (zip)").click()
    assert download.value.suggested_filename.startswith("your-data-")
