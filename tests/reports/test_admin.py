"""The admin: the export log, read-only; and the plans' action that exports a plan's report."""

import pytest

from reports.models import ExportLog
from tests.factories import ExportLogFactory, PlanFactory, UserFactory
from tests.reports.readers import sheet_rows, workbook

pytestmark = pytest.mark.django_db

ACTION = "export_summary_xlsx"


def run_action(client, plans):
    return client.post(
        "/admin/plans/plan/",
        {"action": ACTION, "_selected_action": [plan.pk for plan in plans]},
        follow=True,
    )


def test_plan_list_offers_the_export_action(admin_reader):
    assert (
        "Export the summary report (XLSX)"
        in admin_reader.get("/admin/plans/plan/").content.decode()
    )


def test_the_action_returns_the_selected_plans_workbook(admin_reader, seed):
    response = admin_reader.post(
        "/admin/plans/plan/", {"action": ACTION, "_selected_action": [seed[0].pk]}
    )

    assert response["Content-Disposition"].endswith('.xlsx"')
    rows = sheet_rows(workbook(response)["Comments"])
    assert rows[1]["Quoted wording"] == "considered"
    assert ExportLog.objects.get().format == "xlsx"


def test_the_action_asks_for_one_plan_when_several_are_selected(admin_reader, seed):
    page = run_action(admin_reader, [seed[0], PlanFactory()])

    assert "Select one plan to export its summary report." in page.content.decode()
    assert not ExportLog.objects.exists()


def test_the_plan_page_keeps_its_themes_and_sections_inline(admin_reader, seed):
    html = admin_reader.get(f"/admin/plans/plan/{seed[0].pk}/change/").content.decode()

    assert 'value="1.11"' in html
    assert 'value="Strengthening communities"' in html


def test_the_export_log_is_listed_and_cannot_be_edited(client, seed):
    administrator = UserFactory(admin=True)
    client.force_login(administrator)
    log = ExportLogFactory(user=administrator, plan=seed[0], row_count=12)

    listing = client.get("/admin/reports/exportlog/")
    change = client.post(f"/admin/reports/exportlog/{log.pk}/change/", {"format": "docx"})

    assert listing.status_code == 200
    assert "noms-third-sector-action-plan" in listing.content.decode()
    assert client.get("/admin/reports/exportlog/add/").status_code == 403
    assert change.status_code == 403
    log.refresh_from_db()
    assert log.format == "csv"
