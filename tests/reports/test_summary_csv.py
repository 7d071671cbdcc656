"""The summary report as CSV: one row per comment–section link, sections in natural order, then
comments on themes and the whole plan; UTF-8 with a byte-order mark; streamed."""

import pytest

from officers.models import Review
from responses.models import Respondent, Response
from tests.factories import TagFactory, UserFactory
from tests.reports.arranging import comment_by
from tests.reports.readers import SEED_SECTIONS, body, csv_rows, report_url

pytestmark = pytest.mark.django_db


def test_csv_starts_with_a_byte_order_mark_so_excel_reads_utf8(admin_reader):
    response = admin_reader.get(report_url("csv"))

    assert body(response).startswith(b"\xef\xbb\xbfPlan,Section number,Section heading,")
    assert response["Content-Type"] == "text/csv; charset=utf-8"


def test_csv_is_streamed_as_an_attachment_named_for_the_plan(admin_reader):
    response = admin_reader.get(report_url("csv"))

    assert response.streaming
    assert response["Content-Disposition"].startswith(
        'attachment; filename="noms-third-sector-action-plan-summary-'
    )
    assert response["Content-Disposition"].endswith('.csv"')


def test_csv_lists_the_seed_sections_in_natural_order_then_unlinked_comments(admin_reader):
    rows = csv_rows(admin_reader.get(report_url("csv")))

    numbers = [row["Section number"] for row in rows]
    assert numbers == ["1.3", "1.11", "1.15", "2.8", "3.5", "3.5", "", "", "", "", "", ""]
    assert list(dict.fromkeys(number for number in numbers if number)) == SEED_SECTIONS


def test_the_1_11_row_quotes_considered(admin_reader):
    rows = csv_rows(admin_reader.get(report_url("csv")))

    row = next(row for row in rows if row["Section number"] == "1.11")
    assert row["Quoted wording"] == "considered"
    assert row["Stance"] == "Concern"
    assert row["Respondent"] == "Volunteering England"
    assert row["Respondent kind"] == "Organisation"
    assert row["Response reference"] == "NOMS-TSAP-000001"
    assert row["Response status"] == "Published"
    assert row["Comment position"] == "3"
    assert "‘encouraged’ rather than simply ‘considered’" in row["Comment"]


def test_a_comment_on_both_themes_is_one_row_naming_them(admin_reader):
    rows = csv_rows(admin_reader.get(report_url("csv")))

    row = next(row for row in rows if row["Comment position"] == "2")
    assert row["Section number"] == ""
    assert row["Themes"] == "Strengthening communities; Transforming public services"


def test_a_comment_on_two_sections_is_a_row_for_each(admin_reader, seed):
    plan, _ = seed
    comment = comment_by(plan, "Two Sections Trust", section="1.3", text="On 1.3 and 2.8.")
    comment.section_links.create(section=plan.sections.get(number="2.8"))

    rows = csv_rows(admin_reader.get(report_url("csv")))

    assert [row["Section number"] for row in rows if row["Respondent"] == "Two Sections Trust"] == [
        "1.3",
        "2.8",
    ]


def test_admins_read_officers_columns_with_the_internal_note(admin_reader, seed):
    _, response = seed
    comment = response.comments.get(position=3)
    Review.objects.create(
        comment=comment,
        status=Review.Status.ACTED_ON,
        plan_change="1.11 now says encouraged",
        note="Raised with the policy lead",
    )
    comment.comment_tags.create(tag=TagFactory(name="commissioning"))

    row = next(
        row
        for row in csv_rows(admin_reader.get(report_url("csv")))
        if row["Comment position"] == "3"
    )

    assert row["Review status"] == "Acted on"
    assert row["Plan change"] == "1.11 now says encouraged"
    assert row["Internal note"] == "Raised with the policy lead"
    assert row["Tags"] == "commissioning"


def test_proposed_wording_and_submission_time_are_in_their_columns(admin_reader, seed):
    plan, _ = seed
    comment_by(
        plan, "Wording Trust", stance="recommendation", proposed_wording="will be encouraged"
    )

    row = next(
        row
        for row in csv_rows(admin_reader.get(report_url("csv")))
        if row["Respondent"] == "Wording Trust"
    )

    assert row["Proposed wording"] == "will be encouraged"
    assert row["Submitted at"].endswith(" 12:00:00")
    assert row["Response status"] == "Submitted"


def test_a_hidden_individual_is_named_for_admins(admin_reader, seed):
    plan, _ = seed
    comment = comment_by(
        plan, "Pat Example", status=Response.Status.PUBLISHED, kind=Respondent.Kind.INDIVIDUAL
    )
    Response.objects.filter(pk=comment.response_id).update(hide_respondent_name=True)

    names = {row["Respondent"] for row in csv_rows(admin_reader.get(report_url("csv")))}

    assert "Pat Example" in names
    assert "Individual respondent" not in names


def test_staff_who_do_not_annotate_get_public_names_and_no_officers_columns(client, seed):
    plan, _ = seed
    comment = comment_by(
        plan, "Pat Example", status=Response.Status.PUBLISHED, kind=Respondent.Kind.INDIVIDUAL
    )
    Response.objects.filter(pk=comment.response_id).update(hide_respondent_name=True)
    client.force_login(UserFactory(is_staff=True, permissions=["reports.export_report"]))

    rows = csv_rows(client.get(report_url("csv")))

    assert "Individual respondent" in {row["Respondent"] for row in rows}
    assert "Pat Example" not in {row["Respondent"] for row in rows}
    assert "Internal note" not in rows[0]
    assert "Review status" not in rows[0]
