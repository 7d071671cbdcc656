"""How many comments are on each part of a plan, by stance: counted live over any comments (a
reader's filtered ones, a report's), or read from the counts the database keeps
(`CommentCount`, kept by triggers in the transaction of every write: migration 0012), which
cost one small query however many comments a plan gathers.

A reader's unfiltered figures are the kept ones, of the statuses they read, and their own
responses' counted live (a respondent's draft is counted for no one else).
"""

from dataclasses import dataclass

from django.db.models import Count, Q, Sum, Value

from responses.models import (
    ASKING_STANCES,
    Comment,
    CommentCount,
    SectionLink,
    ThemeLink,
    statuses_read_by,
)


@dataclass(frozen=True)
class CommentCounts:
    """How many distinct comments critique each section, each theme and the plan as a whole,
    by stance: `sections[section_id][stance]`, `themes[theme_id][stance]`, `general[stance]`;
    what nobody commented on is missing (count zero). `every[stance]` counts every comment."""

    sections: dict[int, dict[str, int]]
    themes: dict[int, dict[str, int]]
    general: dict[str, int]
    every: dict[str, int]

    @property
    def total(self):
        """Distinct comments in all."""
        return sum(self.every.values())

    def of_section(self, section_id):
        return _all_stances(self.sections.get(section_id, {}))

    def of_theme(self, theme_id):
        return _all_stances(self.themes.get(theme_id, {}))

    def of_plan(self):
        return _all_stances(self.general)

    def add(self, kind, target, stance, count):
        """Count `count` more comments of `stance` on a part: a section or a theme (`kind` and
        its id `target`), the whole plan ("plan") or among every comment ("every")."""
        if not count:
            return
        if kind == CommentCount.Part.PLAN:
            stances = self.general
        elif kind == CommentCount.Part.EVERY:
            stances = self.every
        else:
            stances = getattr(self, f"{kind}s").setdefault(target, {})
        stances[stance] = stances.get(stance, 0) + count

    def __add__(self, other):
        """The counts of two sets of comments that share none."""
        both = _empty()
        for counts in (self, other):
            for kind, target, stance, count in counts.rows():
                both.add(kind, target, stance, count)
        return both

    def rows(self):
        """(part, id, stance, count) of each part and stance with comments."""
        for kind, parts in (("section", self.sections), ("theme", self.themes)):
            for target, stances in parts.items():
                for stance, count in stances.items():
                    yield kind, target, stance, count
        for kind, stances in (("plan", self.general), ("every", self.every)):
            for stance, count in stances.items():
                yield kind, 0, stance, count


def _all_stances(counts):
    return {stance: counts.get(stance, 0) for stance in Comment.Stance.values}


def _empty():
    return CommentCounts(sections={}, themes={}, general={}, every={})


def comment_counts(*, comments) -> CommentCounts:
    """The distinct `comments` (those the viewer may read, perhaps filtered) on each part of
    their plan, by stance, grouped by the database in one query however many comments there are.
    A comment quoting two passages of a section counts once for it."""
    chosen = comments.order_by().values("pk")
    on_sections = (
        SectionLink.objects.filter(comment__in=chosen)
        .values_list(Value("section"), "section_id", "comment__stance")
        .annotate(count=Count("comment_id", distinct=True))
        .order_by()
    )
    on_themes = (
        ThemeLink.objects.filter(comment__in=chosen)
        .values_list(Value("theme"), "theme_id", "comment__stance")
        .annotate(count=Count("comment_id"))
        .order_by()
    )
    on_plan = (
        Comment.objects.filter(pk__in=chosen)
        .on_the_whole_plan()
        .values_list(Value("plan"), Value(0), "stance")
        .annotate(count=Count("pk"))
        .order_by()
    )
    every = (
        Comment.objects.filter(pk__in=chosen)
        .values_list(Value("every"), Value(0), "stance")
        .annotate(count=Count("pk"))
        .order_by()
    )
    counts = _empty()
    for kind, target, stance, count in on_sections.union(on_themes, on_plan, every, all=True):
        counts.add(kind, target, stance, count)
    return counts


def stance_counts(comments) -> dict[str, int]:
    """How many of `comments` (one part's, say, filtered) there are of each stance: one grouped
    query over them alone."""
    counted = dict(comments.order_by().values_list("stance").annotate(count=Count("pk")))
    return _all_stances(counted)


def kept_counts(*, plan, statuses) -> CommentCounts:
    """The counts the database keeps of `plan`'s comments whose responses have one of
    `statuses` (submitted, published): one query."""
    counts = _empty()
    kept = (
        CommentCount.objects.filter(plan=plan, status__in=statuses)
        .exclude(count=0)
        .values_list("part", "part_id", "stance")
        .annotate(total=Sum("count"))
        .order_by()
    )
    for kind, target, stance, count in kept:
        counts.add(kind, target, stance, count)
    return counts


def plan_counts(*, plan, viewer, owns_responses) -> CommentCounts:
    """The counts of every comment on `plan` that `viewer` may read: those the database keeps
    of the statuses they read, and, if they own responses to it (`owns_responses`), their own
    that are not among them (a draft; a respondent's submitted response), counted live."""
    statuses = statuses_read_by(viewer)
    counts = kept_counts(plan=plan, statuses=statuses)
    if owns_responses:
        own = Comment.objects.filter(response__plan=plan, response__owner_id=viewer.pk).exclude(
            response__status__in=statuses
        )
        counts += comment_counts(comments=own)
    return counts


def kept_section_counts(*, plan, statuses):
    """section id -> (comments on it of responses with one of `statuses`, of which asking for a
    change: responses.models.asking_for_change_q), as the database keeps them: one query."""
    asking = Q(stance__in=ASKING_STANCES) | Q(proposes_wording=True)
    kept = (
        CommentCount.objects.filter(plan=plan, part=CommentCount.Part.SECTION, status__in=statuses)
        .values_list("part_id")
        .annotate(comments=Sum("count"), asking=Sum("count", filter=asking))
        .order_by()
    )
    return {section: (comments, asking or 0) for section, comments, asking in kept if comments}
