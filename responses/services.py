"""Services that write responses and their links, each rule checked before anything is saved."""

from django.db import transaction
from simple_history.utils import bulk_create_with_history

from plans.models import Plan
from responses.linking import ParagraphLinks, detect_links
from responses.models import Comment, SectionLink, ThemeLink


def suggest_links(*, plan: Plan, text: str) -> list[ParagraphLinks]:
    """Run the link detector over `text` against `plan`'s sections and themes (two queries)."""
    sections = dict(plan.sections.values_list("number", "text"))
    themes = list(plan.themes.values_list("name", flat=True))
    return detect_links(text, sections=sections, themes=themes)


def _evidence_for(links: ParagraphLinks, kinds, target) -> str:
    """The words that suggested linking to `target`, e.g. "Point 1.11; ‘considered’"."""
    words = [item.words for item in links.evidence if item.kind in kinds and item.target == target]
    return "; ".join(dict.fromkeys(words))[:300]


def section_link_row(comment, section, *, quote=None, evidence="", similarity=None) -> SectionLink:
    """The (unsaved) link of `comment` to `section`: quoting `quote`'s wording (anything with
    exact, prefix and suffix: the detector's quote, a form's) or none, with the words that
    suggested it. Every writer of links makes its rows here: the detector's (detected_link_rows),
    a respondent's draft, an officer's correction."""
    return SectionLink(
        comment=comment,
        section=section,
        exact=quote.exact if quote else "",
        prefix=quote.prefix if quote else "",
        suffix=quote.suffix if quote else "",
        similarity=similarity,
        evidence=evidence,
    )


def theme_link_row(comment, theme, *, evidence="") -> ThemeLink:
    """The (unsaved) link of `comment` to `theme`, with the words that suggested it."""
    return ThemeLink(comment=comment, theme=theme, evidence=evidence)


def detected_link_rows(comment: Comment, links: ParagraphLinks, sections, themes):
    """The SectionLinks and ThemeLinks (unsaved) of `comment` that the detector's `links` of
    its paragraph describe: one per quote, with its similarity, and one per section linked
    without a quote; `sections` and `themes` map numbers and names to the plan's own."""
    section_links = {}
    for quote in links.quotes:
        section_links.setdefault(
            (quote.section, quote.exact),
            section_link_row(
                comment,
                sections[quote.section],
                quote=quote,
                similarity=quote.similarity,
                evidence=_evidence_for(links, ("section", "quote"), quote.section),
            ),
        )
    quoted = {quote.section for quote in links.quotes}
    for number in links.sections:
        if number not in quoted:
            section_links.setdefault(
                (number, ""),
                section_link_row(
                    comment,
                    sections[number],
                    evidence=_evidence_for(links, ("section", "quote"), number),
                ),
            )
    theme_links = [
        theme_link_row(comment, themes[name], evidence=_evidence_for(links, ("theme",), name))
        for name in dict.fromkeys(links.themes)
    ]
    return list(section_links.values()), theme_links


def doubts_of(links: ParagraphLinks) -> list[dict]:
    """The detector's doubts about a paragraph, as Comment.link_doubts stores them."""
    return [
        {"words": doubt.words, "reason": doubt.reason, "sections": list(doubt.sections)}
        for doubt in links.doubts
    ]


def suggested_fields(links: ParagraphLinks) -> dict:
    """What the detector suggests of a new comment beyond its links: its stance with the words
    that suggest it, the wording it proposes, and its doubts."""
    return {
        "stance": links.stance,
        "stance_evidence": links.stance_words[:200],
        "proposed_wording": "\n".join(links.proposed),
        "link_doubts": doubts_of(links),
    }


def _plan_targets(plan, paragraphs):
    numbers = {number for links in paragraphs for number in links.sections}
    numbers |= {quote.section for links in paragraphs for quote in links.quotes}
    sections = {section.number: section for section in plan.sections.filter(number__in=numbers)}
    names = {name for links in paragraphs for name in links.themes}
    themes = {theme.name: theme for theme in plan.themes.filter(name__in=names)}
    return sections, themes


@transaction.atomic
def link_comment(*, comment: Comment, links: ParagraphLinks) -> None:
    """Make `comment`'s section and theme links exactly those the detector found, and no others,
    each keeping the words that suggested it, and its doubts those the detector had.

    Each link is validated with `full_clean`, so a link to another plan's section is refused
    and, the whole call being one transaction, nothing is half-saved.
    """
    sections, themes = _plan_targets(comment.response.plan, [links])
    wanted_section_links, wanted_theme_links = detected_link_rows(comment, links, sections, themes)
    replace_links(comment.section_links, wanted_section_links, key=SECTION_LINK_KEY)
    replace_links(comment.theme_links, wanted_theme_links, key=THEME_LINK_KEY)
    doubts = doubts_of(links)
    if comment.link_doubts != doubts:
        comment.link_doubts = doubts
        comment.save(update_fields=["link_doubts"])


def create_linked_comments(*, response, paragraphs: list[ParagraphLinks]) -> list[Comment]:
    """New comments of `response`, one per paragraph in order, each linked as its paragraph
    says and with the stance, proposed wording and doubts it suggests: in five queries however
    many there are (an import of a thousand letters makes these by the tens of thousands), with
    history as if each were saved on its own.

    The links need no checks beyond the detector's: every section and theme is read from the
    response's own plan, and every quote is wording the detector found in its section.
    """
    sections, themes = _plan_targets(response.plan, paragraphs)
    comments = bulk_create_with_history(
        [
            Comment(
                response=response, position=position, text=links.text, **suggested_fields(links)
            )
            for position, links in enumerate(paragraphs, start=1)
        ],
        Comment,
    )
    section_links, theme_links = [], []
    for comment, links in zip(comments, paragraphs, strict=True):
        rows = detected_link_rows(comment, links, sections, themes)
        section_links += rows[0]
        theme_links += rows[1]
    bulk_create_with_history(section_links, SectionLink)
    bulk_create_with_history(theme_links, ThemeLink)
    return comments


# What makes two links of one comment the same link.
SECTION_LINK_KEY = ("section_id", "exact")
THEME_LINK_KEY = ("theme_id",)


def replace_links(stored, wanted, *, key):
    """Make `stored` (one comment's links of one kind: its section links, theme links or tags)
    exactly `wanted`, links of the same model, saved or not.

    A wanted link already stored under the same `key` keeps its row, saved again only if it
    differs, so history records each link added, changed and removed and nothing else; wanted
    links sharing a key are one link; stored links not wanted are deleted. Each link saved is
    checked with `full_clean` first, so a link to another plan's section is refused: call this
    inside a transaction, and a refusal saves nothing. Returns whether anything changed.
    """
    existing = {_key(link, key): link for link in stored.all()}
    unique = {}
    for link in wanted:
        unique.setdefault(_key(link, key), link)
    kept_ids = []
    saved = False
    for link_key, link in unique.items():
        current = existing.get(link_key)
        if current is not None:
            if _same_values(current, link):
                kept_ids.append(current.pk)
                continue
            link.pk, link._state.adding = current.pk, False
        link.full_clean()
        link.save()
        saved = True
        kept_ids.append(link.pk)
    deleted, _ = stored.exclude(pk__in=kept_ids).delete()
    return saved or bool(deleted)


def _key(link, fields):
    return tuple(getattr(link, field) for field in fields)


def _same_values(stored, wanted):
    return all(
        getattr(stored, field.attname) == getattr(wanted, field.attname)
        for field in stored._meta.concrete_fields
        if not field.primary_key
    )
