"""Reading what the intake brought in: the comments of responses received outside the site whose
suggested links an officer has not yet confirmed, and that need it most."""

from django.db.models import Exists, OuterRef, Prefetch, Q

from plans.anchoring import SURE, percent
from responses.models import Comment, Response, SectionLink, ThemeLink

# Why a comment waits in the queue, as the page says it.
LINKED_TO_NOTHING = "Linked to nothing: about the whole plan?"
THEMES_ONLY = "Linked to themes only"
QUOTE_ONLY = "Linked by quoted words alone"
DOUBT = "Quoted words to place"
APPROXIMATE = "Quoted approximately"
# Evidence that names a section number: a number not followed by a "%" (a quote's "91 % alike").
NAMES_A_NUMBER = r"(^|[^0-9.])[0-9]+(\.[0-9]+)*([^0-9 %.]|$| [^%]|\.([^0-9]|$))"


def comments_to_check(plan):
    """Comments of the plan's responses received outside the site, not yet confirmed, that link
    to no section, or to a section only by words quoted from it (no section number cited), or
    that quote the plan approximately or in words the detector could not place, in the order
    they came."""
    section_links = SectionLink.objects.filter(comment=OuterRef("pk"))
    return (
        Comment.objects.filter(response__plan=plan, links_checked_at=None)
        .exclude(response__channel=Response.Channel.ONLINE)
        .exclude(response__status=Response.Status.DRAFT)
        .filter(
            ~Exists(section_links)
            | Exists(section_links.exclude(evidence__regex=NAMES_A_NUMBER))
            | Exists(section_links.filter(similarity__lt=SURE))
            | ~Q(link_doubts=[])
        )
        .select_related("response__respondent")
        .prefetch_related(
            Prefetch("section_links", SectionLink.objects.select_related("section")),
            Prefetch("theme_links", ThemeLink.objects.select_related("theme")),
        )
        .order_by("response__submitted_at", "response_id", "position")
    )


def why_to_check(comment):
    """Why `comment` (from comments_to_check) waits in the queue."""
    if comment.link_doubts:
        return DOUBT
    section_links = list(comment.section_links.all())
    alike = [link.similarity for link in section_links if link.similarity is not None]
    if alike and min(alike) < SURE:
        return f"{APPROXIMATE} ({percent(min(alike))} alike)"
    if not section_links:
        return THEMES_ONLY if comment.theme_links.all() else LINKED_TO_NOTHING
    return QUOTE_ONLY
