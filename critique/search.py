"""Searching comments by their words and their respondents' names.

On PostgreSQL: full-text search over the stored, trigger-maintained Comment.search_vector
(English configuration), ranked, with the matches highlighted by SearchHeadline. On SQLite,
which has no full-text search here, a plain case-insensitive contains search.
"""

import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Func, Q, Value
from django.utils.html import escape
from django.utils.safestring import mark_safe

from marginalia.text import without_control_characters
from responses.models import Response, shown_respondent_name
from responses.ordering import reading_order

# SearchHeadline marks matches with these; text is stored without control characters
# (marginalia.text), so the comment can be escaped first and the marks turned into <mark> after.
MATCH_START, MATCH_END = "\x02", "\x03"
# marginalia.text's control characters, in PostgreSQL's regular expressions (NUL cannot be sent).
SQL_CONTROL_CHARACTERS = r"[\x01-\x08\x0b-\x1f\x7f-\x9f]"


# Counting every match of a common word would read them all: beyond this, "more than".
COUNT_CAP = 10_000


@dataclass(frozen=True)
class CappedCount:
    shown: int  # the matches that can be paged through
    more: bool  # whether there are more than COUNT_CAP


def capped_count(results):
    """How many `results` there are, counting no further than one past COUNT_CAP."""
    counted = results.order_by().values("pk")[: COUNT_CAP + 1].count()
    return CappedCount(shown=min(counted, COUNT_CAP), more=counted > COUNT_CAP)


def full_text_search_available():
    return connection.vendor == "postgresql"


def search_comments(*, comments, query, viewer):
    """`comments` (those `viewer` may read: `visible_comments`) that match `query` by their
    words or their respondent's name, best first (ranked by their stored search vector)."""
    # By the name the viewer may read, so nobody finds a name that publishing hid from them.
    # Names are matched on the responses, a table far smaller than the comments, first: the
    # comments are then read once, by two conditions an index answers (their words through the
    # search vector's, their responses through the response's), and a count capped at
    # COUNT_CAP stops reading once it has that many.
    named = (
        Response.objects.annotate(shown_name=shown_respondent_name(viewer))
        .filter(shown_name__icontains=query)
        .values_list("pk", flat=True)
    )
    name_matches = Q(response_id__in=list(named))
    if full_text_search_available():
        words = _words(query)
        return (
            comments.filter(Q(search_vector=words) | name_matches)
            .annotate(rank=SearchRank(F("search_vector"), words))
            .order_by("-rank", *reading_order())
        )
    # The words the reader may read: a redacted word finds nothing for the public.
    return comments.filter(Q(shown_text__icontains=query) | name_matches)


def _words(query):
    return SearchQuery(query, config="english", search_type="websearch")


def with_headlines(comments, query):
    """`comments` found by `query`, each annotated with `headline`: its text with the matches
    marked (on SQLite, its text: `highlighted` marks it)."""
    if not full_text_search_available():
        return comments.annotate(headline=F("shown_text"))
    return comments.annotate(
        headline=SearchHeadline(
            # Text stored before marginalia.text's rule may hold the marks themselves.
            Func(
                F("shown_text"),
                Value(SQL_CONTROL_CHARACTERS),
                Value(""),
                Value("g"),
                function="regexp_replace",
            ),
            _words(query),
            config="english",
            start_sel=MATCH_START,
            stop_sel=MATCH_END,
            highlight_all=True,
        )
    )


class RankedResults:
    """Search results to paginate, read a page at a time in one query: the page's ids chosen
    in rank order by a narrow subquery (ids, ranks and reading order, however long the
    comments), and only that page's comments read whole, as `shown(comments)` draws them
    (headlines, links, annotations)."""

    def __init__(self, results, *, shown):
        self.results = results
        self.shown = shown

    def __getitem__(self, index):
        if not isinstance(index, slice):
            raise TypeError("Results are read a page at a time.")
        page = self.results.values("pk")[index]
        return list(self.shown(self.results.filter(pk__in=page)))


def highlighted(headline, query):
    """The headline as safe HTML: escaped, with matches in <mark> (on SQLite, the query's words
    found case-insensitively)."""
    if not full_text_search_available():
        headline = without_control_characters(headline)  # typed before the rule, perhaps
        words = [re.escape(word) for word in query.split() if word]
        if words:
            pattern = re.compile("(" + "|".join(words) + ")", re.IGNORECASE)
            headline = pattern.sub(
                lambda match: f"{MATCH_START}{match.group(0)}{MATCH_END}", headline
            )
    html = escape(headline).replace(MATCH_START, '<mark class="marginalia-quote">')
    return mark_safe(html.replace(MATCH_END, "</mark>"))
