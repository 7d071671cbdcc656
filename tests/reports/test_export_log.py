"""Every export of the summary report is logged: who, which plan, which format and filters,
and how many rows or comments it held."""

import pytest

from reports.models import ExportLog
from tests.factories import UserFactory
from tests.reports.readers import body, report_url

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("ext", "row_count"), [("html", 12), ("csv", 12), ("xlsx", 12), ("docx", 12)]
)
def test_each_export_is_logged_with_its_user_format_and_filters(client, seed, ext, row_count):
    administrator = UserFactory(admin=True)
    client.force_login(administrator)

    body(client.get(report_url(ext), {"status": "published", "submitted_to": "2099-12-31"}))

    log = ExportLog.objects.get()
    assert log.user == administrator
    assert log.plan == seed[0]
    assert log.format == ext
    assert log.filters == {
        "status": "published",
        "submitted_from": None,
        "submitted_to": "2099-12-31",
        "respondent_kind": None,
    }
    assert log.row_count == row_count


def test_a_csv_download_is_logged_before_its_rows_are_read(admin_reader):
    response = admin_reader.get(report_url("csv"))

    assert ExportLog.objects.get().row_count is None
    body(response)
    assert ExportLog.objects.get().row_count == 12


def test_refused_and_invalid_requests_are_not_logged(client, admin_reader):
    admin_reader.get(report_url("csv"), {"submitted_from": "yesterday"})
    client.logout()
    client.get(report_url("csv"))

    assert not ExportLog.objects.exists()
