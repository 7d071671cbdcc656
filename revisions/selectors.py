"""Reading what changed between a revision and the version before it, section by section, beside
what the comments on each section asked for ("You said, we did")."""

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Count, OuterRef, Prefetch, Subquery, Value

from plans.models import Section
from plans.versions import word_diff
from responses.counts import kept_section_counts
from responses.models import (
    Comment,
    Response,
    SectionLink,
    asking_for_change_q,
    statuses_read_by,
)
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
    source_sections: tuple = ()  # the sections as consulted on that it carries
    followed: list = field(default_factory=list)  # FollowedQuotes, in reports

    @cached_property
    def sources(self):
        """The ids of source_sections: those the comments beside it are on."""
        return tuple(section.pk for section in self.source_sections)

    @cached_property
    def outcome(self):
        changed = self.change.wording_changed
        if self.asking_count:
            return ASKED_AND_CHANGED if changed else ASKED_UNCHANGED
        return CHANGED_UNASKED if changed else UNCHANGED

    @property
    def outcome_label(self):
        return OUTCOMES[self.outcome]

    @cached_property
    def diff(self):
        """The word difference from the old wording to the new, heading and text together."""
        change, new = self.change, self.change.new_section
        old_words = f"{change.old_heading}\n{change.old_text}".strip()
        new_words = f"{new.heading}\n{new.text}".strip() if new else ""
        return word_diff(old_words, new_words)


def what_changed(*, version: PlanVersion, viewer, comments=None) -> list[ChangedSection]:
    """Every section of the comparison (new sections in order, then removed ones) with the
    count of comments `viewer` may read on it (of `comments` only, if given: a report's) and of
    those asking for a change."""
    changes = list(
        version.changes.select_related("new_section").prefetch_related(
            # With their plan: each links to its page.
            Prefetch("sources", Section.objects.select_related("plan"), to_attr="source_list")
        )
    )
    counts = _comment_counts(version, viewer, comments)
    rows = []
    for change in changes:
        row = ChangedSection(change=change, source_sections=tuple(change.source_list))
        for source in row.sources:
            on_it, asking = counts.get(source, (0, 0))
            row.comments_count += on_it
            row.asking_count += asking
        rows.append(row)
    return rows


def outcome_counts(rows):
    """How many sections of `rows` fared each way, for the filters' labels."""
    counts = dict.fromkeys(OUTCOMES, 0)
    for row in rows:
        counts[row.outcome] += 1
    return counts


def _comment_counts(version, viewer, comments=None):
    """section id (as consulted on) -> (comments on it `viewer` may read, of `comments` if
    given, of which asking for a change). Those the reader may read are counted by the database
    as it goes (responses.counts); a reader who owns responses to the plan reads their own
    drafts too, and counts afresh."""
    if comments is not None:
        return _count(SectionLink.objects.filter(comment__in=comments), version)
    plan = version.plan
    if viewer.is_authenticated and plan.responses.filter(owner_id=viewer.pk).exists():
        return _count(_visible_links(version, viewer), version)
    return kept_section_counts(plan=plan, statuses=statuses_read_by(viewer))


def _visible_links(version, viewer):
    visible = Response.objects.visible_to(viewer).filter(plan=version.plan_id)
    return SectionLink.objects.filter(comment__response__in=visible)


def _count(links, version):
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
    """Fill in each row's most recent comments `viewer` may read, up to `per_section`: those
    asking for a change first, then the others; each with its quotes followed into the version
    (`comment.followed_quotes`). Three queries for the rows, however many comments: the ids
    chosen (each section's links read backwards from the newest comment, stopping at
    `per_section`), the comments, their quotes."""
    rows = [row for row in rows if row.comments_count]
    sources = {source for row in rows for source in row.sources}
    chosen = _newest_ids(version, viewer, sources, per_section)
    wanted = {pk for ids in chosen.values() for pk in ids}
    quotes = Prefetch(
        "section_links",
        # Only the quotes of the rows' sections: those the page says what became of.
        queryset=SectionLink.objects.filter(section__in=sources)
        .exclude(exact="")
        .select_related("section")
        .only("comment_id", "section_id", "exact", "section__number")
        .prefetch_related(
            Prefetch(
                "revised_quotes",
                queryset=RevisedQuote.objects.filter(version=version).select_related("section"),
                to_attr="in_version",
            )
        ),
    )
    comments = (
        Comment.objects.filter(pk__in=wanted)
        .defer("search_vector")
        .select_related("response__respondent", "review")
        .prefetch_related(quotes)
        .in_bulk()
    )
    for row in rows:
        asking = [pk for source in row.sources for pk in chosen.get((source, True), [])]
        others = [pk for source in row.sources for pk in chosen.get((source, False), [])]
        ids = list(dict.fromkeys(sorted(asking, reverse=True) + sorted(others, reverse=True)))
        row.comments = [comments[pk] for pk in ids[:per_section] if pk in comments]
        for comment in row.comments:
            comment.followed_quotes = _followed(comment, row.sources)
    return rows


