"""Reading what changed between a revision and the version before it, section by section, beside
what the comments on each section asked for ("You said, we did")."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Case, Count, Prefetch, When

from plans.versions import word_diff
from responses.models import Comment, Response, SectionLink, asking_for_change_q
from revisions.models import PlanVersion, RevisedQuote, SectionChange

# How a section fared against what its comments asked: the page's filters, in their order.
ASKED_AND_CHANGED = "asked_changed"
ASKED_UNCHANGED = "asked_unchanged"
CHANGED_UNASKED = "changed_unasked"
UNCHANGED = "unchanged"
OUTCOMES = {
    ASKED_AND_CHANGED: "Asked for a change, and the wording changed",
    ASKED_UNCHANGED: "Asked for a change, wording unchanged",
    CHANGED_UNASKED: "Changed without being asked",
    UNCHANGED: "Not asked, not changed",
}
# Comments shown beside each section; the rest are on the section's own page.
COMMENTS_BESIDE = 5


@dataclass
class ChangedSection:
    """One section's old and new wording and what was said of it."""

    change: SectionChange
    comments_count: int = 0
    asking_count: int = 0
    comments: list = field(default_factory=list)  # the first COMMENTS_BESIDE, with quotes
    sources: tuple = ()  # ids of the sections as consulted on that it carries
    followed: list = field(default_factory=list)  # FollowedQuotes, in reports
    source_sections: tuple = ()  # those sections

    @property
    def outcome(self):
        changed = self.change.wording_changed
        if self.asking_count:
            return ASKED_AND_CHANGED if changed else ASKED_UNCHANGED
        return CHANGED_UNASKED if changed else UNCHANGED

    @property
    def outcome_label(self):
        return OUTCOMES[self.outcome]

    @property
    def diff(self):
        """The word difference from the old wording to the new, heading and text together."""
        change, new = self.change, self.change.new_section
        old_words = f"{change.old_heading}\n{change.old_text}".strip()
        new_words = f"{new.heading}\n{new.text}".strip() if new else ""
        return word_diff(old_words, new_words)


def versions_of(plan):
    return list(plan.versions.all())


def what_changed(
    *, version: PlanVersion, viewer, outcome=None, comments=None
) -> list[ChangedSection]:
    """Every section of the comparison (new sections in order, then removed ones) with the
    count of comments `viewer` may read on it (of `comments` only, if given: a report's) and of
    those asking for a change; only those of `outcome` (an OUTCOMES key) if given."""
    changes = list(
        version.changes.select_related("new_section").prefetch_related(
            Prefetch("sources", to_attr="source_list")
        )
    )
    counts = _comment_counts(version, viewer, comments)
    rows = []
    for change in changes:
        sources = tuple(source.pk for source in change.source_list)
        row = ChangedSection(
            change=change, sources=sources, source_sections=tuple(change.source_list)
        )
        for source in sources:
            comments, asking = counts.get(source, (0, 0))
            row.comments_count += comments
            row.asking_count += asking
        rows.append(row)
    if outcome in OUTCOMES:
        rows = [row for row in rows if row.outcome == outcome]
    return rows


def outcome_counts(rows):
    """How many sections of `rows` fared each way, for the filters' labels."""
    counts = dict.fromkeys(OUTCOMES, 0)
    for row in rows:
        counts[row.outcome] += 1
    return counts


def _comment_counts(version, viewer, comments=None):
    """section id (as consulted on) -> (comments on it `viewer` may read, of `comments` if
    given, of which asking for a change), in one query."""
    if comments is None:
        visible = Response.objects.visible_to(viewer).filter(plan=version.plan_id)
        links = SectionLink.objects.filter(comment__response__in=visible)
    else:
        links = SectionLink.objects.filter(comment__in=comments)
    counted = (
        links.filter(section__plan=version.plan_id)
        .values("section")
        .annotate(
            comments=Count("comment", distinct=True),
            asking=Count("comment", filter=asking_for_change_q("comment__"), distinct=True),
        )
        .values_list("section", "comments", "asking")
        .order_by()
    )
    return {section: (comments, asking) for section, comments, asking in counted}


