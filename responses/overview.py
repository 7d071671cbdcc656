"""A plan's critique in figures: comments per section by stance, the most and least critiqued
sections, comments on themes and on the whole plan, and the geometry of the stance chart.

Every count is of distinct comments, counted by the database in one grouped query however many
comments there are; the caller passes the comments the viewer may read.
"""

from dataclasses import dataclass

from plans.models import Plan, Section, Theme
from responses.counts import comment_counts
from responses.models import Comment

MOST_CRITIQUED_LIMIT = 5
# The chart draws at most this many sections, those with most comments; the table has them all.
CHART_SECTIONS = 30

# Each stance's GOV.UK colour: its tag's on the pages, its bar's in the chart.
STANCE_COLOURS = {
    Comment.Stance.WELCOMES: "green",
    Comment.Stance.CONCERN: "red",
    Comment.Stance.RECOMMENDATION: "blue",
    Comment.Stance.QUESTION: "purple",
    Comment.Stance.GENERAL: "grey",
}

# The chart's vertical layout, in pixels: each bar sits under a line naming its section. Widths
# are percentages of the chart, so bars fill a phone's width as well as a desktop's.
CHART_LABEL_BASELINE = 18
CHART_BAR_TOP = 26
CHART_BAR_HEIGHT = 24
CHART_ROW_HEIGHT = 66


@dataclass(frozen=True)
class StanceCount:
    stance: str
    label: str
    count: int


@dataclass(frozen=True)
class SectionFigures:
    """How many distinct comments critique `section`, for each of the five stances."""

    section: Section
    stance_counts: tuple[StanceCount, ...]

    @property
    def total(self):
        # A comment has one stance, so the stances' counts add up to the distinct comments.
        return sum(stance_count.count for stance_count in self.stance_counts)


@dataclass(frozen=True)
class ThemeCount:
    theme: Theme
    count: int


@dataclass(frozen=True)
class ChartSegment:
    """One stance's part of a bar; `x` and `width` are percentages of the chart's width."""

    stance: str
    label: str
    colour: str
    count: int
    x: float
    width: float


@dataclass(frozen=True)
class ChartBar:
    """One section's row of the chart, in pixels from the chart's top: `row_y` and `row_height`
    span its label and its bar, `label_y` is the label's baseline, `y` the top of the bar."""

    section: Section
    total: int
    row_y: int
    row_height: int
    label_y: int
    y: int
    height: int
    segments: tuple[ChartSegment, ...]


@dataclass(frozen=True)
class StanceChart:
    bars: tuple[ChartBar, ...]
    height: int
    # Sections with comments the chart leaves out (beyond CHART_SECTIONS); the table has them.
    left_out: int = 0


@dataclass(frozen=True)
class PlanOverview:
    plan: Plan
    sections: tuple[SectionFigures, ...]
    most_critiqued: tuple[SectionFigures, ...]
    uncommented: tuple[Section, ...]
    theme_counts: tuple[ThemeCount, ...]
    general_count: int
    stances: tuple[tuple[str, str], ...]
    chart: StanceChart

    @property
    def legend(self):
        """The chart's key: (stance label, the GOV.UK colour of its tag) for each stance."""
        return tuple((label, STANCE_COLOURS[value]) for value, label in self.stances)


def stance_counts_by_section(*, plan, comments) -> dict[int, dict[str, int]]:
    """For every section of `plan`, its number of distinct `comments` of each stance (zeros
    included), keyed by section id then stance value."""
    counts = comment_counts(comments=comments)
    return {pk: counts.of_section(pk) for pk in plan.sections.values_list("pk", flat=True)}


def _section_figures(section, counts):
    return SectionFigures(
        section=section,
        stance_counts=tuple(
            StanceCount(stance=value, label=label, count=counts.get(value, 0))
            for value, label in Comment.Stance.choices
        ),
    )


def stance_chart(figures, *, most=CHART_SECTIONS) -> StanceChart:
    """A horizontal stacked bar per commented section, those with most comments first (in
    natural order among equals), at most `most` of them; the longest bar spans the chart."""
    # sorted() is stable, so sections with as many comments stay in natural order.
    ranked = sorted((entry for entry in figures if entry.total), key=lambda e: -e.total)
    commented = ranked[:most]
    longest = max((entry.total for entry in commented), default=0)
    bars = []
    for row, entry in enumerate(commented):
        segments = []
        before = 0
        for stance_count in entry.stance_counts:
            if not stance_count.count:
                continue
            segments.append(
                ChartSegment(
                    stance=stance_count.stance,
                    label=stance_count.label,
                    colour=STANCE_COLOURS[stance_count.stance],
                    count=stance_count.count,
                    x=round(100 * before / longest, 2),
                    width=round(100 * stance_count.count / longest, 2),
                )
            )
            before += stance_count.count
        top = row * CHART_ROW_HEIGHT
        bars.append(
            ChartBar(
                section=entry.section,
                total=entry.total,
                row_y=top,
                row_height=CHART_BAR_TOP + CHART_BAR_HEIGHT,
                label_y=top + CHART_LABEL_BASELINE,
                y=top + CHART_BAR_TOP,
                height=CHART_BAR_HEIGHT,
                segments=tuple(segments),
            )
        )
    height = bars[-1].y + CHART_BAR_HEIGHT if bars else 0
    return StanceChart(bars=tuple(bars), height=height, left_out=len(ranked) - len(commented))


def overview_of_plan(*, plan, comments=None, counts=None, themes=None) -> PlanOverview:
    """`plan`'s critique in figures, counting only `comments` (already limited to what the
    viewer may read), or from their `counts` already made; `themes` are the plan's, if already
    read. Three queries: the counts, grouped in one; the sections; the themes."""
    counts = counts or comment_counts(comments=comments)
    figures = [
        _section_figures(section, counts.sections.get(section.pk, {}))
        for section in plan.sections.in_natural_order()
    ]
    # sorted() is stable, so sections with as many comments stay in natural order.
    most_critiqued = sorted((entry for entry in figures if entry.total), key=lambda e: -e.total)
    return PlanOverview(
        plan=plan,
        sections=tuple(figures),
        most_critiqued=tuple(most_critiqued[:MOST_CRITIQUED_LIMIT]),
        uncommented=tuple(entry.section for entry in figures if not entry.total),
        theme_counts=tuple(
            ThemeCount(theme=theme, count=sum(counts.themes.get(theme.pk, {}).values()))
            for theme in (plan.themes.all() if themes is None else themes)
        ),
        general_count=sum(counts.general.values()),
        stances=tuple(Comment.Stance.choices),
        chart=stance_chart(figures),
    )
