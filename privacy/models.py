"""What is left of an erasure: a tombstone that says who erased whom's data, when, why and how
many records went, and holds nothing of the person (privacy.erasure)."""

from django.conf import settings
from django.db import models

from plans.models import Plan


class Erasure(models.Model):
    class Scope(models.TextChoices):
        DETAILS = "details", "Personal details; comments kept, anonymised"
        EVERYTHING = "everything", "Personal details and comments"

    class Cause(models.TextChoices):
        REQUEST = "request", "Asked for"
        RETENTION = "retention", "Retention period ended"

    erased_at = models.DateTimeField(auto_now_add=True)
    # The admin who erased; empty when the retention runner did.
    erased_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    cause = models.CharField(max_length=10, choices=Cause.choices, default=Cause.REQUEST)
    scope = models.CharField(max_length=10, choices=Scope.choices)
    # The plan whose retention period ended, for an erasure by the retention runner.
    plan = models.ForeignKey(
        Plan, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Why, in the admin's words, with anything in them of the person erased too.
    reason = models.CharField(max_length=500)
    respondent_kind = models.CharField(max_length=20, blank=True)
    # How many of each kind of record were erased or anonymised: {"responses": 2, …}.
    counts = models.JSONField(default=dict)

    class Meta:
        ordering = ["-erased_at", "-pk"]
        permissions = [
            ("erase_respondent", "Can erase a respondent's personal data and download it for them")
        ]

    def __str__(self):
        return f"Erasure of {self.erased_at:%Y-%m-%d %H:%M}: {self.get_scope_display()}"

    @property
    def counted(self):
        """The counts as words, "2 responses", "1 account", for the pages."""
        return [
            f"{count:,} {SINGULAR.get(what, what) if count == 1 else what}"
            for what, count in self.counts.items()
            if count
        ]


# The records an erasure counts (privacy.erasure), as one of each is called.
SINGULAR = {
    "respondents": "respondent",
    "responses": "response",
    "responses anonymised": "response anonymised",
    "comments": "comment",
    "comments anonymised": "comment anonymised",
    "documents": "document",
    "survey files": "survey file",
    "campaign letters": "campaign letter",
    "accounts": "account",
    "history records": "history record",
    "admin log entries": "admin log entry",
    "saved reports": "saved report",
}
