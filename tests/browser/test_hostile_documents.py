"""Hostile documents seen as their sender sees them: the record form says why the file cannot be
read, and an import batch of them finishes with each one's reason in its review table, both
pages accessible."""

import pytest
from playwright.sync_api import expect

from tests.background import run_queued_tasks
from tests.browser.test_imports import OFFICER_PERMISSIONS, PLAN, screenshot, sign_in
from tests.factories import UserFactory
from tests.hostile import (
    email_of_nested_comment,
    pdf_of_repeated_stream,
    word_of_merged_rows,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def officer(seeded_server):
    return UserFactory(username="olivia", permissions=OFFICER_PERMISSIONS)


def test_the_record_form_says_why_a_hostile_email_cannot_be_read(
    seeded_server, officer, page, assert_accessible, tmp_path
):
    email = tmp_path / "response.eml"
    email.write_bytes(email_of_nested_comment())
    sign_in(page, seeded_server.url)

    page.goto(f"{seeded_server.url}/plans/{PLAN}/imports/record/")
    page.get_by_label("Who sent it").fill("Bell Trust")
    page.locator("input[type=file]").set_input_files(email)
    page.get_by_role("button", name="Record the response").click()

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text(
        "response.eml has a Content-Disposition header far longer than an email's"
    )
    assert_accessible(page)
    screenshot(page, "hostile-record-form")


def test_a_batch_of_hostile_documents_finishes_with_each_ones_reason(
    seeded_server, officer, page, assert_accessible, tmp_path
):
    files = {
        "nested.eml": email_of_nested_comment(),
        "drawn.pdf": pdf_of_repeated_stream(pages=1_000),
        "merged.docx": word_of_merged_rows(rows=250),
    }
    paths = []
    for name, content in files.items():
        (tmp_path / name).write_bytes(content)
        paths.append(tmp_path / name)
    sign_in(page, seeded_server.url)

    page.goto(f"{seeded_server.url}/plans/{PLAN}/imports/new/")
    page.locator("input[type=file]").set_input_files(paths)
    page.get_by_role("button", name="Read the documents").click()
    run_queued_tasks()
    page.reload()

    table = page.get_by_role("table", name="Documents that will not be imported, and why")
    expect(table).to_contain_text("nested.eml has a Content-Disposition header")
    expect(table).to_contain_text("drawn.pdf draws its text with more than 300,000 operators")
    assert_accessible(page)
    screenshot(page, "hostile-batch")
