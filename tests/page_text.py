"""What a reader sees of a page, for assertions that do not depend on markup."""

import re
from html import unescape


def visible_text(response):
    """The page's text with tags removed and whitespace collapsed, as a reader would read it."""
    html = response.content.decode() if hasattr(response, "content") else response
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def section_block(html, number):
    """The text of one section's block on the plan page: its wording and its critique."""
    match = re.search(
        rf'<section[^>]*id="section-{re.escape(number)}".*?</section>', html, flags=re.S
    )
    assert match, f"no block for section {number}"
    return unescape(match.group(0))
