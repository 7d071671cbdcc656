"""What a respondent agreed to be published (Response.Consent): asked on the site before the
respondent checks their response, recorded by an officer for a response received by email, post
or at an event, and honoured by publishing (officers.services.publish_response)."""

from django.db import transaction
from django.utils import timezone

from plans.models import Plan
from responses.models import Response


class ConsentNotGiven(Exception):
    """The respondent has not said whether their response may be published."""


class CannotPublish(Exception):
    """The respondent did not agree to publication, or nobody recorded what they said."""


@transaction.atomic
def record_consent(response: Response, consent: str, *, by=None) -> Response:
    """Record `consent` (a Response.Consent) as the respondent's: chosen on the site (`by` None)
    or as an officer `by` recorded it. A published response whose respondent now withholds
    consent is unpublished in the same transaction."""
    response.publication_consent = consent
    response.consent_recorded_at = timezone.now()
    response.consent_recorded_by = by
    fields = ["publication_consent", "consent_recorded_at", "consent_recorded_by", "updated_at"]
    if response.status == Response.Status.PUBLISHED and not response.may_be_published:
        response.status = Response.Status.SUBMITTED
        fields.append("status")
    response.save(update_fields=fields)
    if not response.is_draft:
        Plan.objects.filter(pk=response.plan_id).bump_generation()
    return response


def check_publishable(response: Response) -> None:
    """CannotPublish, saying why, unless the respondent agreed to publication."""
    if response.publication_consent == Response.Consent.WITHHELD:
        raise CannotPublish("Its respondent asked for it not to be published.")
    if not response.may_be_published:
        raise CannotPublish(
            "Nobody has recorded whether its respondent agrees to publication: record what "
            "they said first."
        )
