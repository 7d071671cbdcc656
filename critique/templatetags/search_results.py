"""Drawing search results: a hit's text with the matching words marked."""

from django import template

from critique.search import highlighted

register = template.Library()


@register.simple_tag
def search_headline(comment, query):
    """A search hit's text, escaped, with the matching words marked."""
    return highlighted(getattr(comment, "headline", None) or comment.shown_text, query)
