"""The summary report as a web page, printable: templates/reports/summary.html."""

from functools import cache

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

STYLESHEET = "build/marginalia.css"


def render_html(report, *, request=None, form=None) -> str:
    """The report's page. With a `request` it is the site's page, with the filter form and
    download links; without one (the command, a report made in the background) it is the same
    report, ready to save: its stylesheet is inside it, so the file reads as the page does
    when opened from a disk or an email."""
    return render_to_string(
        "reports/summary.html",
        {
            "report": report,
            "plan": report.plan,
            "form": form,
            "inline_stylesheet": None if request else _stylesheet(),
        },
        request=request,
    )


@cache
def _stylesheet():
    path = finders.find(STYLESHEET)
    with open(path, encoding="utf-8") as css:
        return css.read()
