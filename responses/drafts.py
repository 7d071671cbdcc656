"""Services that write a respondent's draft response and submit it.

Every write is one transaction on the draft row locked with SELECT … FOR UPDATE, and checks the
version the respondent's page was loaded with: a save from a stale tab raises DraftConflict
instead of silently overwriting what another tab saved.
"""

from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from plans.models import Plan
from responses.consent import ConsentNotGiven
from responses.models import Comment, Respondent, Response, SectionLink, ThemeLink
from responses.services import (
    SECTION_LINK_KEY,
    THEME_LINK_KEY,
    create_linked_comments,
    replace_links,
    section_link_row,
    suggest_links,
    theme_link_row,
)


class DraftConflict(Exception):
    """The draft was saved elsewhere (another tab) since this page was loaded."""

    def __init__(self, draft):
        super().__init__("The draft changed since the page was loaded.")
        self.draft = draft


class NotADraft(Exception):
    """The response has been submitted: it can no longer be changed."""


class ConsultationClosed(Exception):
    """The plan's consultation has closed: no new submissions."""


class NothingToSubmit(Exception):
    """The draft has no comments yet."""


def remembered_respondent(user):
    """Who `user` last responded as, to fill in the next response's first step."""
    return Respondent.objects.filter(user=user).order_by("-pk").first()


@transaction.atomic
def start_response(*, plan: Plan, user, kind, name, description) -> Response:
    """The user's draft response to `plan` (one per user and plan), responding as given.

    What a submitted response says about its respondent stays as it was submitted: if the
    description changed and the respondent's record is shown on a submitted response, the draft
    gets a new record, and the submitted responses keep theirs."""
    respondent = Respondent.objects.filter(user=user, kind=kind, name=name).order_by("-pk").first()
    if respondent is None or (
        respondent.description != description
        and respondent.responses.exclude(status=Response.Status.DRAFT).exists()
    ):
        respondent = Respondent(user=user, kind=kind, name=name)
    respondent.description = description
    respondent.save()
    draft, created = Response.objects.get_or_create(
        owner=user, plan=plan, status=Response.Status.DRAFT, defaults={"respondent": respondent}
    )
    if not created and draft.respondent_id != respondent.pk:
        draft.respondent = respondent
        draft.version += 1
        draft.save(update_fields=["respondent", "version", "updated_at"])
    return draft


def _lock_draft(response: Response, version: int) -> Response:
    draft = Response.objects.select_for_update().select_related("plan").get(pk=response.pk)
    if not draft.is_draft:
        raise NotADraft
    if draft.version != version:
        raise DraftConflict(draft)
    return draft


def _bump(draft: Response) -> Response:
    draft.version += 1
    draft.save(update_fields=["version", "updated_at"])
    return draft


@transaction.atomic
def save_comments(*, response: Response, version: int, comments: list[dict]) -> Response:
    """Make the draft's comments exactly `comments` (CommentForm cleaned data), in order.

    Links the respondent kept from a suggestion keep the words that suggested them.
    """
    draft = _lock_draft(response, version)
    kept_evidence = _evidence_by_comment(draft)
    draft.comments.all().delete()
    for position, entry in enumerate(comments, start=1):
        comment = Comment.objects.create(
            response=draft,
            position=position,
            text=entry["text"],
            stance=entry["stance"],
            proposed_wording=entry.get("proposed_wording", ""),
        )
        evidence = kept_evidence.get(entry.get("comment_id"), {})
        quotes = {quote.section: quote for quote in entry.get("quotes", [])}
        section_links = []
        for section in [] if entry.get("general") else entry["sections"]:
            section_links.append(
                section_link_row(
                    comment,
                    section,
                    quote=quotes.get(section.number),
                    evidence=evidence.get(("section", section.pk), ""),
                )
            )
        theme_links = [
            theme_link_row(comment, theme, evidence=evidence.get(("theme", theme.pk), ""))
            for theme in entry.get("themes", [])
        ]
        # A new comment has no links stored yet, so none need reading or deleting.
        replace_links(comment.section_links.none(), section_links, key=SECTION_LINK_KEY)
        replace_links(comment.theme_links.none(), theme_links, key=THEME_LINK_KEY)
    return _bump(draft)


def _evidence_by_comment(draft):
    evidence = {}
    for link in SectionLink.objects.filter(comment__response=draft).exclude(evidence=""):
        evidence.setdefault(link.comment_id, {})[("section", link.section_id)] = link.evidence
    for link in ThemeLink.objects.filter(comment__response=draft).exclude(evidence=""):
        evidence.setdefault(link.comment_id, {})[("theme", link.theme_id)] = link.evidence
    return evidence


@transaction.atomic
def import_prose(*, response: Response, version: int, prose: str) -> Response:
    """Replace the draft's comments with one per paragraph of `prose`, linked as the link
    detector suggests, each link keeping the words that suggested it for the respondent to
    check."""
    draft = _lock_draft(response, version)
    draft.comments.all().delete()
    create_linked_comments(response=draft, paragraphs=suggest_links(plan=draft.plan, text=prose))
    return _bump(draft)


@transaction.atomic
def submit_response(*, response: Response, version: int, responses_page_url="") -> Response:
    """Submit the draft: give it a reference and send the respondent a confirmation, which
    links to `responses_page_url` (the respondent's responses page, absolute) when given.

    Submitting what is already submitted (a double click, a refresh, a retry after an error)
    returns it unchanged, and sends the confirmation if it has not gone yet.
    """
    current = Response.objects.select_for_update().select_related("plan").get(pk=response.pk)
    if not current.is_draft:
        if current.confirmed_at is None:
            transaction.on_commit(lambda: _send_confirmation(current, responses_page_url))
        return current
    if not current.plan.is_open():
        raise ConsultationClosed
    draft = _lock_draft(current, version)
    if not draft.comments.exists():
        raise NothingToSubmit
    if not draft.publication_consent:
        raise ConsentNotGiven
    draft.status = Response.Status.SUBMITTED
    draft.submitted_at = timezone.now()
    draft.reference = draft.reference_of_its_own()
    draft.version += 1
    draft.save()
    Plan.objects.filter(pk=draft.plan_id).bump_generation()
    transaction.on_commit(lambda: _send_confirmation(draft, responses_page_url))
    return draft


def _send_confirmation(response: Response, responses_page_url=""):
    """Email the respondent their reference, after the submission committed, and record that
    it went. Claimed first, so two submits of one response at once send it once."""
    claimed = Response.objects.filter(pk=response.pk, confirmed_at=None).update(
        confirmed_at=timezone.now()
    )
    owner = response.owner
    if not claimed or not (owner and owner.email):
        return
    context = {
        "response": response,
        "plan": response.plan,
        "user": owner,
        "responses_page_url": responses_page_url,
    }
    try:
        send_mail(
            subject=f"Your response {response.reference} to {response.plan.title}",
            message=render_to_string("responses/email/confirmation.txt", context),
            from_email=None,
            recipient_list=[owner.email],
        )
    except Exception:
        # Not sent: unclaim it, so the next submit tries again; the submission stands.
        Response.objects.filter(pk=response.pk).update(confirmed_at=None)
        raise
