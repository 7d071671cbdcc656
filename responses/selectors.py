"""Selectors that read comments for pages: each runs a fixed number of queries, however many
comments there are, and only ever sees responses the viewer may read."""

from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, Subquery, Value

from plans.models import Plan, Section, Theme
from plans.ordering import natural_order
from responses.campaigns.grouping import response_text
from responses.campaigns.near_copies import additions
from responses.models import (
    Campaign,
    Comment,
    Response,
    SectionLink,
    ThemeLink,
    shown_respondent_name,
    shown_text,
)
from responses.ordering import reading_order


def section_links_in_order():
    """Prefetch for a comment's section links, each with its section (and plan, for the
    section's page), sections in natural order; two quotes of one section in the order stored."""
    return Prefetch(
        "section_links",
        queryset=SectionLink.objects.select_related("section__plan").order_by(
            *natural_order(through="section__"), "pk"
        ),
    )


def theme_links_with_themes():
    """Prefetch for a comment's theme links, each with its theme."""
    return Prefetch("theme_links", queryset=ThemeLink.objects.select_related("theme"))


def with_links(comments):
    """`comments` with their section links (natural order) and theme links: two queries."""
    return comments.prefetch_related(section_links_in_order(), theme_links_with_themes())


@dataclass
class Critique:
    """One comment as it bears on one section, with the section wording it quotes."""

    comment: Comment
    quotes: list[SectionLink] = field(default_factory=list)


@dataclass
class SectionCritique:
    """A section beside the comments on it: all of them, or the few most recent of `total`, with
    their counts by stance when known."""

    section: Section
    critiques: list[Critique] = field(default_factory=list)
    total: int | None = None
    stance_counts: dict[str, int] | None = None

    def __post_init__(self):
        if self.total is None:
            self.total = len(self.critiques)

    @property
    def quotes(self):
        return [quote for critique in self.critiques for quote in critique.quotes]

    @property
    def has_more(self):
        return self.total > len(self.critiques)


@dataclass
class ThemeCritique:
    theme: Theme
    comments: list[Comment] = field(default_factory=list)
    total: int | None = None

    def __post_init__(self):
        if self.total is None:
            self.total = len(self.comments)

    @property
    def has_more(self):
        return self.total > len(self.comments)


@dataclass
class PlanCritique:
    plan: Plan
    sections: list[SectionCritique]
    themes: list[ThemeCritique]
    general_comments: list[Comment]
    general_total: int | None = None

    def __post_init__(self):
        if self.general_total is None:
            self.general_total = len(self.general_comments)

    @property
    def general_has_more(self):
        return self.general_total > len(self.general_comments)

    @property
    def all_comments(self):
        """Every comment object shown on the page (one comment may appear in several places)."""
        return [
            *(critique.comment for entry in self.sections for critique in entry.critiques),
            *(comment for entry in self.themes for comment in entry.comments),
            *self.general_comments,
        ]

    @property
    def comment_count(self):
        """Distinct comments shown anywhere on the page."""
        return len({comment.pk for comment in self.all_comments})


def recent_comment_ids(*, plan: Plan, comments, counts, per_part=3):
    """The ids of the `per_part` most recent of `comments` (visible, perhaps filtered) on each
    section, on each theme, and on the plan as a whole (keyed ("section", id), ("theme", id) and
    ("plan", plan id)), newest first, for the parts `counts` (their CommentCounts) says have any.

    One query, however many comments: for each part the database reads its links backwards from
    the newest comment and stops at `per_part`. A part without comments is left out, as reading
    it would read every link to find none.
    """
    chosen = comments.order_by().values("pk")
    names = [f"recent_{n}" for n in range(per_part)]

    def newest(links):
        ordered = links.filter(comment__in=chosen).order_by("-comment_id").values("comment_id")
        return {name: Subquery(ordered[n : n + 1]) for n, name in enumerate(names)}

    # A comment quoting two passages of a section links to it twice: read its first link only.
    # (Not DISTINCT: SQLite 3.40 answers DISTINCT with OFFSET wrongly in such a subquery.)
    first_links = SectionLink.objects.filter(section=OuterRef("pk")).exclude(
        Exists(
            SectionLink.objects.filter(
                comment=OuterRef("comment"), section=OuterRef("section"), pk__lt=OuterRef("pk")
            )
        )
    )
    parts = [
        plan.sections.filter(
            pk__in=[pk for pk in counts.sections if any(counts.sections[pk].values())]
        )
        .order_by()
        .annotate(**newest(first_links))
        .values_list(Value("section"), "pk", *names),
        plan.themes.filter(pk__in=[pk for pk in counts.themes if any(counts.themes[pk].values())])
        .order_by()
        .annotate(**newest(ThemeLink.objects.filter(theme=OuterRef("pk"))))
        .values_list(Value("theme"), "pk", *names),
    ]
    if any(counts.general.values()):
        general = (
            Comment.objects.filter(pk__in=chosen).on_the_whole_plan().order_by("-pk").values("pk")
        )
        parts.append(
            Plan.objects.filter(pk=plan.pk)
            .order_by()
            .annotate(**{name: Subquery(general[n : n + 1]) for n, name in enumerate(names)})
            .values_list(Value("plan"), "pk", *names)
        )
    first, *others = parts
    return {
        (kind, pk): [comment_id for comment_id in recent if comment_id is not None]
        for kind, pk, *recent in first.union(*others, all=True)
    }


