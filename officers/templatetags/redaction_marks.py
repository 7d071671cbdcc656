"""The comment as an officer reads it on the annotate page: what the respondent wrote, with the
words redacted for the public and those the personal data finder found marked in it."""

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from officers.models import Redaction

register = template.Library()

MARKS = {
    Redaction.State.REDACTED: "marginalia-redacted",
    Redaction.State.PROPOSED: "marginalia-found",
}


@register.filter
def with_redactions_marked(text, redactions):
    """`text`, escaped, each redacted or found place wrapped in a <mark> saying which."""
    places = sorted(
        (r.start, r.end, r.state)
        for r in redactions
        if r.state in MARKS and text[r.start : r.end] == r.exact
    )
    pieces, position = [], 0
    for start, end, state in places:
        if start < position:
            continue
        label = "redacted" if state == Redaction.State.REDACTED else "found: to decide"
        pieces.append(escape(text[position:start]))
        pieces.append(
            format_html(
                '<mark class="{}">{}<span class="govuk-visually-hidden"> ({})</span></mark>',
                MARKS[state],
                text[start:end],
                label,
            )
        )
        position = end
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))
