"""What the critique pages count of a plan: its comments by stance on each part, and the few most
recent on each (responses.overview.comment_counts, responses.selectors.recent_comment_ids).

Counting reads every comment the reader may read, so the figures are kept in the cache under the
plan's generation (which every write a reader could see bumps, in its own transaction), what the
reader may read (the public's, or also the submitted responses) and the filters. Unless they are
filtered by the officers' reviews or tags, they are kept under the plan's critique generation,
which a review or a tag alone leaves as it is: an officer's mark does not cost a recount. A
reader who owns responses on the plan reads their own drafts too, which change without a bump:
their figures are counted afresh.
"""

import hashlib
import json
from dataclasses import dataclass

from officers.filters import ANNOTATION_FILTERS
from officers.permissions import reader_class
from responses.caching import kept, plan_key
from responses.overview import CommentCounts, comment_counts
from responses.selectors import read_once, recent_comment_ids


@dataclass(frozen=True)
class PlanFigures:
    counts: CommentCounts
    recent: dict


def plan_figures(
    *, user, plan, comment_filter, has_campaigns, reader_owns_responses, recent=0
) -> PlanFigures:
    """The figures of the plan's comments that `comment_filter` (over those `user` may read)
    chooses; with `recent`, that many of the most recent comments on each part too. Whether the
    plan has campaigns and the reader owns responses to it come from the page's reading
    (critique.reading.PlanReading)."""

    def count():
        comments = comment_filter.qs
        counts = comment_counts(comments=comments)
        # A campaign's copies are previewed once.
        shown = read_once(comments) if has_campaigns else comments
        latest = (
            recent_comment_ids(plan=plan, comments=shown, counts=counts, per_part=recent)
            if recent
            else {}
        )
        return PlanFigures(counts=counts, recent=latest)

    if reader_owns_responses:
        return count()
    return kept(_figures_key(user, plan, comment_filter, recent), count)


def _figures_key(user, plan, comment_filter, recent):
    form = comment_filter.form
    if not form.is_bound:  # no filters asked
        chosen = {}
    elif form.is_valid():
        chosen = {
            name: _canonical(value) for name, value in form.cleaned_data.items() if name != "sort"
        }
    else:
        chosen = "invalid"
    filters = hashlib.sha256(json.dumps(chosen, sort_keys=True).encode()).hexdigest()
    # Figures filtered by the officers' own marks change with them; the others do not.
    by_annotations = chosen == "invalid" or any(chosen.get(name) for name in ANNOTATION_FILTERS)
    generation = plan.generation if by_annotations else plan.critique_generation
    return plan_key("figures", plan.pk, generation, reader_class(user), recent, filters)


def _canonical(value):
    """A filter's cleaned value as plain JSON: objects by their primary key, lists sorted."""
    if isinstance(value, list | tuple):
        return sorted(_canonical(item) for item in value)
    return getattr(value, "pk", value)