def visible_comments(viewer):
    """Comments of responses `viewer` may read, with what a comment card shows, in reading order;
    each annotated with `respondent_shown_name`, the name `viewer` may read, to sort or search by,
    and `shown_text`, its words as `viewer` may read them (redactions laid over them for all but
    officers and the owner: Comment.text_shown_to).
    """
    return (
        Comment.objects.filter(response__in=Response.objects.visible_to(viewer))
        # The search vector is the database's to read: no page shows it.
        .defer("search_vector")
        .select_related("response__respondent")
        .annotate(
            respondent_shown_name=shown_respondent_name(viewer, through="response__"),
            shown_text=shown_text(viewer),
        )
        .order_by(*reading_order())
    )


def read_once(comments):
    """`comments` (those a reader may read, perhaps filtered, on one part of a plan) with each
    campaign read once: a comment is left out when its response is in a campaign and an earlier
    member (a smaller id) has a comment among `comments` too. Only the list is shortened: every
    member still counts in the figures."""
    earlier = comments.filter(
        response__campaign=OuterRef("response__campaign"), response_id__lt=OuterRef("response_id")
    )
    return comments.filter(Q(response__campaign__isnull=True) | ~Exists(earlier))


def count_campaign_copies(comments, *, among):
    """Set `campaign_copies` on each of `comments` (shown from read_once(among)) whose response
    is in a campaign: how many of the campaign's members have a comment among `among`, the one
    shown included. One query, and none when no comment shown is a campaign's."""
    campaign_ids = {comment.response.campaign_id for comment in comments} - {None}
    if not campaign_ids:
        return
    copies = dict(
        among.filter(response__campaign__in=campaign_ids)
        .order_by()
        .values_list("response__campaign")
        .annotate(members=Count("response", distinct=True))
        .values_list("response__campaign", "members")
    )
    for comment in comments:
        comment.campaign_copies = copies.get(comment.response.campaign_id)


def campaigns_of(plan):
    """The plan's campaigns, the largest first, each with its `member_count`."""
    return plan.campaigns.annotate(member_count=Count("members")).order_by("-member_count", "pk")


def campaign_members(*, campaign, viewer):
    """The members of `campaign` that `viewer` may read, in the order they came, each with its
    respondent and its comments' texts (to say what it added beyond the letter)."""
    return (
        Response.objects.visible_to(viewer)
        .filter(campaign=campaign)
        .select_related("respondent")
        .prefetch_related(
            Prefetch(
                "comments", queryset=Comment.objects.order_by("position").only("response", "text")
            )
        )
        .order_by("pk")
    )


def with_additions(members, *, campaign: Campaign):
    """`members` (from campaign_members: a page of them), each with `additions`: what its text
    has beyond the campaign's letter."""
    members = list(members)
    for member in members:
        text = response_text(comment.text for comment in member.comments.all())
        member.additions = additions(text, campaign.shared_text)
    return members


def group_quotes(links):
    """Group section links of one section into one Critique per comment, keeping their order."""
    critiques = {}
    for link in links:
        critique = critiques.setdefault(link.comment_id, Critique(comment=link.comment))
        if link.exact:
            critique.quotes.append(link)
    return list(critiques.values())


def plan_critique(*, plan: Plan, comments) -> PlanCritique:
    """The whole plan, each section in natural order beside its `comments` (visible ones,
    perhaps filtered), in the comments' own order."""
    order = {pk: rank for rank, pk in enumerate(comments.values_list("pk", flat=True))}
    section_links = SectionLink.objects.filter(comment__in=comments.values("pk")).select_related(
        "comment__response__respondent"
    )
    links_by_section = {}
    for link in sorted(section_links, key=lambda link: (order[link.comment_id], link.pk)):
        links_by_section.setdefault(link.section_id, []).append(link)
    sections = [
        SectionCritique(
            section=section, critiques=group_quotes(links_by_section.get(section.pk, []))
        )
        for section in plan.sections.in_natural_order()
    ]

    theme_links = ThemeLink.objects.filter(comment__in=comments.values("pk")).select_related(
        "comment__response__respondent"
    )
    comments_by_theme = {}
    for link in sorted(theme_links, key=lambda link: order[link.comment_id]):
        comments_by_theme.setdefault(link.theme_id, []).append(link.comment)
    themes = [
        ThemeCritique(theme=theme, comments=comments_by_theme.get(theme.pk, []))
        for theme in plan.themes.all()
    ]

    general_comments = list(comments.on_the_whole_plan())
    return PlanCritique(
        plan=plan, sections=sections, themes=themes, general_comments=general_comments
    )


