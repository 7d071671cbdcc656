"""An officer imports a plan from its Word document, corrects the outline read from it and saves
it; and imports a batch of responses, reads each guess of who sent it, corrects one, leaves one
out and imports the rest: with JavaScript, where the page follows the work by itself, and
without it."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from intake.models import ImportBatch, ImportedDocument
from plans.models import Plan
from responses.models import Response
from tests.background import run_queued_tasks
from tests.documents.test_word import sample_plan_docx
from tests.factories import PASSWORD, UserFactory
from tests.intake.letters import mixed_responses, organisation

pytestmark = pytest.mark.django_db(transaction=True)

PLAN = "noms-third-sector-action-plan"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"
DESKTOP = {"width": 1280, "height": 720}  # pytest-playwright's viewport

# Browser tests empty the database between tests, the migrations' groups with it: grant the
# officers' permissions directly.
OFFICER_PERMISSIONS = [
    "plans.add_plan",
    "officers.annotate_comment",
    "responses.view_submitted_response",
    "responses.publish_response",
]


@pytest.fixture
def officer(seeded_server):
    return UserFactory(username="olivia", permissions=OFFICER_PERMISSIONS)


@pytest.fixture
def page_without_javascript(browser):
    context = browser.new_context(java_script_enabled=False, bypass_csp=True)
    yield context.new_page()
    context.close()


@pytest.fixture
def plan_document(tmp_path):
    path = tmp_path / "third-sector-action-plan.docx"
    path.write_bytes(sample_plan_docx())
    return path


@pytest.fixture
def response_files(tmp_path):
    """Four responses (an email, a Word, a PDF and a text letter) and a broken Word file."""
    files = {**mixed_responses(4), "broken.docx": b"PK\x03\x04 junk"}
    paths = []
    for name, content in files.items():
        path = tmp_path / name
        path.write_bytes(content)
        paths.append(path)
    return paths


def sign_in(page, url):
    page.goto(f"{url}/accounts/login/")
    page.fill("#id_username", "olivia")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).not_to_have_url(re.compile(r"/accounts/login/"))


def screenshot(page, name):
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"imports-{name}.png", full_page=True)


def on_a_phone(page):
    page.set_viewport_size({"width": 390, "height": 844})


def page_scrolls_sideways(page):
    return page.evaluate(
        "document.documentElement.scrollWidth > document.documentElement.clientWidth"
    )


def mark_page(page):
    """Marks the document in view: the mark is gone once the page has been reloaded."""
    page.evaluate("window.marginaliaTestMark = true")


def expect_reloaded(page):
    assert page.evaluate("window.marginaliaTestMark === undefined")


def reload_by_hand(page):
    """The officer reloads the page. Without JavaScript a page at work also reloads itself every
    few seconds: if its refresh starts at the same moment, it cuts ours short, and its own load
    is the reload."""
    try:
        page.reload()
    except PlaywrightError as error:
        if "ERR_ABORTED" not in str(error):
            raise
        page.wait_for_load_state()


# Importing a plan


def upload_plan(page, url, document):
    page.goto(f"{url}/plans/import/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Import a plan")
    page.get_by_label("Title of the plan").fill("Third Sector Action Plan")
    page.get_by_label("Upload the plan").set_input_files(document)
    page.get_by_role("button", name="Read the outline").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check the outline")


def outline_items(page):
    return page.locator("ol.marginalia-outline > li")


def test_officer_uploads_a_word_plan_splits_a_section_numbers_it_and_saves_the_plan(
    seeded_server, officer, page, plan_document, assert_accessible
):
    sign_in(page, seeded_server.url)
    page.goto(f"{seeded_server.url}/plans/import/")
    assert_accessible(page)
    screenshot(page, "plan-upload")

    upload_plan(page, seeded_server.url, plan_document)

    expect(page.get_by_text("We found 7 sections under 3 themes.")).to_be_visible()
    expect(outline_items(page)).to_have_count(7)
    expect(outline_items(page).nth(2)).to_contain_text("1.2 Sub-contracting and consortia")
    # A section's first words end in an ellipsis only where its wording goes on.
    expect(outline_items(page).nth(1)).to_contain_text("the involvement of voluntary …")
    expect(outline_items(page).nth(6)).to_contain_text("through open competition. Theme: Money")
    expect(page.locator("#section-5 legend")).to_have_text("Section 2.1.1: Training mentors")
    assert not Plan.objects.exclude(slug=PLAN).exists()  # nothing saved yet
    assert_accessible(page)
    screenshot(page, "plan-outline")

    purpose = page.locator("#section-1")
    expect(purpose.locator("legend")).to_have_text("Section 1.1: Purpose")
    purpose.get_by_text("Split this section").click()
    purpose.get_by_role("button", name=re.compile(r"^New section from “A second paragraph")).click()

    expect(outline_items(page)).to_have_count(8)
    expect(outline_items(page).nth(2)).to_contain_text("(no number)")
    unnumbered = page.locator("#section-2")
    expect(unnumbered.locator("legend")).to_have_text("Section without a number")
    expect(unnumbered.get_by_label("Wording")).to_have_value(
        re.compile(r"^A second paragraph of the purpose")
    )
    expect(purpose.get_by_label("Wording")).not_to_have_value(re.compile("A second paragraph"))
    assert_accessible(page)
    screenshot(page, "plan-outline-split")

    unnumbered.get_by_label("Number", exact=True).fill("1.1.1")
    unnumbered.get_by_label("Heading", exact=True).fill("More on the purpose")
    page.get_by_role("button", name="Save the plan").first.click()

    expect(page).to_have_url(f"{seeded_server.url}/plans/third-sector-action-plan/")
    expect(page.get_by_text("Third Sector Action Plan is saved with 8 sections.")).to_be_visible()
    for number in ["1.1", "1.1.1", "1.2", "2.1.1", "3"]:
        expect(page.locator(f"#section-{re.escape(number)}")).to_have_count(1)
    expect(page.locator("#section-1\\.1\\.1")).to_contain_text("A second paragraph of the purpose")
    assert_accessible(page)
    screenshot(page, "plan-saved")

    plan = Plan.objects.get(slug="third-sector-action-plan")
    assert [section.number for section in plan.sections.in_natural_order()] == [
        "1", "1.1", "1.1.1", "1.2", "2", "2.1", "2.1.1", "3"
    ]  # fmt: skip
    section = plan.sections.get(number="1.1.1")
    assert (section.heading, section.parent.number) == ("More on the purpose", "1.1")


def test_officer_uploads_and_saves_a_word_plan_without_javascript(
    seeded_server, officer, page_without_javascript, plan_document
):
    page = page_without_javascript
    sign_in(page, seeded_server.url)

    upload_plan(page, seeded_server.url, plan_document)

    expect(outline_items(page)).to_have_count(7)
    screenshot(page, "plan-outline-without-javascript")
    page.get_by_role("button", name="Save the plan").last.click()

    expect(page).to_have_url(f"{seeded_server.url}/plans/third-sector-action-plan/")
    expect(page.locator("#section-1\\.2")).to_contain_text("Sub-contracting and consortia")
    plan = Plan.objects.get(slug="third-sector-action-plan")
    assert plan.sections.count() == 7


# Importing responses


def upload_responses(page, url, files):
    page.goto(f"{url}/plans/{PLAN}/imports/new/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Import responses")
    page.get_by_label("Documents").set_input_files(files)
    page.get_by_label("Post").check()
    received = page.get_by_role("group", name="Date received (optional)")
    received.get_by_label("Day").fill("20")
    received.get_by_label("Month").fill("11")
    received.get_by_label("Year").fill("2026")
    page.get_by_role("button", name="Read the documents").click()
    expect(page).to_have_url(re.compile(r"/imports/\d+/$"))
    expect(page.get_by_role("heading", name="0 of 5 documents read")).to_be_visible()
    expect(page.locator("progress")).to_have_attribute("max", "5")
    expect(page.locator("progress")).to_have_attribute("value", "0")


def imported():
    return Response.objects.exclude(source_sha256=None)


def not_imported(page):
    return page.locator("table", has=page.locator("caption", has_text="will not be imported"))


def correct_one_and_leave_one_out(page):
    rows = page.locator("table.marginalia-review-table tbody tr")
    expect(rows).to_have_count(4)
    expect(page.get_by_label("Respondent of response-001.pdf", exact=True)).to_have_value(
        organisation(1)
    )
    expect(page.get_by_label("Respondent of response-004.docx", exact=True)).to_have_value(
        organisation(4)
    )
    page.get_by_label("Respondent of response-001.pdf", exact=True).fill(
        "Riverside Network (corrected)"
    )
    page.get_by_label("Import response-002.txt").uncheck()
    page.get_by_role("button", name="Import 4 responses").click()


def expect_imported(page):
    expect(page.get_by_role("heading", name="Imported", exact=True)).to_be_visible()
    done = page.locator("h2:text-is('Imported') + ul")
    expect(done.locator("li")).to_have_count(3)
    expect(done.locator("li").first).to_contain_text(re.compile(r"^\s*NOMS-TSAP-\d{6} – "))
    expect(done).to_contain_text("Riverside Network (corrected) (response-001.pdf)")
    expect(not_imported(page)).to_contain_text("broken.docx: the Word file could not be read.")
    expect(not_imported(page)).to_contain_text("response-002.txt Left out at review.")

    references = sorted(imported().values_list("reference", flat=True))
    assert len(references) == 3
    for reference in references:
        expect(done).to_contain_text(reference)
    response = imported().get(respondent__name="Riverside Network (corrected)")
    assert (response.channel, str(response.received_on)) == ("post", "2026-11-20")
    left_out = ImportedDocument.objects.get(filename="response-002.txt")
    assert (left_out.state, left_out.response) == (ImportedDocument.State.SKIPPED, None)


def test_officer_imports_responses_and_the_page_follows_the_work_by_itself(
    seeded_server, officer, page, response_files, assert_accessible
):
    sign_in(page, seeded_server.url)
    page.goto(f"{seeded_server.url}/plans/{PLAN}/imports/new/")
    assert_accessible(page)
    screenshot(page, "responses-upload")

    upload_responses(page, seeded_server.url, response_files)
    assert_accessible(page)
    screenshot(page, "responses-reading")

    mark_page(page)
    assert run_queued_tasks() >= 1

    # The page's script sees the stage change and reloads the page: the test does not.
    expect(page.get_by_role("heading", name="Check who sent each response")).to_be_visible(
        timeout=10_000
    )
    expect_reloaded(page)
    expect(page.locator("progress")).to_have_count(0)
    expect(not_imported(page)).to_contain_text("broken.docx: the Word file could not be read.")
    assert_accessible(page)
    screenshot(page, "responses-review")
    on_a_phone(page)
    screenshot(page, "responses-review-phone")
    assert page_scrolls_sideways(page) is False  # the table scrolls in its own region
    page.set_viewport_size(DESKTOP)

    correct_one_and_leave_one_out(page)
    expect(page.get_by_text("The import has started.")).to_be_visible()
    expect(page.get_by_role("heading", name="0 of 3 documents imported")).to_be_visible()
    assert_accessible(page)
    mark_page(page)
    assert run_queued_tasks() >= 1

    expect(page.get_by_role("heading", name="Imported", exact=True)).to_be_visible(timeout=10_000)
    expect_reloaded(page)
    expect_imported(page)
    assert_accessible(page)
    screenshot(page, "responses-imported")
    assert ImportBatch.objects.get().stage == ImportBatch.Stage.DONE


def test_officer_imports_responses_without_javascript_by_reloading_the_page(
    seeded_server, officer, page_without_javascript, response_files
):
    page = page_without_javascript
    sign_in(page, seeded_server.url)

    upload_responses(page, seeded_server.url, response_files)

    # At work, the page reloads itself: a refresh the browser follows only without JavaScript.
    assert re.search(
        r'<noscript><meta http-equiv="refresh" content="\d+"></noscript>', page.content()
    )
    expect(page.locator("head noscript > meta[http-equiv='refresh']")).to_have_count(1)
    screenshot(page, "responses-reading-without-javascript")

    run_queued_tasks()
    reload_by_hand(page)

    expect(page.get_by_role("heading", name="Check who sent each response")).to_be_visible()
    expect(page.locator("meta[http-equiv='refresh']")).to_have_count(0)
    screenshot(page, "responses-review-without-javascript")
    correct_one_and_leave_one_out(page)
    expect(page.get_by_role("heading", name="0 of 3 documents imported")).to_be_visible()
    expect(page.locator("head noscript > meta[http-equiv='refresh']")).to_have_count(1)

    run_queued_tasks()
    reload_by_hand(page)

    expect_imported(page)
    expect(page.locator("meta[http-equiv='refresh']")).to_have_count(0)
    screenshot(page, "responses-imported-without-javascript")