def _newest_ids(version, viewer, sections, per_section):
    """(section id, asking for a change?) -> the ids of the newest `per_section` comments on
    the section `viewer` may read that do, or do not, ask for a change. One query."""
    if not sections:
        return {}
    visible = Response.objects.visible_to(viewer).filter(plan=version.plan_id).values("pk")
    names = [f"newest_{n}" for n in range(per_section)]

    def newest(asking):
        links = SectionLink.objects.filter(
            section=OuterRef("pk"), comment__response__in=visible
        ).filter(asking_for_change_q("comment__") if asking else ~asking_for_change_q("comment__"))
        ordered = links.order_by("-comment_id").values("comment_id")
        return {name: Subquery(ordered[n : n + 1]) for n, name in enumerate(names)}

    sections_of_plan = Section.objects.filter(pk__in=sections).order_by()
    first, second = (
        sections_of_plan.annotate(**newest(asking)).values_list("pk", Value(asking), *names)
        for asking in (True, False)
    )
    return {
        (section, bool(asking)): [pk for pk in ids if pk is not None]
        for section, asking, *ids in first.union(second, all=True)
    }


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


@dataclass
class FollowedQuote:
    """A quote of a comment asking for a change, and what became of its words; a campaign's
    copies of it are one FollowedQuote, the first member's, with `copies` the members'."""

    respondent_name: str
    comment: Comment
    quoted: str
    fate: RevisedQuote | None  # None until the quotes are followed
    copies: int = 1

    @property
    def who(self):
        """Who quoted it: "Volunteering England, comment 3", or for a campaign "Ann Lee,
        comment 1, and 1,999 near-copies of the same letter"."""
        said = f"{self.respondent_name}, comment {self.comment.position}"
        if self.copies > 1:
            others = self.copies - 1
            said += f", and {others:,} near-cop{'ies' if others > 1 else 'y'} of the same letter"
        return said

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
    campaigns = {}  # (section, campaign, quoted) -> the campaign's one FollowedQuote
    for link in links:
        campaign = link.comment.response.campaign_id
        key = (link.section_id, campaign, link.exact)
        if campaign is not None and key in campaigns:
            campaigns[key].copies += 1
            continue
        quote = FollowedQuote(
            respondent_name=link.comment.response.name_shown_to(viewer),
            comment=link.comment,
            quoted=link.exact,
            fate=link.in_version[0] if link.in_version else None,
        )
        if campaign is not None:
            campaigns[key] = quote
        by_source[link.section_id].append(quote)
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


@dataclass
class QuoteToCheck:
    """A quote an officer should place: the comment's quote where it was, and the places it
    might be now (`options`: (index, revised section, candidate) in RevisedQuote.candidates'
    order)."""

    quote: RevisedQuote
    options: list = field(default_factory=list)


def quotes_to_check(version: PlanVersion):
    """The version's quotes to check, in the order their comments were linked."""
    return (
        version.quotes.filter(to_check=True)
        .select_related("link__section", "link__comment__response", "section")
        .order_by("link_id")
    )


def with_options(quotes, version: PlanVersion) -> list[QuoteToCheck]:
    """Each quote of a page of `quotes_to_check`, with its candidate places' sections."""
    quotes = list(quotes)
    section_ids = {candidate["section"] for quote in quotes for candidate in quote.candidates}
    sections = {section.pk: section for section in version.sections.filter(pk__in=section_ids)}
    return [
        QuoteToCheck(
            quote=quote,
            options=[
                (index, sections[candidate["section"]], candidate)
                for index, candidate in enumerate(quote.candidates)
                if candidate["section"] in sections
            ],
        )
        for quote in quotes
    ]
