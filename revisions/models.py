"""A plan's revised versions, and what became of each section and each quote in them.

The plan as consulted on (plans.Section) is version 1. A revision the department publishes after
the consultation is a PlanVersion (2, 3, …) with its own RevisedSections. Each section of the
previous version is matched to its successors in the revision (a SectionChange: same, changed,
moved, split, new or removed; plans.versions matches them, an officer may correct it), and each
quote a comment made is followed into the revision (a RevisedQuote: unchanged, changed, gone or
ambiguous; plans.versions.reanchor).
"""

from functools import cached_property

from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from marginalia.jobs import Job
from plans.anchoring import percent
from plans.models import Plan, Section, section_title
from plans.ordering import sort_key
from plans.validators import validate_section_number
from plans.versions import normalised_words
from responses.models import SectionLink


class QuoteFollowing(Job):
    """The following of a plan's quotes into its revisions from `from_number` on, asked for
    when a revision is saved, its matches corrected or a quote placed by an officer
    (revisions.tasks.request_following), and done by a worker: a job of marginalia.jobs' shape.
    One per plan: asked for again while it waits, it follows from the lower number."""

    plan = models.OneToOneField(Plan, on_delete=models.CASCADE, related_name="quote_following")
    from_number = models.PositiveIntegerField(default=2)

    def __str__(self):
        return f"Quotes of {self.plan} followed from version {self.from_number}"


class PlanVersion(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(help_text="2 for the first revision: 1 is as consulted.")
    label = models.CharField(max_length=200, help_text="What the department calls it.")
    published_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # When its quotes were last followed from the previous version (revisions.tasks); None while
    # they wait to be followed (the plan's QuoteFollowing).
    quotes_followed_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="plan_version_unique"),
            models.CheckConstraint(condition=Q(number__gte=2), name="revision_numbered_from_2"),
        ]

    def __str__(self):
        return f"{self.plan}: {self.label} (version {self.number})"

    @property
    def previous_number(self):
        return self.number - 1


class RevisedSection(models.Model):
    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="sections")
    number = models.CharField(max_length=20, validators=[validate_section_number])
    heading = models.CharField(max_length=300, blank=True)
    text = models.TextField(blank=True)
    theme = models.CharField(max_length=200, blank=True)
    sort_key = models.CharField(max_length=20, editable=False, default="")

    class Meta:
        ordering = ["version", "sort_key"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "number"], name="revised_section_number_unique"
            )
        ]

    def __str__(self):
        return f"{self.number} {self.heading}".strip()

    def save(self, *args, **kwargs):
        self.sort_key = sort_key(self.number)
        super().save(*args, **kwargs)

    @property
    def title(self):
        return section_title(self.number, self.heading)


class SectionChange(models.Model):
    """What became of one section of the previous version (the old side, copied as it was) in
    this version (the new side), or where a section of this version came from."""

    class Kind(models.TextChoices):
        SAME = "same", "Unchanged"
        CHANGED = "changed", "Reworded"
        MOVED = "moved", "Moved"
        SPLIT = "split", "Split"
        MERGED = "merged", "Merged"
        NEW = "new", "New"
        REMOVED = "removed", "Removed"

    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="changes")
    position = models.PositiveIntegerField(help_text="New sections' order, then removed ones.")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    similarity = models.FloatField(default=0.0)
    old_number = models.CharField(max_length=20, blank=True)
    old_heading = models.CharField(max_length=300, blank=True)
    old_text = models.TextField(blank=True)
    new_section = models.ForeignKey(
        RevisedSection, on_delete=models.CASCADE, null=True, blank=True, related_name="arrivals"
    )
    # The sections as consulted on that the old side carries forward: the one it is, in the
    # first revision; those its predecessors carried, in later ones. Comments are on these.
    sources = models.ManyToManyField(Section, blank=True, related_name="+")
    set_by_officer = models.BooleanField(default=False)

    class Meta:
        ordering = ["version", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "position"], name="section_change_position_unique"
            ),
            models.CheckConstraint(
                condition=Q(kind="removed", new_section__isnull=True)
                | (~Q(kind="removed") & Q(new_section__isnull=False)),
                name="only_a_removed_section_has_no_successor",
            ),
            models.CheckConstraint(
                condition=Q(kind="new", old_number="") | (~Q(kind="new") & ~Q(old_number="")),
                name="only_a_new_section_has_no_predecessor",
            ),
        ]

    def __str__(self):
        return f"{self.old_number or '–'} → {self.new_section.number if self.new_section else '–'}"

    @property
    def old_title(self):
        return section_title(self.old_number, self.old_heading) if self.old_number else ""

    @cached_property
    def wording_changed(self):
        """Whether a reader of the old section finds other words in the new one (case and
        punctuation aside)."""
        if self.new_section is None or not self.old_number:
            return True
        new = self.new_section
        return normalised_words(f"{self.old_heading} {self.old_text}") != normalised_words(
            f"{new.heading} {new.text}"
        )


