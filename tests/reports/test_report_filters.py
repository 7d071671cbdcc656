"""The report's filters: response status, submission dates and respondent kind, as GET
parameters; a value that makes no sense gets a 400 page saying what to correct."""

import datetime

import pytest

from responses.models import Respondent, Response
from tests.factories import UserFactory
from tests.page_text import visible_text
from tests.reports.arranging import comment_by
from tests.reports.readers import csv_rows, report_url

pytestmark = pytest.mark.django_db


def respondents_in(response):
    return {row["Respondent"] for row in csv_rows(response)}


@pytest.fixture
def responses(seed):
    """Besides the seed's published response: a submitted one, an older one, an individual's."""
    plan, _ = seed
    comment_by(plan, "Submitted Trust")
    comment_by(
        plan,
        "January Trust",
        status=Response.Status.PUBLISHED,
        submitted_on=datetime.date(2025, 1, 10),
    )
    comment_by(
        plan, "Pat Individual", status=Response.Status.PUBLISHED, kind=Respondent.Kind.INDIVIDUAL
    )
    return plan


def test_without_filters_the_report_holds_submitted_and_published_responses(
    admin_reader, responses
):
    assert respondents_in(admin_reader.get(report_url("csv"))) == {
        "Volunteering England",
        "Submitted Trust",
        "January Trust",
        "Pat Individual",
    }


def test_status_published_leaves_out_submitted_responses(admin_reader, responses):
    found = respondents_in(admin_reader.get(report_url("csv"), {"status": "published"}))

    assert "Submitted Trust" not in found
    assert "Volunteering England" in found


def test_status_submitted_reports_only_unpublished_responses(admin_reader, responses):
    found = respondents_in(admin_reader.get(report_url("csv"), {"status": "submitted"}))

    assert found == {"Submitted Trust"}


def test_submission_dates_include_both_ends(admin_reader, responses):
    on_the_day = {"submitted_from": "2025-01-10", "submitted_to": "2025-01-10"}

    assert respondents_in(admin_reader.get(report_url("csv"), on_the_day)) == {"January Trust"}


def test_submitted_from_leaves_out_older_responses(admin_reader, responses):
    found = respondents_in(admin_reader.get(report_url("csv"), {"submitted_from": "2025-01-11"}))

    assert "January Trust" not in found
    assert "Volunteering England" in found


def test_the_filter_forms_day_month_and_year_boxes_filter_as_a_whole_date_does(
    admin_reader, responses
):
    boxes = {"submitted_from_0": "11", "submitted_from_1": "1", "submitted_from_2": "2025"}
    found = respondents_in(admin_reader.get(report_url("csv"), boxes))

    assert "January Trust" not in found
    assert "Volunteering England" in found
    form = visible_text(admin_reader.get(report_url("html"), boxes))
    assert "Submitted on or after For example, 27 3 2027 Day Month Year" in form


def test_respondent_kind_reports_only_that_kind(admin_reader, responses):
    found = respondents_in(admin_reader.get(report_url("csv"), {"respondent_kind": "individual"}))

    assert found == {"Pat Individual"}


def test_filters_apply_to_the_html_report_and_are_listed(admin_reader, responses):
    page = admin_reader.get(
        report_url("html"), {"status": "published", "respondent_kind": "organisation"}
    )
    text = visible_text(page)

    assert "Responses: published" in text
    assert "Respondents: organisations only" in text
    assert "January Trust" in text
    assert "Submitted Trust" not in text
    assert "Pat Individual" not in text
    # On the site the page links the stylesheet; only a saved report carries its own.
    assert '<link rel="stylesheet"' in page.content.decode()


def test_a_draft_is_never_reported_not_even_the_admins_own(client, seed):
    plan, _ = seed
    administrator = UserFactory(admin=True)
    client.force_login(administrator)
    comment_by(plan, "Draft Society", status=Response.Status.DRAFT, owner=administrator)

    assert "Draft Society" not in respondents_in(client.get(report_url("csv")))
    assert "Draft Society" not in visible_text(client.get(report_url("html")))


def test_staff_who_may_not_read_submitted_responses_get_only_published_ones(client, responses):
    client.force_login(UserFactory(is_staff=True, permissions=["reports.export_report"]))

    assert "Submitted Trust" not in respondents_in(client.get(report_url("csv")))


@pytest.mark.parametrize("ext", ["html", "csv", "xlsx", "docx"])
def test_a_date_that_is_not_a_date_gets_400_saying_how_to_write_it(admin_reader, seed, ext):
    page = admin_reader.get(report_url(ext), {"submitted_from": "March 2025"})

    assert page.status_code == 400
    assert (
        "Enter ‘submitted on or after’ as a day, month and year, for example 27 3 2027."
        in visible_text(page)
    )


def test_an_impossible_date_gets_400(admin_reader, seed):
    page = admin_reader.get(report_url("csv"), {"submitted_to": "2025-02-30"})

    assert page.status_code == 400
    assert "Enter a real date for ‘submitted on or before’" in visible_text(page)


def test_dates_the_wrong_way_round_get_400(admin_reader, seed):
    page = admin_reader.get(
        report_url("html"), {"submitted_from": "2025-03-31", "submitted_to": "2025-03-01"}
    )

    assert page.status_code == 400
    assert "The ‘submitted to’ date must be the same as or after the ‘submitted from’ date." in (
        visible_text(page)
    )


def test_an_unknown_status_gets_400(admin_reader, seed):
    page = admin_reader.get(report_url("xlsx"), {"status": "draft"})

    assert page.status_code == 400
    assert "Choose which responses to report: submitted, published or both." in visible_text(page)


def test_an_unknown_respondent_kind_gets_400(admin_reader, seed):
    page = admin_reader.get(report_url("docx"), {"respondent_kind": "robot"})

    assert page.status_code == 400
    assert "Choose organisations, individuals, or both kinds of respondent." in visible_text(page)


@pytest.mark.parametrize(
    "dates",
    [
        {"submitted_to": "9999-12-31"},
        {"submitted_from": "9999-12-31"},
        {"submitted_to": "0001-01-01"},
    ],
)
def test_a_date_at_the_edge_of_the_calendar_gets_400_naming_the_dates_allowed(
    admin_reader, seed, dates
):
    page = admin_reader.get(report_url("html"), dates)

    assert page.status_code == 400
    assert "Enter a year between 1900 and 2999 for ‘submitted on or" in visible_text(page)
