"""Moderating a plan's submitted responses before they are published: each waits, with what its
respondent agreed (responses.consent) and the personal data found in it (officers.redactions),
until an officer approves it (it is published) or rejects it with a reason. A campaign's
near-copies of one letter are moderated together, once."""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from officers.models import Moderation, Redaction
from officers.redactions import scan_unscanned
from officers.services import publish_response
from responses.consent import CannotPublish
from responses.models import Comment, Response


def waiting_responses(plan):
    """The plan's submitted responses no officer has rejected: those waiting for a decision."""
    return Response.objects.filter(plan=plan, status=Response.Status.SUBMITTED).exclude(
        moderation__decision=Moderation.Decision.REJECTED
    )


def awaiting_moderation(plan):
    """The plan's responses waiting for a decision, oldest first, each with how many findings
    of personal data are still to decide and how many words are redacted."""
    return (
        waiting_responses(plan)
        .select_related("respondent", "campaign")
        .annotate(
            to_decide=Count(
                "comments__redactions",
                filter=Q(comments__redactions__state=Redaction.State.PROPOSED),
            ),
            redacted=Count(
                "comments__redactions",
                filter=Q(comments__redactions__state=Redaction.State.REDACTED),
            ),
        )
        .order_by("submitted_at", "pk")
    )


def read_for_personal_data(plan):
    """Read the comments of the plan's submitted responses the finder has not read yet (those
    stored before it, or whose reading after submission failed), so the queue counts them."""
    return scan_unscanned(
        Comment.objects.filter(response__plan=plan, response__status=Response.Status.SUBMITTED)
    )


@dataclass
class Outcome:
    done: list = field(default_factory=list)
    refused: list = field(default_factory=list)  # (response, why)


def approve(responses, *, by) -> Outcome:
    """Publish each of `responses` its respondent agreed to publish; the others are refused,
    each with why, and wait still."""
    outcome = Outcome()
    for response in responses:
        try:
            with transaction.atomic():
                publish_response(response=response, hide_name=response.hide_respondent_name)
                _decided(response, Moderation.Decision.APPROVED, by=by)
        except CannotPublish as refusal:
            outcome.refused.append((response, str(refusal)))
        else:
            outcome.done.append(response)
    return outcome


@transaction.atomic
def reject(responses, *, by, reason) -> Outcome:
    """Reject each of `responses`, with `reason`: it is not published and leaves the queue."""
    for response in responses:
        _decided(response, Moderation.Decision.REJECTED, by=by, reason=reason)
    return Outcome(done=list(responses))


def _decided(response, decision, *, by, reason=""):
    Moderation.objects.update_or_create(
        response=response,
        defaults={
            "decision": decision,
            "reason": reason.strip()[:300],
            "decided_by": by,
            "decided_at": timezone.now(),
        },
    )
