"""The export log, read-only; and on the plans' admin, an action that exports a plan's report.

The action belongs to reports, so the plans' admin is re-registered here as a subclass of
plans.admin.PlanAdmin: everything it has (its inlines, its lists) stays as it is.
"""

from django.contrib import admin, messages

from plans import admin as plans_admin
from plans.models import Plan
from reports.downloads import report_download
from reports.filters import ReportFilters
from reports.models import ExportLog
from reports.permissions import can_export


@admin.register(ExportLog)
class ExportLogAdmin(admin.ModelAdmin):
    list_display = ["created_at", "user", "plan_slug", "format", "row_count", "filters_applied"]
    list_filter = ["format", "plan"]
    list_select_related = ["user", "plan"]
    date_hierarchy = "created_at"

    # Plans' titles are long; their slugs keep a row of the list to one line.
    @admin.display(description="plan", ordering="plan__slug")
    def plan_slug(self, log):
        return log.plan.slug

    @admin.display(description="filters")
    def filters_applied(self, log):
        applied = [f"{name}={value}" for name, value in log.filters.items() if value]
        return ", ".join(applied) or "none"

    # A log is a record of what happened: nobody adds, edits or deletes one by hand.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


admin.site.unregister(Plan)


@admin.register(Plan)
class PlanAdmin(plans_admin.PlanAdmin):
    actions = ["export_summary_xlsx"]

    def has_export_report_permission(self, request):
        return can_export(request.user)

    @admin.action(description="Export the summary report (XLSX)", permissions=["export_report"])
    def export_summary_xlsx(self, request, queryset):
        plans = list(queryset[:2])
        if len(plans) != 1:
            self.message_user(
                request,
                "Select one plan to export its summary report.",
                level=messages.WARNING,
            )
            return None
        return report_download(
            plan=plans[0], user=request.user, filters=ReportFilters(), format="xlsx"
        )
