"""The front page in a real browser, at a desktop's and a phone's width: it says what Marginalia
is, and the open consultation's "Respond" leads to its plan."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from tests.factories import PlanFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("width", [1280, 375])
def test_a_newcomer_reads_what_this_is_and_finds_the_open_consultation(
    live_server, page, assert_accessible, width
):
    today = datetime.date.today()
    PlanFactory(title="Open plan", opens_on=today, closes_on=today + datetime.timedelta(days=9))
    PlanFactory(title="Old plan", closes_on=today - datetime.timedelta(days=90))
    page.set_viewport_size({"width": width, "height": 900})

    page.goto(f"{live_server.url}/")

    expect(page.get_by_role("heading", level=1)).to_have_text("Consultations")
    expect(page.get_by_text("Marginalia puts a government plan beside")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert_accessible(page)
    page.get_by_role("link", name="Respond to Open plan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Open plan")
    expect(page).to_have_url(re.compile(r"/plans/action-plan-\d+/$"))
