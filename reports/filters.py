"""Which responses a summary report covers: the filters an admin sets on the report's page or
the command's options, in words for its title page and as the export log keeps them."""

import datetime
from dataclasses import dataclass

from django.utils import dateformat

from responses.models import Respondent, Response

STATUS_CHOICES = [
    ("both", "Submitted and published"),
    (Response.Status.SUBMITTED, "Submitted, not yet published"),
    (Response.Status.PUBLISHED, "Published"),
]
STATUSES = {
    "both": (Response.Status.SUBMITTED, Response.Status.PUBLISHED),
    Response.Status.SUBMITTED: (Response.Status.SUBMITTED,),
    Response.Status.PUBLISHED: (Response.Status.PUBLISHED,),
}
_KIND_LABELS = dict(Respondent.Kind.choices)


def _long_date(date):
    return dateformat.format(date, "j F Y")


@dataclass(frozen=True)
class ReportFilters:
    """Which responses the report covers: their status, when they were submitted (local dates,
    both ends included) and the kind of respondent ("" for any)."""

    status: str = "both"
    submitted_from: datetime.date | None = None
    submitted_to: datetime.date | None = None
    respondent_kind: str = ""

    def as_json(self):
        """The filters as the export log keeps them."""
        return {
            "status": self.status,
            "submitted_from": self.submitted_from.isoformat() if self.submitted_from else None,
            "submitted_to": self.submitted_to.isoformat() if self.submitted_to else None,
            "respondent_kind": self.respondent_kind or None,
        }

    @classmethod
    def from_json(cls, data):
        """The filters `as_json` kept (a report made in the background keeps them so)."""
        dates = {
            key: datetime.date.fromisoformat(data[key]) if data.get(key) else None
            for key in ("submitted_from", "submitted_to")
        }
        return cls(
            status=data.get("status") or "both",
            respondent_kind=data.get("respondent_kind") or "",
            **dates,
        )

    def descriptions(self):
        """The filters in words, for the report's title page."""
        lines = [f"Responses: {dict(STATUS_CHOICES)[self.status].lower()}"]
        if self.submitted_from and self.submitted_to:
            lines.append(
                f"Submitted from {_long_date(self.submitted_from)} "
                f"to {_long_date(self.submitted_to)}"
            )
        elif self.submitted_from:
            lines.append(f"Submitted on or after {_long_date(self.submitted_from)}")
        elif self.submitted_to:
            lines.append(f"Submitted on or before {_long_date(self.submitted_to)}")
        if self.respondent_kind:
            lines.append(f"Respondents: {_KIND_LABELS[self.respondent_kind].lower()}s only")
        else:
            lines.append("Respondents: organisations and individuals")
        return lines
