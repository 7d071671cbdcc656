"""What the critique pages count of a plan: its comments by stance on each part, and the few most
recent on each (responses.counts, responses.selectors.recent_comment_ids).

Unfiltered, the counts are those the database keeps (responses.counts.plan_counts): one small
query, right in the transaction of every write, so the first reader after a submission reads
them as fast as the next. Filtered, they are counted live over the comments the filters choose
and kept in the cache under the plan's generation (which every write a reader could see bumps,
in its own transaction), what the reader may read and the filters; unless they are filtered by
the officers' reviews or tags, under the plan's critique generation, which a review or a tag
alone leaves as it is. The most recent comments on each part are kept the same way. A reader
who owns responses on the plan reads their own drafts too, which change without a bump: their
figures are counted afresh.
"""

import hashlib
import json
from dataclasses import dataclass

from coding.filters import MARK_FILTERS
from officers.permissions import reader_class
from responses.caching import kept, plan_key
from responses.counts import CommentCounts, comment_counts, plan_counts, stance_counts
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
    chosen = chosen_filters(comment_filter.form)

    def counted():
        if not chosen:
            return plan_counts(plan=plan, viewer=user, owns_responses=reader_owns_responses)
        return comment_counts(comments=comment_filter.qs)

    def figures(counts):
        if not recent:
            return PlanFigures(counts=counts, recent={})
        # A campaign's copies are previewed once.
        comments = comment_filter.qs
        shown = read_once(comments) if has_campaigns else comments
        latest = recent_comment_ids(plan=plan, comments=shown, counts=counts, per_part=recent)
        return PlanFigures(counts=counts, recent=latest)

    if reader_owns_responses:
        return figures(counted())
    key = _figures_key(user, plan, chosen, recent)
    if chosen:
        return kept(key, lambda: figures(counted()))
    # The kept counts cost one small query: only the most recent comments are cached.
    counts = counted()
    return PlanFigures(counts=counts, recent=kept(key, lambda: figures(counts).recent))


def part_figures(
    *, user, plan, comment_filter, on_part, part, of_counts, reader_owns_responses
) -> dict[str, int]:
    """How many of the comments on one part of the plan (`on_part`: those `comment_filter`
    chooses on it) there are of each stance. Unfiltered, from the counts the database keeps
    (`of_counts` picks the part's from the plan's CommentCounts); filtered, counted over the
    part's comments alone and kept as the plan's figures are, `part` telling the parts apart."""
    chosen = chosen_filters(comment_filter.form)
    if not chosen:
        counts = plan_counts(plan=plan, viewer=user, owns_responses=reader_owns_responses)
        return of_counts(counts)
    if reader_owns_responses:
        return stance_counts(on_part)
    key = _figures_key(user, plan, chosen, "-".join(str(name) for name in ("part", *part)))
    return kept(key, lambda: stance_counts(on_part))


def chosen_filters(form):
    """The filters the reader chose, as plain JSON ({} for none; "invalid" when they do not
    make sense)."""
    if not form.is_bound:
        return {}
    if not form.is_valid():
        return "invalid"
    # An unticked box (False) filters nothing, as an empty choice does.
    return {
        name: _canonical(value)
        for name, value in form.cleaned_data.items()
        if name != "sort" and value not in (None, "", [], (), False)
    }


def _figures_key(user, plan, chosen, what):
    filters = hashlib.sha256(json.dumps(chosen, sort_keys=True).encode()).hexdigest()
    # Figures filtered by the officers' own marks change with them; the others do not.
    by_annotations = chosen == "invalid" or any(chosen.get(name) for name in MARK_FILTERS)
    generation = plan.generation if by_annotations else plan.critique_generation
    return plan_key("figures", plan.pk, generation, reader_class(user), what, filters)


def _canonical(value):
    """A filter's cleaned value as plain JSON: objects by their primary key, lists sorted."""
    if isinstance(value, list | tuple):
        return sorted(_canonical(item) for item in value)
    return getattr(value, "pk", value)
