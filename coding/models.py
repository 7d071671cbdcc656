"""Officers' analysis of what was said, by a coding frame: a plan's codes in a hierarchy (theme,
then sub-theme), each comment's codes with where each came from (suggested by the machine,
confirmed by an officer, or given by one), the themes the machine suggests from the comments
(coding.themes), and a sample coded twice to measure how far officers agree (coding.agreement).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from simple_history.models import HistoricalRecords

from marginalia.jobs import Job
from plans.models import Plan
from responses.models import Comment


class Code(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="codes")
    # A theme has none; a sub-theme has its theme. No deeper.
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        verbose_name="theme it belongs to",
    )
    name = models.CharField(max_length=120)
    description = models.TextField(blank=True, help_text="What comments with this code say.")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", Lower("name")]
        constraints = [
            models.UniqueConstraint(
                "plan",
                Lower("name"),
                condition=Q(parent=None),
                name="theme_code_name_unique_in_plan",
            ),
            models.UniqueConstraint(
                "parent", Lower("name"), name="sub_theme_code_name_unique_in_theme"
            ),
        ]

    def __str__(self):
        return f"{self.parent.name} › {self.name}" if self.parent_id else self.name

    def clean(self):
        if self.parent_id is None:
            return
        if self.parent.plan_id != self.plan_id:
            raise ValidationError({"parent": "Choose a theme of this plan's coding frame."})
        if self.parent.parent_id is not None:
            raise ValidationError(
                {"parent": "A sub-theme belongs to a theme: choose a theme, not a sub-theme."}
            )
        if self.pk and self.children.exists():
            raise ValidationError({"parent": "A theme with sub-themes cannot become a sub-theme."})


def in_frame_order(plan):
    """The plan's codes as the frame lists them: each theme (A to Z, any case) and then its
    sub-themes."""
    return sorted(
        Code.objects.filter(plan=plan).select_related("parent"),
        key=lambda c: (str(c.parent or c).lower(), c.parent_id is not None, c.name.lower()),
    )


class Assignment(models.Model):
    """A comment coded: where the code came from, and who confirmed or gave it."""

    class Origin(models.TextChoices):
        SUGGESTED = "suggested", "Suggested"
        CONFIRMED = "confirmed", "Confirmed"
        OFFICER = "officer", "Coded by an officer"

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="codings")
    code = models.ForeignKey(Code, on_delete=models.CASCADE, related_name="assignments")
    origin = models.CharField(max_length=10, choices=Origin.choices)
    # How sure the machine is of a code it suggested (0 to 1): for a code suggested for an
    # uncoded comment, the share of the officers' coded comments as alike that had it
    # (coding.code_suggestions); for a suggested theme's comment, how strongly it raises it.
    score = models.FloatField(null=True, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    # Chosen by an officer to quote in the report as the code's representative comment.
    quoted = models.BooleanField(default=False)
    # The suggesting of codes that suggested it, if one did (not a suggested theme accepted):
    # suggesting again replaces its suggestions no officer has confirmed or quoted.
    suggested_in = models.ForeignKey(
        "CodeSuggesting",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="codings",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["comment", "code"]
        constraints = [
            models.UniqueConstraint(fields=["comment", "code"], name="code_once_per_comment")
        ]

    def __str__(self):
        return f"{self.comment} coded {self.code} ({self.get_origin_display()})"

    @property
    def sure_percent(self) -> int | None:
        """How sure the machine is of a code it suggested for an uncoded comment, in whole
        percent, never 100 (it is measured, and can be wrong); None when not measured so (a
        suggested theme's comments are scored by how strongly they raise it, not by how sure)."""
        if self.origin != self.Origin.SUGGESTED or self.suggested_in_id is None:
            return None
        if self.score is None:
            return None
        return min(99, int(self.score * 100))


# The codings officers gave or confirmed: what the public reads once the frame is published, what
# a second coder is measured against, and what codes are suggested from.
BY_OFFICERS = (Assignment.Origin.CONFIRMED, Assignment.Origin.OFFICER)


class ThemeSuggesting(Job):
    """The machine's reading of a set of comments (a plan's, a section's, or those a filter
    chose) for the themes they raise: a job of marginalia.jobs' shape, done in the background
    (coding.tasks), its themes kept until an officer decides on each."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="theme_suggestings")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # The officers' filters that chose the comments, as a query string ("" for all of them).
    filters = models.CharField(max_length=1000, blank=True)
    described = models.CharField(max_length=300, help_text="Which comments, in words.")
    themes_wanted = models.PositiveSmallIntegerField(default=8)
    # A suggested theme read again to split it: its comments are those read.
    split_from = models.ForeignKey(
        "SuggestedTheme", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # How many comments were read, a campaign's near-copies once.
    comments_read = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"Themes suggested for {self.described}"


class CodeSuggesting(Job):
    """The machine's suggestion of a code for each comment of a plan no code was given yet, read
    from the comments officers coded (coding.code_suggestions): a job of marginalia.jobs'
    shape, done in the background (coding.tasks)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="code_suggestings")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    suggested = models.PositiveIntegerField(default=0)
    # The least likeness a code was suggested at, and how many of the officers' coded comments
    # how sure the suggestions are was measured on (None and 0 until done).
    likeness_needed = models.FloatField(null=True, blank=True)
    checked_on = models.PositiveIntegerField(default=0)
    # How many codes suggested before, and not confirmed or quoted since, it took off as no
    # longer suggested.
    withdrawn = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"Codes suggested for {self.plan}"


