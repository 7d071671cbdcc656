"""Every page an admin reaches from the seeded plan, at a phone's width (375 px): nothing runs
off the side of the page. A table too wide for a phone scrolls inside its own region
(.marginalia-table-scroll), so only the page itself is measured, and every table not in such a
region must fit."""

import pytest

from plans.models import Plan
from responses.models import Comment
from tests.browser.test_reports import sign_in_as_admin
from tests.revisions.arranging import ENCOURAGED, revise, revised_text

pytestmark = pytest.mark.django_db(transaction=True)

PLAN = "noms-third-sector-action-plan"
PHONE = 375
PAGES = [
    "/",
    f"/plans/{PLAN}/",
    f"/plans/{PLAN}/overview/",
    f"/plans/{PLAN}/sections/1.11/",
    f"/search/?plan={PLAN}&q=volunteering",
    f"/reports/{PLAN}/summary.html",
    "/work/",
    f"/plans/{PLAN}/imports/",
    f"/plans/{PLAN}/imports/record/",
    f"/plans/{PLAN}/links-to-check/",
    f"/plans/{PLAN}/versions/",
    f"/plans/{PLAN}/versions/2/",
    f"/plans/{PLAN}/versions/2/matches/",
    "/plans/import/",
    "/responses/mine/",
    "/comments/{comment}/",
]

# Tables (and other boxes) wider than the screen, outside a region that scrolls them.
OVERFLOWING = """() => [...document.querySelectorAll('table, pre, img, input, select, textarea')]
    .filter((element) => !element.closest('.marginalia-table-scroll'))
    .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1)
    .map((element) => `${element.tagName.toLowerCase()}.${element.className}`)"""


def test_no_page_is_wider_than_a_phone(seeded_server, page):
    plan = Plan.objects.get(slug=PLAN)
    revise(plan, revised_text(plan, **{"1_11": ENCOURAGED}))
    page.set_viewport_size({"width": PHONE, "height": 800})
    sign_in_as_admin(page, seeded_server)

    too_wide = {}
    for path in PAGES:
        path = path.format(comment=Comment.objects.order_by("pk").first().pk)
        response = page.goto(f"{seeded_server.url}{path}")
        assert response.status == 200, path
        width = page.evaluate("document.documentElement.scrollWidth")
        overflowing = page.evaluate(OVERFLOWING)
        if width > PHONE or overflowing:
            too_wide[path] = (width, overflowing)

    assert too_wide == {}
