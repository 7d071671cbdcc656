"""Read a page's GOV.UK error summary as a user would: each message and where its link goes."""

import re
from html import unescape


def error_summary_links(response):
    """[(link target, message)] from the page's error summary; [] when it has none."""
    html = response.content.decode() if hasattr(response, "content") else response
    summary = re.search(r'<div class="govuk-error-summary".*?</ul>', html, flags=re.S)
    if not summary:
        return []
    return [
        (target, unescape(message).strip())
        for target, message in re.findall(r'<a href="([^"]*)">(.*?)</a>', summary.group(0), re.S)
    ]


def page_title(response):
    return unescape(re.search(r"<title>(.*?)</title>", response.content.decode(), re.S)[1]).strip()