class SuggestedTheme(models.Model):
    class Decision(models.TextChoices):
        OPEN = "open", "To decide"
        ACCEPTED = "accepted", "Accepted"
        DISCARDED = "discarded", "Discarded"

    suggesting = models.ForeignKey(ThemeSuggesting, on_delete=models.CASCADE, related_name="themes")
    position = models.PositiveSmallIntegerField()
    label = models.CharField(max_length=200)
    # Its most distinctive phrases, most distinctive first.
    phrases = models.JSONField(default=list)
    # How many comments it covers, a campaign's near-copies once; and the ids of the comments
    # that raise it most plainly, first first.
    comment_count = models.PositiveIntegerField(default=0)
    representative = models.JSONField(default=list)
    decision = models.CharField(max_length=10, choices=Decision.choices, default=Decision.OPEN)
    code = models.ForeignKey(
        Code, on_delete=models.SET_NULL, null=True, blank=True, related_name="suggested_by"
    )

    class Meta:
        ordering = ["suggesting", "position"]

    def __str__(self):
        return self.label


class SuggestedMember(models.Model):
    """A comment read as raising a suggested theme, with how strongly (0 to 1)."""

    theme = models.ForeignKey(SuggestedTheme, on_delete=models.CASCADE, related_name="members")
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="+")
    score = models.FloatField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["theme", "comment"], name="suggested_member_once")
        ]

    def __str__(self):
        return f"{self.comment_id} raises {self.theme_id} ({self.score:.2f})"


class AgreementSample(models.Model):
    """Comments an officer already coded, drawn at random for a second officer to code without
    seeing the first coding; how far the two agree is measured (coding.agreement)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="agreement_samples")
    drawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    second_coder = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"Sample of {self.created_at:%d %B %Y} for {self.plan}"


class SampleItem(models.Model):
    """A comment of a sample: the codes it had when drawn (the first coding, confirmed or given
    by officers), the second officer's codes once they coded it, and how a disagreement was
    resolved."""

    sample = models.ForeignKey(AgreementSample, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField()
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="+")
    first_codes = models.JSONField(default=list)
    second_codes = models.JSONField(null=True, blank=True)
    second_coded_at = models.DateTimeField(null=True, blank=True)
    resolved_codes = models.JSONField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolution_note = models.CharField(max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["sample", "position"]
        constraints = [
            models.UniqueConstraint(fields=["sample", "comment"], name="sample_comment_once")
        ]

    def __str__(self):
        return f"{self.sample} #{self.position}"

    @property
    def disagrees(self):
        return self.second_codes is not None and set(self.first_codes) != set(self.second_codes)


class PublishedFrame(models.Model):
    """A plan's coding frame published: the public then reads, in the report, the API and the
    Web Annotation collection, each published comment's codes that officers gave or confirmed
    (never those only suggested). Until then only officers read codes."""

    plan = models.OneToOneField(Plan, on_delete=models.CASCADE, related_name="published_frame")
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    published_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"The coding frame of {self.plan}, published {self.published_at:%d %B %Y}"