def with_comments(rows, *, version: PlanVersion, viewer, per_section=COMMENTS_BESIDE):
    """Fill in each row's first comments `viewer` may read, those asking for a change first,
    each with its quotes followed into the version (`comment.followed_quotes`)."""
    visible = Response.objects.visible_to(viewer).filter(plan=version.plan_id)
    quotes = Prefetch(
        "section_links",
        queryset=SectionLink.objects.select_related("section").prefetch_related(
            Prefetch(
                "revised_quotes",
                queryset=RevisedQuote.objects.filter(version=version).select_related("section"),
                to_attr="in_version",
            )
        ),
    )
    for row in rows:
        if not row.comments_count:
            continue
        row.comments = list(
            Comment.objects.filter(
                pk__in=SectionLink.objects.filter(section__in=row.sources).values("comment"),
                response__in=visible,
            )
            .annotate(asks=Case(When(asking_for_change_q(), then=1), default=0))
            .select_related("response__respondent", "review")
            .prefetch_related(quotes)
            .order_by("-asks", "response__submitted_at", "response", "position")[:per_section]
        )
        for comment in row.comments:
            comment.followed_quotes = _followed(comment, row.sources)
    return rows


def _followed(comment, sources):
    """(link, its RevisedQuote in the version) for each quote the comment made of `sources`."""
    by_source = defaultdict(list)
    for link in comment.section_links.all():
        if link.section_id in sources and link.exact:
            by_source[link.section_id].append(
                (link, link.in_version[0] if link.in_version else None)
            )
    return [pair for source in sources for pair in by_source[source]]


# --- "You said, we did", for the summary report ---------------------------------------------


@dataclass(frozen=True)
class FollowedQuote:
    """A quote of a comment asking for a change, and what became of its words."""

    respondent_name: str
    comment: Comment
    quoted: str
    fate: RevisedQuote | None  # None until the quotes are followed

    @property
    def summary(self):
        return self.fate.summary if self.fate else "Not yet followed into this version"


@dataclass
class YouSaidWeDid:
    """The latest revision against what was asked: each section asked about or changed."""

    version: PlanVersion
    rows: list[ChangedSection]


def latest_version(plan):
    return plan.versions.order_by("-number").first()


def you_said_we_did(*, plan, viewer, comments) -> YouSaidWeDid | None:
    """The plan's latest revision beside what `comments` (a report's, as `viewer` may read
    them) asked: every section asked about or changed, with the quotes of the comments asking
    for a change and what became of their words (`row.followed`). None without a revision."""
    version = latest_version(plan)
    if version is None:
        return None
    rows = [
        row
        for row in what_changed(version=version, viewer=viewer, comments=comments)
        if row.outcome != UNCHANGED
    ]
    by_source = defaultdict(list)
    links = (
        SectionLink.objects.filter(comment__in=comments.filter(asking_for_change_q()))
        .exclude(exact="")
        .select_related("comment__response__respondent")
        .prefetch_related(
            Prefetch(
                "revised_quotes",
                queryset=RevisedQuote.objects.filter(version=version),
                to_attr="in_version",
            )
        )
        .order_by("comment__response__submitted_at", "comment__response", "comment__position")
    )
    for link in links:
        by_source[link.section_id].append(
            FollowedQuote(
                respondent_name=link.comment.response.name_shown_to(viewer),
                comment=link.comment,
                quoted=link.exact,
                fate=link.in_version[0] if link.in_version else None,
            )
        )
    for row in rows:
        row.followed = [quote for source in row.sources for quote in by_source[source]]
    return YouSaidWeDid(version=version, rows=rows)


def section_fates(version: PlanVersion) -> dict[int, tuple[str, bool]]:
    """section id (as consulted on) -> (the numbers of the sections carrying it in `version`,
    "Removed" if none; whether their wording differs), for the report's comment rows."""
    carried = defaultdict(list)
    for change in version.changes.select_related("new_section").prefetch_related("sources"):
        for source in change.sources.all():
            carried[source.pk].append(change)
    fates = {}
    for section_id, changes in carried.items():
        numbers = [change.new_section.number for change in changes if change.new_section]
        fates[section_id] = (
            "; ".join(numbers) or "Removed",
            any(change.wording_changed for change in changes),
        )
    return fates


def quote_summaries(version: PlanVersion, link_ids) -> dict[int, str]:
    """link id -> what became of its quote in `version`, for the links given."""
    return dict(
        RevisedQuote.objects.filter(version=version, link_id__in=link_ids).values_list(
            "link_id", "summary"
        )
    )
