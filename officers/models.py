"""Policy officers' own analysis of comments: tags, review status, internal notes.

The respondent's words are never edited here; every change is kept, with who made it and when
(django-simple-history), so it can be seen and reverted.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from simple_history.models import HistoricalRecords

from responses.models import Comment


class Tag(models.Model):
    name = models.CharField(max_length=60)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(Lower("name"), name="tag_name_unique_any_case")]

    def __str__(self):
        return self.name


class CommentTag(models.Model):
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="comment_tags")
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="comment_tags")
    history = HistoricalRecords()

    class Meta:
        ordering = ["tag__name"]
        constraints = [
            models.UniqueConstraint(fields=["comment", "tag"], name="comment_tag_unique")
        ]

    def __str__(self):
        return f"{self.comment} #{self.tag}"


class Review(models.Model):
    """Where an officer's reading of one comment stands."""

    class Status(models.TextChoices):
        NOT_REVIEWED = "not_reviewed", "Not reviewed"
        REVIEWED = "reviewed", "Reviewed"
        ACTED_ON = "acted_on", "Acted on"

    comment = models.OneToOneField(Comment, on_delete=models.CASCADE, related_name="review")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NOT_REVIEWED)
    plan_change = models.TextField(
        "plan change it led to", blank=True, help_text="Required when the comment was acted on."
    )
    note = models.TextField("internal note", blank=True, help_text="Seen by officers only.")
    history = HistoricalRecords()

    class Meta:
        permissions = [("annotate_comment", "Can annotate comments and publish responses")]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="acted_on") | ~models.Q(plan_change=""),
                name="acted_on_review_names_its_plan_change",
            )
        ]

    def __str__(self):
        return f"Review of {self.comment}: {self.get_status_display()}"

    def clean(self):
        if self.status == self.Status.ACTED_ON and not self.plan_change.strip():
            raise ValidationError(
                {"plan_change": "Say which change to the plan the comment led to."}
            )


class Redaction(models.Model):
    """Words of a comment the public does not read, laid over the respondent's text, which is
    never edited: the characters `start` to `end` of Comment.text, which held `exact` (kept to
    check the place still holds them). Found by the personal data finder (proposed, for an
    officer to redact or set aside) or given by an officer; redacted or lifted with a reason,
    each step in the comment's history with who took it."""

    class Kind(models.TextChoices):
        EMAIL = "email", "Email address"
        PHONE = "phone", "Phone number"
        POSTCODE = "postcode", "Postcode"
        NI_NUMBER = "ni_number", "National Insurance number"
        DATE_OF_BIRTH = "date_of_birth", "Date of birth"
        ADDRESS = "address", "Street address"
        PERSON = "person", "A person's name"
        OWN_NAME = "own_name", "The respondent's own name"
        OTHER = "other", "Other personal data"

    class State(models.TextChoices):
        PROPOSED = "proposed", "Found, to decide"
        REDACTED = "redacted", "Redacted"
        SET_ASIDE = "set_aside", "Not personal data"
        LIFTED = "lifted", "Redaction lifted"

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="redactions")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    exact = models.TextField()
    kind = models.CharField(max_length=20, choices=Kind.choices)
    state = models.CharField(max_length=20, choices=State.choices, default=State.PROPOSED)
    # Why it was redacted, set aside or lifted, in the officer's words.
    reason = models.CharField(max_length=300, blank=True)
    found_by_finder = models.BooleanField(default=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["comment", "start"]
        constraints = [
            models.UniqueConstraint(
                fields=["comment", "start", "end"], name="redaction_place_unique_in_comment"
            ),
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")), name="redaction_not_empty"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} in {self.comment}: {self.get_state_display()}"


class Moderation(models.Model):
    """An officer's decision on a submitted response waiting to be published: approved (and so
    published, as its respondent agreed) or rejected, with why. A rejected response stays
    readable by officers and leaves the moderation queue."""

    class Decision(models.TextChoices):
        APPROVED = "approved", "Approved and published"
        REJECTED = "rejected", "Rejected"

    response = models.OneToOneField(
        "responses.Response", on_delete=models.CASCADE, related_name="moderation"
    )
    decision = models.CharField(max_length=10, choices=Decision.choices)
    reason = models.CharField(max_length=300, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField()
    history = HistoricalRecords()

    def __str__(self):
        return f"{self.response}: {self.get_decision_display()}"
