"""The summary report of a plan's critique, read for one viewer under the report's filters:
what the HTML and DOCX reports show, section by section, gathered in a fixed number of queries.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, prefetch_related_objects
from django.utils import timezone

from coding.publication import codings_read_by, reads_codes
from coding.summary import code_summaries
from officers.models import Review
from officers.selectors import load_annotations
from plans.models import Plan, Section, Theme
from reports.filters import ReportFilters
from reports.selectors import reported_comments, reported_responses, shows_annotations
from responses.models import Comment, Respondent, Response, SectionLink, shown_respondent_name
from responses.overview import PlanOverview, SectionFigures, overview_of_plan
from responses.selectors import plan_critique
from revisions.selectors import YouSaidWeDid, you_said_we_did

STANCE_LABELS = dict(Comment.Stance.choices)
STATUS_LABELS = dict(Response.Status.choices)
KIND_LABELS = dict(Respondent.Kind.choices)
REVIEW_LABELS = dict(Review.Status.choices)


@dataclass(frozen=True)
class ReportedComment:
    """A comment as the report quotes it: who said it (as the viewer may know them), the
    section wording it quotes where it stands, and officers' annotations if shown."""

    comment: Comment
    respondent_name: str
    # Its words as the viewer may read them: redactions laid over them for all but officers.
    text: str = ""
    quotes: tuple[str, ...] = ()
    review: Review | None = None
    tags: tuple[str, ...] = ()

    @property
    def stance_label(self):
        return STANCE_LABELS[self.comment.stance]

    @property
    def review_label(self):
        return REVIEW_LABELS[self.review.status if self.review else Review.Status.NOT_REVIEWED]


@dataclass(frozen=True)
class SectionSummary:
    figures: SectionFigures
    quotes: list[SectionLink]
    comments: list[ReportedComment]

    @property
    def section(self) -> Section:
        return self.figures.section

    @property
    def stance_summary(self):
        """The stances the section's comments take, as (stance, label, count), zeros left out."""
        return [
            (count.stance, count.label, count.count)
            for count in self.figures.stance_counts
            if count.count
        ]

    @property
    def respondents(self):
        """Who commented on the section, once each, in the comments' order."""
        return list(dict.fromkeys(entry.respondent_name for entry in self.comments))

    @property
    def recommendations(self):
        """Comments that recommend, or that propose wording of their own."""
        return [
            entry
            for entry in self.comments
            if entry.comment.stance == Comment.Stance.RECOMMENDATION
            or entry.comment.proposed_wording
        ]


@dataclass(frozen=True)
class ThemeSummary:
    theme: Theme
    comments: list[ReportedComment]


@dataclass(frozen=True)
class RespondentSummary:
    name: str
    kind: str
    reference: str
    status: str
    submitted_at: datetime.datetime
    comment_count: int


@dataclass(frozen=True)
class SummaryReport:
    plan: Plan
    filters: ReportFilters
    generated_at: datetime.datetime
    overview: PlanOverview
    sections: list[SectionSummary]
    themes: list[ThemeSummary]
    general_comments: list[ReportedComment]
    respondents: list[RespondentSummary]
    shows_annotations: bool
    # The latest revision of the plan beside what was asked of it; None before any revision.
    you_said_we_did: YouSaidWeDid | None = None
    # The coding frame over the report's comments, as the viewer may read it (coding.publication).
    codes: tuple = ()

    @property
    def commented_sections(self):
        """The sections with comments in the report: each has its own part."""
        return [entry for entry in self.sections if entry.figures.total]

    @property
    def uncommented_sections(self):
        """The sections nobody commented on (as filtered): listed once, in one short table."""
        return [entry.section for entry in self.sections if not entry.figures.total]

    @property
    def comment_count(self):
        """Distinct comments in the report."""
        return sum(respondent.comment_count for respondent in self.respondents)


