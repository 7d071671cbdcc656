"""The summary report as a web page, printable: templates/reports/summary.html."""

from django.template.loader import render_to_string


def render_html(report, *, request=None, form=None) -> str:
    """The report's page. With a `request` it is the site's page, with the filter form and
    download links; without one (the command) it is the same report, ready to save."""
    return render_to_string(
        "reports/summary.html",
        {"report": report, "plan": report.plan, "form": form},
        request=request,
    )
