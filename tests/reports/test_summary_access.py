"""Only administrators may export the summary report: staff with reports.export_report."""

import pytest

from tests.factories import UserFactory
from tests.reports.readers import report_url

pytestmark = pytest.mark.django_db

FORMATS = ["html", "csv", "xlsx", "docx"]


@pytest.mark.parametrize("ext", FORMATS)
def test_anonymous_visitors_are_sent_to_sign_in(client, seed, ext):
    response = client.get(report_url(ext))

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={report_url(ext)}"


@pytest.mark.parametrize("ext", FORMATS)
def test_respondents_are_refused(client, seed, ext):
    client.force_login(UserFactory(respondent=True))

    assert client.get(report_url(ext)).status_code == 403


@pytest.mark.parametrize("ext", FORMATS)
def test_policy_officers_who_are_not_staff_are_refused(client, seed, ext):
    client.force_login(UserFactory(officer=True))

    assert client.get(report_url(ext)).status_code == 403


def test_staff_without_the_export_permission_are_refused(client, seed):
    client.force_login(UserFactory(is_staff=True))

    assert client.get(report_url("csv")).status_code == 403


def test_staff_with_the_export_permission_may_export(client, seed):
    client.force_login(UserFactory(is_staff=True, permissions=["reports.export_report"]))

    assert client.get(report_url("html")).status_code == 200


@pytest.mark.parametrize("ext", FORMATS)
def test_superusers_may_export_every_format(admin_reader, ext):
    assert admin_reader.get(report_url(ext)).status_code == 200


def test_an_unknown_plan_is_not_found(admin_reader):
    assert admin_reader.get(report_url("html", slug="no-such-plan")).status_code == 404


def test_an_unknown_format_is_not_found(admin_reader):
    assert admin_reader.get(report_url("pdf")).status_code == 404


def test_the_plan_page_offers_the_report_to_admins_only(client, seed):
    assert (
        "/reports/noms-third-sector-action-plan/summary.docx"
        not in client.get("/plans/noms-third-sector-action-plan/").content.decode()
    )
    client.force_login(UserFactory(admin=True))

    html = client.get("/plans/noms-third-sector-action-plan/").content.decode()

    for ext in ["html", "docx", "xlsx", "csv"]:
        assert f'href="/reports/noms-third-sector-action-plan/summary.{ext}"' in html
