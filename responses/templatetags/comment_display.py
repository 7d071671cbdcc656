"""Template filters that draw the critique: quoted wording highlighted in a section's text,
stances as coloured tags, and the respondent's name as the reader may know it."""

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from responses.models import Comment
from responses.overview import STANCE_COLOURS

register = template.Library()


def _quoted_spans(text, quotes):
    """Character spans of `text` that the quotes select, merged where they overlap."""
    spans = []
    for quote in quotes:
        start = text.find(f"{quote.prefix}{quote.exact}{quote.suffix}")
        if quote.exact and start != -1:
            start += len(quote.prefix)
            spans.append((start, start + len(quote.exact)))
    merged = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


@register.filter
def highlight_quotes(text, quotes):
    """`text`, escaped, with each passage a TextQuoteSelector selects wrapped in <mark>."""
    pieces = []
    position = 0
    for start, end in _quoted_spans(text, quotes or []):
        pieces.append(escape(text[position:start]))
        pieces.append(format_html('<mark class="marginalia-quote">{}</mark>', text[start:end]))
        position = end
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))


@register.filter
def stance_tag_class(stance):
    """The GOV.UK tag modifier that colours a stance, e.g. 'govuk-tag--red' for a concern."""
    return f"govuk-tag--{STANCE_COLOURS.get(stance, 'grey')}"


@register.filter
def sections_besides(comment, section):
    """The sections `comment` critiques other than `section` (all of them when there is none),
    for 'Also critiques: 1.3, 3.5'."""
    return [other for other in comment.linked_sections if section is None or other.pk != section.pk]


@register.filter
def stance_summary(stance_counts, section_id):
    """A section's non-zero counts by stance, as (stance, label, count), from the mapping
    stance_counts_by_section gives (or one section's counts when `section_id` is None)."""
    counts = stance_counts.get(section_id, {}) if section_id is not None else stance_counts
    labels = dict(Comment.Stance.choices)
    return [(stance, labels[stance], count) for stance, count in counts.items() if count]


@register.filter
def text_shown_to(comment, user):
    """The comment's words as `user` may read them, redactions laid over them for all but
    officers and the owner: Comment.text_shown_to."""
    return comment.text_shown_to(user)


@register.filter
def name_shown_to(response, user):
    """The respondent's name as `user` may read it: Response.name_shown_to."""
    return response.name_shown_to(user)


@register.filter
def name_hidden_from(response, user):
    return response.name_hidden_from(user)
