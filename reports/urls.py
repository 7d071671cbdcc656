"""The summary report's URLs: /reports/<plan-slug>/summary.<html|csv|xlsx|docx>."""

from django.urls import path, register_converter

from reports import views
from reports.models import ExportLog


class ReportFormatConverter:
    """The report's formats as a file extension: summary.html, .csv, .xlsx, .docx."""

    regex = "|".join(ExportLog.Format.values)

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(ReportFormatConverter, "report_format")

app_name = "reports"
urlpatterns = [
    path("<slug:slug>/summary.<report_format:ext>", views.summary, name="summary"),
    path(
        "<slug:slug>/summary.<report_format:ext>/background/",
        views.make_in_background,
        name="make_in_background",
    ),
    path("jobs/<id:pk>/", views.job, name="job"),
    path("jobs/<id:pk>/download", views.job_download, name="job_download"),
]