def plan_preview(*, plan: Plan, themes, sections, comments, counts, recent) -> PlanCritique:
    """The whole plan, each section in natural order beside the few most recent of its
    `comments` (visible, perhaps filtered), as are its themes and the plan as a whole, each with
    its total from `counts` (CommentCounts) and `recent` (recent_comment_ids); `themes` and
    `sections` (in natural order, with their themes) are the plan's, already read. Two queries
    however many comments: the comments shown and their section links; and a third when a
    comment shown is a campaign's, to count its copies (which recent_comment_ids, given
    read_once(comments), shows once)."""
    shown = {
        comment.pk: comment
        for comment in comments.filter(
            pk__in={pk for ids in recent.values() for pk in ids}
        ).prefetch_related(section_links_in_order())
    }
    count_campaign_copies(shown.values(), among=comments)

    def recent_on(kind, pk):
        return [
            shown[comment_id] for comment_id in recent.get((kind, pk), []) if comment_id in shown
        ]

    def critiques_of(section):
        return [
            Critique(
                comment=comment,
                quotes=[
                    link
                    for link in comment.section_links.all()
                    if link.section_id == section.pk and link.exact
                ],
            )
            for comment in recent_on("section", section.pk)
        ]

    sections = [
        SectionCritique(
            section=section,
            critiques=critiques_of(section),
            total=sum(counts.of_section(section.pk).values()),
            stance_counts=counts.of_section(section.pk),
        )
        for section in sections
    ]
    themes = [
        ThemeCritique(
            theme=theme,
            comments=recent_on("theme", theme.pk),
            total=sum(counts.of_theme(theme.pk).values()),
        )
        for theme in themes
    ]
    return PlanCritique(
        plan=plan,
        sections=sections,
        themes=themes,
        general_comments=recent_on("plan", plan.pk),
        general_total=sum(counts.of_plan().values()),
    )


def section_comments(*, section: Section, comments):
    """The `comments` (visible, perhaps filtered) on `section`, each with its section links
    prefetched (the quotes and the other sections it critiques), ready for pagination."""
    return comments.filter(
        pk__in=SectionLink.objects.filter(section=section).values("comment_id")
    ).prefetch_related(section_links_in_order())


def quotes_of_section(section: Section, comments):
    """The section wording that `comments` (with section_links prefetched) quote."""
    return [
        link
        for comment in comments
        for link in comment.section_links.all()
        if link.section_id == section.pk and link.exact
    ]


def section_with_neighbours(*, plan: Plan, number):
    """The section of `plan` numbered `number` (None if there is none), with the numbers of the
    sections before and after it in natural order (None at either end). One query, which reads
    the neighbours from the natural-order index however many sections the plan has."""
    sections = plan.sections.order_by()

    def neighbour(before):
        beside = "lt" if before else "gt"
        # The section number spelled to sort naturally (plans.ordering.natural_order).
        return Subquery(
            sections.filter(**{f"sort_key__{beside}": OuterRef("sort_key")})
            .order_by(f"{'-' if before else ''}sort_key")
            .values("number")[:1]
        )

    section = (
        sections.select_related("theme")
        .filter(number=number)
        .annotate(previous_number=neighbour(True), next_number=neighbour(False))
        .first()
    )
    if section is None:
        return None, None, None
    section.plan = plan
    return section, section.previous_number, section.next_number


def readable_response(*, pk, viewer):
    """One response the viewer may read, or None, with its comments and their links prefetched."""
    return (
        Response.objects.visible_to(viewer)
        .select_related("plan", "respondent")
        .prefetch_related(
            Prefetch("comments", queryset=with_links(Comment.objects.order_by("position")))
        )
        .filter(pk=pk)
        .first()
    )


def draft_comment_initial(draft: Response) -> list[dict]:
    """The draft's comments as CommentForm initial data, each with the words that suggested
    its links (`evidence`: a list of (what it links to, the words)) for the respondent to check."""
    comments = with_links(draft.comments.order_by("position"))
    initial = []
    for comment in comments:
        section_links = list(comment.section_links.all())
        theme_links = list(comment.theme_links.all())
        quotes = [link.exact for link in section_links if link.exact]
        evidence = [(link.section.title, link.evidence) for link in section_links if link.evidence]
        evidence += [
            (f"Theme: {link.theme.name}", link.evidence) for link in theme_links if link.evidence
        ]
        if comment.stance_evidence:
            evidence.append((f"Stance: {comment.get_stance_display()}", comment.stance_evidence))
        initial.append(
            {
                "comment_id": comment.pk,
                "text": comment.text,
                "stance": comment.stance,
                "sections": [link.section_id for link in section_links],
                "general": not section_links and not theme_links,
                "themes": [link.theme_id for link in theme_links],
                "quote": quotes[0] if quotes else "",
                "proposed_wording": comment.proposed_wording,
                "evidence": list(dict.fromkeys(evidence)),
            }
        )
    return initial
