"""An officer filters a section's critique, tags a comment and finds the change in its history."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

OFFICER_PERMISSIONS = [
    "officers.annotate_comment",
    "responses.view_submitted_response",
    "responses.publish_response",
]


@pytest.fixture
def officer(seeded_server):
    # Browser tests empty the database between tests, the migrations' groups with it: grant the
    # officers' permissions directly.
    return UserFactory(username="olivia", permissions=OFFICER_PERMISSIONS)


def test_officer_filters_3_5_to_recommendations_tags_one_and_finds_it_in_history(
    seeded_server, officer, page, assert_accessible
):
    page.goto(f"{seeded_server.url}/accounts/login/")
    page.fill("#id_username", "olivia")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    page.goto(f"{seeded_server.url}/plans/noms-third-sector-action-plan/sections/3.5/")
    expect(page.get_by_text("2 comments on 3.5")).to_be_visible()
    page.get_by_text("Filter and sort comments").click()
    page.get_by_label("Recommendation").check()
    page.get_by_role("button", name="Apply filters").click()

    expect(page).to_have_url(re.compile(r"/sections/3\.5/\?.*stance=recommendation"))  # shareable
    expect(page.get_by_text("1 comment on 3.5")).to_be_visible()
    expect(page.locator(".marginalia-comment")).to_contain_text(
        "highlighted in the actions under 3.5"
    )
    assert_accessible(page)

    page.locator(".marginalia-comment").get_by_role("link", name="Annotate").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Annotate a comment")
    assert_accessible(page)
    page.get_by_label("New tags (optional)").fill("commissioning")
    page.get_by_role("button", name="Save annotations").click()

    # Back on the filtered section page, the tag shows beside the comment.
    expect(page.locator(".marginalia-comment")).to_contain_text("commissioning")
    page.locator(".marginalia-comment").get_by_role("link", name="Annotate").click()
    history = page.locator("table.govuk-table")
    expect(history).to_contain_text("Tagged ‘commissioning’")
    expect(history).to_contain_text("olivia")
    assert_accessible(page)


def test_officer_pages_are_accessible(seeded_server, officer, page, assert_accessible):
    page.goto(f"{seeded_server.url}/accounts/login/")
    page.fill("#id_username", "olivia")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    for path in ["/plans/noms-third-sector-action-plan/", "/search/?q=consortia", "/responses/1/"]:
        page.goto(f"{seeded_server.url}{path}")
        assert_accessible(page)


def test_officer_redacts_personal_data_found_and_the_public_reads_it_redacted(
    seeded_server, officer, page, assert_accessible
):
    from plans.models import Plan
    from tests.arranging import comment_on

    plan = Plan.objects.get(slug="noms-third-sector-action-plan")
    comment = comment_on(
        plan.sections.get(number="3.5"),
        text="Volunteers matter. Email me at sam@example.org or call Mrs Ada Lovelace.",
        status="published",
    )
    page.goto(f"{seeded_server.url}/accounts/login/")
    page.fill("#id_username", "olivia")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    page.goto(f"{seeded_server.url}/comments/{comment.pk}/")
    expect(page.locator("mark.marginalia-found")).to_have_count(2)
    assert_accessible(page)
    page.get_by_role("button", name="Redact “sam@example.org”").click()
    expect(page.get_by_text("Redacted “sam@example.org”.")).to_be_visible()
    page.get_by_role("button", name=re.compile("Not personal data.*Mrs Ada Lovelace")).click()
    page.get_by_label("Words to redact, as the comment has them").fill("Volunteers matter")
    page.get_by_label("Why", exact=True).last.fill("Testing")
    page.get_by_role("button", name="Redact the words").click()
    expect(page.locator("blockquote").last).to_have_text(
        "[redacted]. Email me at [redacted] or call Mrs Ada Lovelace."
    )
    assert_accessible(page)

    page.context.clear_cookies()
    page.goto(f"{seeded_server.url}/plans/noms-third-sector-action-plan/sections/3.5/")
    expect(page.get_by_text("Email me at [redacted] or call Mrs Ada Lovelace.")).to_be_visible()
    expect(page.get_by_text("sam@example.org")).to_have_count(0)


def test_officer_moderates_responses_approving_one_and_rejecting_another(
    seeded_server, officer, page, assert_accessible
):
    from plans.models import Plan
    from responses.models import Response
    from tests.arranging import comment_on

    plan = Plan.objects.get(slug="noms-third-sector-action-plan")
    section = plan.sections.get(number="3.5")
    agreed = comment_on(section, text="Publish this, please.").response
    declined = comment_on(section, text="Not for publication.").response
    Response.objects.filter(pk=declined.pk).update(publication_consent="withheld")
    page.goto(f"{seeded_server.url}/accounts/login/")
    page.fill("#id_username", "olivia")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    page.goto(f"{seeded_server.url}/work/")
    page.get_by_role("link", name=re.compile("Moderate the responses to NOMS")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Moderate responses")
    assert_accessible(page)
    page.get_by_label(f"Choose {agreed.reference}").check()
    page.get_by_role("button", name="Approve and publish those chosen").click()
    expect(page.get_by_text("Published 1 response.")).to_be_visible()
    page.get_by_label(f"Choose {declined.reference}").check()
    page.get_by_label("Why they are rejected (to reject)").fill("Its respondent declined")
    page.get_by_role("button", name="Reject those chosen").click()
    expect(page.get_by_text("Rejected 1 response: they will not be published.")).to_be_visible()
    expect(page.get_by_text("No response waits.")).to_be_visible()
    assert_accessible(page)
