"""Services that write responses and their links, each rule checked before anything is saved."""

from django.db import transaction

from plans.models import Plan
from responses.linking import ParagraphLinks, detect_links
from responses.models import Comment, SectionLink, ThemeLink


def suggest_links(*, plan: Plan, text: str) -> list[ParagraphLinks]:
    """Run the link detector over `text` against `plan`'s sections and themes (two queries)."""
    sections = dict(plan.sections.values_list("number", "text"))
    themes = list(plan.themes.values_list("name", flat=True))
    return detect_links(text, sections=sections, themes=themes)


@transaction.atomic
def link_comment(*, comment: Comment, links: ParagraphLinks) -> None:
    """Make `comment`'s section and theme links exactly those the detector found, and no others.

    Each link is validated with `full_clean`, so a link to another plan's section is refused
    and, the whole call being one transaction, nothing is half-saved.
    """
    plan = comment.response.plan
    sections = {
        section.number: section for section in plan.sections.filter(number__in=links.sections)
    }
    themes = {theme.name: theme for theme in plan.themes.filter(name__in=links.themes)}

    wanted_section_links = []
    quoted_sections = set()
    for quote in links.quotes:
        quoted_sections.add(quote.section)
        wanted_section_links.append(
            SectionLink(
                comment=comment,
                section=sections[quote.section],
                exact=quote.exact,
                prefix=quote.prefix,
                suffix=quote.suffix,
            )
        )
    for number in links.sections:
        if number not in quoted_sections:
            wanted_section_links.append(SectionLink(comment=comment, section=sections[number]))
    wanted_theme_links = [ThemeLink(comment=comment, theme=themes[name]) for name in links.themes]

    _replace_links(comment.section_links, wanted_section_links, key=("section_id", "exact"))
    _replace_links(comment.theme_links, wanted_theme_links, key=("theme_id",))


def _replace_links(existing_manager, wanted, *, key):
    """Keep links already stored (same rows on a re-run), add the missing, delete the rest."""
    existing = {
        tuple(getattr(link, field) for field in key): link for link in existing_manager.all()
    }
    kept_ids = []
    for link in wanted:
        identity = tuple(getattr(link, field) for field in key)
        if identity in existing:
            stored = existing[identity]
            for field in ("prefix", "suffix"):
                if hasattr(link, field):
                    setattr(stored, field, getattr(link, field))
            link = stored
        link.full_clean()
        link.save()
        kept_ids.append(link.pk)
    existing_manager.exclude(pk__in=kept_ids).delete()