class RevisedQuote(models.Model):
    """A comment's quote of the plan followed into a revision: where its words are now."""

    class Status(models.TextChoices):
        UNCHANGED = "unchanged", "Still there"
        CHANGED = "changed", "Changed"
        GONE = "gone", "Gone"
        AMBIGUOUS = "ambiguous", "Found more than once"

    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="quotes")
    link = models.ForeignKey(SectionLink, on_delete=models.CASCADE, related_name="revised_quotes")
    status = models.CharField(max_length=10, choices=Status.choices)
    section = models.ForeignKey(
        RevisedSection, on_delete=models.CASCADE, null=True, blank=True, related_name="quotes"
    )
    # The quote as a TextQuoteSelector over the revised section's text (unchanged or changed).
    exact = models.TextField(blank=True)
    prefix = models.CharField(max_length=64, blank=True)
    suffix = models.CharField(max_length=64, blank=True)
    # plans.versions.word_diff of the quoted words: [[operation, words], …]
    diff = models.JSONField(default=list, blank=True)
    # What became of the quote, in words: "Changed: considered → encouraged" (describe()).
    summary = models.TextField(blank=True)
    # How alike the place found is (plans.versions.Reanchored.score): 1.0 for words still there.
    score = models.FloatField(default=1.0)
    # Placed too unsurely, or not placed for more than one fitting place: an officer decides
    # (the version's quotes to check), choosing among `candidates`: [{"section": revised
    # section id, "exact", "prefix", "suffix", "score"}, …].
    to_check = models.BooleanField(default=False)
    candidates = models.JSONField(default=list, blank=True)
    placed_by_officer = models.BooleanField(default=False)
    # Only an officer's placing is saved one at a time, so only that is in the history.
    history = HistoricalRecords()

    class Meta:
        ordering = ["version", "link"]
        constraints = [
            models.UniqueConstraint(fields=["version", "link"], name="revised_quote_unique"),
            models.CheckConstraint(
                condition=Q(status__in=["gone", "ambiguous"]) | Q(section__isnull=False),
                name="a_found_quote_has_its_section",
            ),
        ]
        # Officers read how many quotes a version has to check on each of its pages.
        indexes = [
            models.Index(
                fields=["version"], condition=Q(to_check=True), name="revised_quote_to_check"
            )
        ]

    def __str__(self):
        return f"{self.link} in version {self.version.number}: {self.status}"

    @property
    def placement(self):
        """How the quote was placed, as every page and report says it."""
        return placement(self.status, self.score, self.placed_by_officer, self.to_check)

    @staticmethod
    def describe(status, diff=(), *, score=1.0, placed_by_officer=False, to_check=False):
        """What became of a quote and how it was placed, in words, for pages and every report
        format: "Still there (found)", "Changed: considered → encouraged (found approximately,
        score 86 %)", "Gone (not found)", "Found more than once (to check)"."""
        if status == RevisedQuote.Status.CHANGED:
            removed = " ".join(words for op, words in diff if op == "delete")
            added = " ".join(words for op, words in diff if op == "insert")
            what = f"Changed: {removed or '…'} → {added or '…'}"
        else:
            what = RevisedQuote.Status(status).label
        return f"{what} ({placement(status, score, placed_by_officer, to_check).lower()})"


FOUND, FOUND_APPROXIMATELY, PLACED_BY_OFFICER, NOT_FOUND, TO_CHECK = (
    "Found",
    "Found approximately",
    "Placed by an officer",
    "Not found",
    "To check",
)


def placement(status, score, placed_by_officer=False, to_check=False):
    """How a quote was placed in a revision: "Found", "Found approximately, score 85 %",
    "Placed by an officer", "Not found" or, while an officer has not decided, "To check"."""
    if placed_by_officer:
        return PLACED_BY_OFFICER
    if to_check or status == RevisedQuote.Status.AMBIGUOUS:
        return TO_CHECK
    if status == RevisedQuote.Status.UNCHANGED:
        return FOUND
    if status == RevisedQuote.Status.CHANGED:
        return f"{FOUND_APPROXIMATELY}, score {percent(score)}"
    return NOT_FOUND