def _reported(comment, viewer, annotated, quotes=()):
    review = getattr(comment, "review", None) if annotated else None
    tags = tuple(tag.tag.name for tag in comment.comment_tags.all()) if annotated else ()
    return ReportedComment(
        comment=comment,
        respondent_name=comment.response.name_shown_to(viewer),
        text=comment.text_shown_to(viewer),
        quotes=tuple(quotes),
        review=review,
        tags=tags,
    )


def respondent_summaries(*, plan: Plan, viewer, filters: ReportFilters):
    """The reported responses, by respondent's name, with their number of comments. One query."""
    responses = reported_responses(plan=plan, viewer=viewer, filters=filters)
    rows = (
        responses.select_related("respondent")
        .annotate(comment_count=Count("comments"), shown_name=shown_respondent_name(viewer))
        .order_by("shown_name", "submitted_at", "pk")
    )
    return [
        RespondentSummary(
            name=response.shown_name,
            kind=KIND_LABELS[response.respondent.kind],
            reference=response.reference,
            status=STATUS_LABELS[response.status],
            submitted_at=timezone.localtime(response.submitted_at),
            comment_count=response.comment_count,
        )
        for response in rows
    ]


def summary_report(*, plan: Plan, viewer, filters: ReportFilters) -> SummaryReport:
    """The report for `plan` as `viewer` may read it: each section in natural order with its
    counts by stance and its comments, then comments on themes and on the whole plan, then the
    respondents. A fixed number of queries, however many comments."""
    comments = reported_comments(plan=plan, viewer=viewer, filters=filters)
    annotated = shows_annotations(viewer)
    grouped = plan_critique(plan=plan, comments=comments)
    if annotated:
        load_annotations(grouped.all_comments)
    overview = overview_of_plan(plan=plan, comments=comments)
    # The report names each section's theme: one query for all of them.
    prefetch_related_objects([entry.section for entry in overview.sections], "theme")
    figures = {entry.section.pk: entry for entry in overview.sections}
    sections = [
        SectionSummary(
            figures=figures[entry.section.pk],
            quotes=entry.quotes,
            comments=[
                _reported(item.comment, viewer, annotated, (quote.exact for quote in item.quotes))
                for item in entry.critiques
            ],
        )
        for entry in grouped.sections
    ]
    return SummaryReport(
        plan=plan,
        filters=filters,
        generated_at=timezone.localtime(),
        overview=overview,
        sections=sections,
        themes=[
            ThemeSummary(
                theme=entry.theme,
                comments=[_reported(comment, viewer, annotated) for comment in entry.comments],
            )
            for entry in grouped.themes
        ],
        general_comments=[
            _reported(comment, viewer, annotated) for comment in grouped.general_comments
        ],
        respondents=respondent_summaries(plan=plan, viewer=viewer, filters=filters),
        shows_annotations=annotated,
        you_said_we_did=you_said_we_did(plan=plan, viewer=viewer, comments=comments),
        codes=coded_parts(plan, comments, viewer),
    )


@dataclass(frozen=True)
class CodedPart:
    """A code of the frame as the report shows it: its counts by stance and respondent kind,
    and the comments quoted for it."""

    code: object
    count: int
    by_stance: list  # (label, count)
    by_kind: list
    quoted: list[ReportedComment]


def coded_parts(plan, comments, viewer) -> tuple[CodedPart, ...]:
    """The coding frame over `comments` as `viewer` may read it; none if they read no codes."""
    if not reads_codes(viewer, plan):
        return ()
    return tuple(
        CodedPart(
            code=summary.code,
            count=summary.count,
            by_stance=[
                (STANCE_LABELS[s], summary.by_stance[s])
                for s in STANCE_LABELS
                if summary.by_stance[s]
            ],
            by_kind=[
                (KIND_LABELS[k], summary.by_kind[k]) for k in KIND_LABELS if summary.by_kind[k]
            ],
            quoted=[_reported(comment, viewer, False) for comment in summary.quoted],
        )
        for summary in code_summaries(plan, comments, codings_read_by(viewer, plan))
    )
