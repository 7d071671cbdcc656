"""A respondent's own data, for a subject access request: a zip of one JSON file (who they are,
their account, each response with its comments as they wrote them and as the public reads
them, and what officers decided about publishing it) and the documents their responses came in.

Left out, and said so in the file: officers' internal notes (an officer reads them before
disclosing them), and a survey's file, which holds other respondents' rows (their own row is in
the JSON, as read).
"""

import io
import json
import zipfile

from django.db.models import Prefetch, Q
from django.utils import timezone

from intake.models import ImportedDocument
from responses.models import Comment, Respondent, Response

LEFT_OUT = [
    "Officers' internal notes on your comments: ask us for them and an officer will review them "
    "before they are disclosed.",
    "The file of a survey you answered, which holds other people's answers: your own answers are "
    "in this file as we read them.",
]


def responses_of(*, respondent=None, user=None):
    """The responses a subject access request covers: a respondent's, or an account's (those it
    wrote and those of the respondents it responds as)."""
    if respondent is not None:
        return Response.objects.filter(respondent=respondent)
    return Response.objects.filter(Q(owner=user) | Q(respondent__user=user))


def archive(responses, *, user=None) -> bytes:
    """The zip of `responses` (and of `user`'s account, when the request is theirs)."""
    responses = list(
        responses.select_related("plan", "respondent", "moderation", "document")
        .prefetch_related(
            Prefetch(
                "comments",
                Comment.objects.prefetch_related(
                    "section_links__section", "theme_links__theme", "comment_tags__tag"
                ),
            )
        )
        .order_by("created_at", "pk")
    )
    respondents = {response.respondent for response in responses}
    data = {
        "made_at": timezone.now().isoformat(),
        "respondents": [_respondent(respondent) for respondent in respondents],
        "account": _account(user) if user is not None else None,
        "responses": [_response(response) for response in responses],
        "left_out": LEFT_OUT,
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr("your-data.json", json.dumps(data, indent=2, ensure_ascii=False))
        for document in _documents(responses):
            zipped.writestr(f"documents/{document.pk}-{document.filename}", bytes(document.content))
    return buffer.getvalue()


def _respondent(respondent: Respondent):
    return {
        "name": respondent.name,
        "kind": respondent.get_kind_display(),
        "description": respondent.description,
    }


def _account(user):
    return {
        "username": user.username,
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "joined": user.date_joined.isoformat(),
        "last_signed_in": user.last_login and user.last_login.isoformat(),
    }


def _response(response: Response):
    moderation = getattr(response, "moderation", None)
    document = getattr(response, "document", None)
    return {
        "reference": response.reference,
        "plan": response.plan.title,
        "respondent": response.respondent.name,
        "status": response.get_status_display(),
        "how_it_came": response.get_channel_display(),
        "received_on": response.received_on and response.received_on.isoformat(),
        "submitted_at": response.submitted_at and response.submitted_at.isoformat(),
        "consent_to_publish": response.get_publication_consent_display() or "Not recorded",
        "published_as": response.public_name if response.status == "published" else None,
        "contact": response.contact_name,
        "greeting_and_signature": response.letter_furniture,
        "moderation": moderation
        and {"decision": moderation.get_decision_display(), "reason": moderation.reason},
        "survey_answers": document.cells if document is not None and document.cells else None,
        "comments": [_comment(comment) for comment in response.comments.all()],
    }


def _comment(comment: Comment):
    review = getattr(comment, "review", None)
    return {
        "position": comment.position,
        "sections": [link.section.number for link in comment.section_links.all()],
        "quoted_wording": [link.exact for link in comment.section_links.all() if link.exact],
        "themes": [link.theme.name for link in comment.theme_links.all()],
        "stance": comment.get_stance_display(),
        "text": comment.text,
        "as_the_public_reads_it": comment.public_text or comment.text,
        "proposed_wording": comment.proposed_wording,
        "review_status": review.get_status_display() if review else "Not reviewed",
        "tags": [comment_tag.tag.name for comment_tag in comment.comment_tags.all()],
    }


def _documents(responses):
    return ImportedDocument.objects.filter(
        response__in=[response.pk for response in responses], cells__isnull=True
    ).exclude(content=b"")
