"""An administrator reads the summary report of the seeded plan in a real browser, and prints it."""

import pytest
from playwright.sync_api import expect

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

REPORT = "/reports/noms-third-sector-action-plan/summary.html"


def sign_in_as_admin(page, server):
    UserFactory(admin=True, username="admin")
    page.goto(f"{server.url}/accounts/login/?next={REPORT}")
    page.fill("#id_username", "admin")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_admin_reads_the_summary_report_and_it_is_accessible(
    seeded_server, page, assert_accessible
):
    sign_in_as_admin(page, seeded_server)

    expect(page).to_have_url(f"{seeded_server.url}{REPORT}")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Summary report: NOMS")
    expect(page.locator(".marginalia-stance-chart__bar")).to_have_count(5)
    expect(page.locator("#section-1\\.11")).to_contain_text("Quotes the plan: ‘considered’")
    assert_accessible(page)


def test_printing_the_report_hides_the_site_header_and_tools(seeded_server, page):
    sign_in_as_admin(page, seeded_server)
    expect(page.locator(".govuk-header")).to_be_visible()

    page.emulate_media(media="print")

    expect(page.locator(".govuk-header")).to_be_hidden()
    expect(page.locator(".govuk-footer")).to_be_hidden()
    expect(page.locator(".govuk-breadcrumbs")).to_be_hidden()
    expect(page.locator(".marginalia-report__tools")).to_be_hidden()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    break_before = page.locator("#section-1\\.11").evaluate(
        "element => getComputedStyle(element).breakBefore"
    )
    assert break_before == "page"
