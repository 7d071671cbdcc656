"""Who said what about which part of a plan: respondents, responses, comments and their links.

Two rules live here, each once: who may read a response (`Response.objects.visible_to`) and whose
name a reader sees (`Response.name_shown_to`, and `shown_respondent_name` to sort and search by
it). A response is read on the critique app's page (settings.ABSOLUTE_URL_OVERRIDES).
Responses sent as near-copies of one letter are grouped into a `Campaign`
(responses.campaigns.grouping).
"""

from decimal import Decimal

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import connections, models
from django.db.models import Case, CharField, F, Q, TextField, Value, When
from django.db.models.functions import Coalesce
from simple_history.models import HistoricalRecords

from marginalia.jobs import Job
from plans.models import Plan, Section, Theme


class Respondent(models.Model):
    class Kind(models.TextChoices):
        ORGANISATION = "organisation", "Organisation"
        INDIVIDUAL = "individual", "Individual"

    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.ORGANISATION)
    description = models.TextField(blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="respondents",
        help_text="The account that responds as this individual or organisation.",
    )
    # When their personal details were erased (privacy.erasure): the name is then ERASED_NAME.
    erased_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


# What the public reads instead of a respondent's name when publishing hid it.
HIDDEN_NAME = "Individual respondent"
HIDDEN_ORGANISATION_NAME = "Organisation respondent"


def reads_submitted_responses(user):
    """Policy officers and admins read every submitted response, with the stored names of its
    respondents; the public (AnonymousUser) and respondents do not."""
    return user.has_perm("responses.view_submitted_response")


def shown_respondent_name(viewer, *, through=""):
    """The respondent's name as `viewer` may read it, as a database expression over the response
    reached through `through` (e.g. "response__"), for sorting and searching by name.

    The same rule as Response.name_shown_to, which pages use for one response at a time.
    """
    stored = F(f"{through}respondent__name")
    if reads_submitted_responses(viewer):
        return stored
    hidden = Q(**{f"{through}hide_respondent_name": True}) | Q(
        **{f"{through}publication_consent": Response.Consent.ANONYMOUS}
    )
    if viewer.pk is not None:
        hidden &= ~Q(**{f"{through}owner_id": viewer.pk})
    organisation = Q(**{f"{through}respondent__kind": Respondent.Kind.ORGANISATION})
    return Case(
        When(hidden & organisation, then=Value(HIDDEN_ORGANISATION_NAME)),
        When(hidden, then=Value(HIDDEN_NAME)),
        default=stored,
        output_field=CharField(),
    )


def shown_text(viewer, *, through=""):
    """A comment's words as `viewer` may read them (Comment.text_shown_to), as a database
    expression over the comment reached through `through`: the respondent's own text for
    officers, admins and the owner; for everyone else the public text, redactions applied."""
    written = F(f"{through}text")
    if reads_submitted_responses(viewer):
        return written
    public = Coalesce(F(f"{through}public_text"), written)
    if viewer.pk is None:
        return public
    return Case(
        When(Q(**{f"{through}response__owner_id": viewer.pk}), then=written),
        default=public,
        output_field=TextField(),
    )


def statuses_read_by(user):
    """The statuses of the responses `user` may read whoever owns them: published ones, and
    submitted ones too for policy officers and admins (besides, each reads their own)."""
    if reads_submitted_responses(user):
        return [Response.Status.PUBLISHED, Response.Status.SUBMITTED]
    return [Response.Status.PUBLISHED]


class ResponseQuerySet(models.QuerySet):
    def plan_generation_of(self, pk):
        """The id and generation of the plan response `pk` answers, or None: all a response's
        page read from the cache needs, in plain SQL (Plan.objects.generation_by_slug's
        reason)."""
        plans = Plan._meta.db_table
        with connections[self.db].cursor() as cursor:
            cursor.execute(
                f"SELECT p.id, p.generation FROM {plans} p"
                f" JOIN {self.model._meta.db_table} r ON r.plan_id = p.id WHERE r.id = %s",
                [pk],
            )
            return cursor.fetchone()

    def visible_to(self, user):
        """The responses `user` may read. Every page, count, search and export goes through here.

        Published responses are public; submitted ones are read by policy officers and admins;
        a draft only by its owner. `user` is an account, or AnonymousUser for the public.
        """
        readable = Q(status__in=statuses_read_by(user))
        # Only an account in the database owns responses.
        if user.pk is not None:
            readable |= Q(owner_id=user.pk)
        return self.filter(readable)


class Response(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted"
        PUBLISHED = "published", "Published"

    class Channel(models.TextChoices):
        ONLINE = "online", "Online"
        EMAIL = "email", "Email"
        POST = "post", "Post"
        EVENT = "event", "Event"

    class Consent(models.TextChoices):
        """What the respondent agreed to be published. Blank: not recorded, so not published
        until it is (a response received by email, post or at an event, until an officer
        records what its respondent said)."""

        NAMED = "named", "Publish my response with my name"
        ANONYMOUS = "anonymous", "Publish my response without my name"
        WITHHELD = "withheld", "Do not publish my response"

    # The same answers as an officer records them for a respondent outside the site.
    CONSENT_AS_RECORDED = [
        ("", "Not known yet: not published until it is recorded"),
        (Consent.NAMED, "They agreed to publication with their name"),
        (Consent.ANONYMOUS, "They agreed to publication without their name"),
        (Consent.WITHHELD, "They asked for it not to be published"),
    ]

    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="responses")
    respondent = models.ForeignKey(Respondent, on_delete=models.PROTECT, related_name="responses")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="responses",
        help_text="The account that wrote the response; only it may read or edit the draft.",
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    # Bumped by every save of the draft, so a save from a stale page is told of the conflict.
    version = models.PositiveIntegerField(default=0, editable=False)
    hide_respondent_name = models.BooleanField(
        default=False,
        help_text="When published, show an individual as 'Individual respondent'. "
        "The stored name is kept.",
    )
    publication_consent = models.CharField(
        max_length=10, choices=Consent.choices, blank=True, verbose_name="consent to publish"
    )
    consent_recorded_at = models.DateTimeField(null=True, blank=True)
    # The officer who recorded what a respondent outside the site said; None when the
    # respondent chose on the site.
    consent_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    history = HistoricalRecords(
        # Each grouping works the campaign out again (responses.campaigns): it is not history.
        excluded_fields=["version", "updated_at", "confirmed_at", "source_sha256", "campaign"]
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    reference = models.CharField(max_length=40, unique=True, null=True, blank=True)
    # Set once the respondent's confirmation email has gone: a submission whose process died
    # between committing and sending is confirmed when the respondent submits again.
    confirmed_at = models.DateTimeField(null=True, blank=True, editable=False)
    channel = models.CharField(
        max_length=20, choices=Channel.choices, default=Channel.ONLINE, help_text="How it came."
    )
    received_on = models.DateField(
        null=True, blank=True, help_text="When a response sent by email, post or at an event came."
    )
    # Of a response received outside the site from an organisation: the person who signed or
    # sent it. For officers; never published.
    contact_name = models.CharField(max_length=200, blank=True)
    # A letter's or email's greeting, cover note and signature, kept apart from its comments.
    letter_furniture = models.TextField(blank=True, editable=False)
    # The SHA-256 of the document a response was imported from: one response per document and
    # plan, so importing the same file again adds nothing (intake).
    source_sha256 = models.CharField(  # noqa: DJ001 (NULL: no document, and NULLs never clash)
        max_length=64, null=True, blank=True, editable=False
    )
    # The campaign (near-copies of one letter) the last grouping put it in; an officer who splits
    # it out keeps it apart from every later grouping.
    campaign = models.ForeignKey(
        "Campaign",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
        editable=False,
    )
    kept_apart = models.BooleanField(
        default=False, help_text="Split out of its campaign by an officer: never grouped again."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ResponseQuerySet.as_manager()

    class Meta:
        ordering = ["submitted_at", "pk"]
        permissions = [
            ("view_submitted_response", "Can read submitted responses"),
            ("publish_response", "Can publish and unpublish submitted responses"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "plan"],
                condition=Q(status="draft"),
                name="one_draft_per_owner_and_plan",
            ),
            models.CheckConstraint(
                condition=Q(status="draft")
                | (Q(submitted_at__isnull=False) & Q(reference__isnull=False)),
                name="submitted_response_has_date_and_reference",
            ),
            models.UniqueConstraint(
                fields=["plan", "source_sha256"], name="one_response_per_document_and_plan"
            ),
        ]

    def __str__(self):
        return self.reference or f"Draft response by {self.respondent}"

    def reference_of_its_own(self):
        """The reference a response is given when it is submitted or received: the plan's prefix
        and the next number of the plan's own sequence, "NOMS-TSAP-000042". A draft has none."""
        return f"{self.plan.reference_prefix}-{self.plan.take_reference_number():06d}"

    @property
    def is_draft(self):
        return self.status == self.Status.DRAFT

    def is_owned_by(self, user):
        return user.pk is not None and self.owner_id == user.pk

    @property
    def hides_name(self):
        """Whether publishing hides the respondent's name from the public: the respondent asked
        (publish without my name), or an officer chose to."""
        return self.hide_respondent_name or self.publication_consent == self.Consent.ANONYMOUS

    @property
    def hidden_name(self):
        """What the public reads instead of the respondent's name."""
        if self.respondent.kind == Respondent.Kind.ORGANISATION:
            return HIDDEN_ORGANISATION_NAME
        return HIDDEN_NAME

    @property
    def public_name(self):
        """The respondent's name as the public reads it."""
        return self.hidden_name if self.hides_name else self.respondent.name

    @property
    def may_be_published(self):
        """Whether its respondent agreed to publication, with or without their name."""
        return self.publication_consent in (self.Consent.NAMED, self.Consent.ANONYMOUS)

    def name_hidden_from(self, viewer):
        """Whether `viewer` (AnonymousUser: the public) reads HIDDEN_NAME instead of the stored
        name: officers, admins and the response's owner always read the stored name."""
        return self.hides_name and not (
            self.is_owned_by(viewer) or reads_submitted_responses(viewer)
        )

    def name_shown_to(self, viewer):
        """The respondent's name as `viewer` may read it; what is said about the respondent
        (their description) is shown only with their name."""
        return self.hidden_name if self.name_hidden_from(viewer) else self.respondent.name

    def clean(self):
        if self.status != self.Status.DRAFT and not (self.submitted_at and self.reference):
            raise ValidationError("A submitted response needs its submission date and reference.")


def asking_for_change_q(prefix=""):
    """Comments that ask for the plan to change: a concern, a recommendation, or any comment
    proposing wording of its own; what "You said, we did" weighs a revision against. A filter
    across `prefix` (e.g. "comment__" from a section link)."""
    return models.Q(**{f"{prefix}stance__in": ASKING_STANCES}) | ~models.Q(
        **{f"{prefix}proposed_wording": ""}
    )


class CommentQuerySet(models.QuerySet):
    def on_the_whole_plan(self):
        """The comments linked to no section and no theme: on the plan as a whole (the plan's
        "general comments")."""
        return self.filter(
            ~models.Exists(SectionLink.objects.filter(comment=models.OuterRef("pk"))),
            ~models.Exists(ThemeLink.objects.filter(comment=models.OuterRef("pk"))),
        )


class Comment(models.Model):
    class Stance(models.TextChoices):
        WELCOMES = "welcomes", "Welcomes"
        CONCERN = "concern", "Concern"
        RECOMMENDATION = "recommendation", "Recommendation"
        QUESTION = "question", "Question"
        GENERAL = "general", "General"

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="comments")
    position = models.PositiveIntegerField(help_text="Order of the comment within its response.")
    text = models.TextField()
    stance = models.CharField(max_length=20, choices=Stance.choices, default=Stance.GENERAL)
    proposed_wording = models.TextField(
        blank=True, help_text="The wording the respondent proposes instead of the plan's."
    )
    # The words that suggested the stance, when the link detector suggested it ("concerned").
    stance_evidence = models.CharField(max_length=200, blank=True, editable=False)
    # Quotes the link detector could not link with confidence, for an officer to settle:
    # [{"words": "‘will be considered’", "reason": "common wording: …", "sections": [...]}].
    link_doubts = models.JSONField(default=list, blank=True, editable=False)
    sections = models.ManyToManyField(Section, through="SectionLink", related_name="comments")
    themes = models.ManyToManyField(Theme, through="ThemeLink", related_name="comments")
    # Kept current by a database trigger on PostgreSQL (migration 0003); unused on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)
    # When an officer confirmed the links of a comment the detector linked for them (a response
    # received outside the site): it then leaves the queue of links to check (intake).
    links_checked_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The text as everyone but officers and its owner reads it: `text` with its redactions
    # (officers.Redaction) laid over it. None while it has none. The respondent's `text` is
    # never changed; this is worked out again whenever a redaction is made or lifted.
    public_text = models.TextField(null=True, blank=True, editable=False)  # noqa: DJ001
    # None until the personal data finder (officers.personal_data) has read this text.
    personal_data_scanned_at = models.DateTimeField(null=True, blank=True, editable=False)
    history = HistoricalRecords(
        excluded_fields=["search_vector", "public_text", "personal_data_scanned_at"]
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["response", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["response", "position"], name="comment_position_unique_in_response"
            )
        ]

    def __str__(self):
        return f"{self.response} #{self.position}"

    @property
    def linked_sections(self):
        """Sections this comment critiques, once each, in link order (prefetch section_links)."""
        return list({link.section_id: link.section for link in self.section_links.all()}.values())

    @property
    def linked_themes(self):
        return [link.theme for link in self.theme_links.all()]

    def text_shown_to(self, viewer):
        """The comment's words as `viewer` may read them: officers, admins and the response's
        owner read what the respondent wrote; everyone else with its redactions laid over it.
        The same rule as shown_text, which querysets use; an annotation of it wins."""
        if hasattr(self, "shown_text"):
            return self.shown_text
        if self.public_text is None or reads_submitted_responses(viewer):
            return self.text
        return self.text if self.response.is_owned_by(viewer) else self.public_text


# The stances that ask for the plan to change, whatever wording the comment proposes.
ASKING_STANCES = (Comment.Stance.CONCERN, Comment.Stance.RECOMMENDATION)


def _refuse_other_plans(comment, target, field):
    """A comment may only critique sections and themes of the plan its response answers."""
    if target.plan_id != comment.response.plan_id:
        raise ValidationError(
            {field: f"{target} belongs to another plan than the one this response answers."}
        )


class SectionLink(models.Model):
    """A comment critiques a section, optionally quoting its wording.

    The quote is a W3C Web Annotation TextQuoteSelector over the section's text: `exact` is the
    quoted wording, `prefix` and `suffix` the text around it that says which occurrence.
    """

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="section_links")
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="comment_links")
    exact = models.TextField("quoted wording", blank=True)
    prefix = models.CharField(max_length=64, blank=True)
    suffix = models.CharField(max_length=64, blank=True)
    evidence = models.CharField(
        max_length=300, blank=True, help_text="The words that suggested this link, if suggested."
    )
    # How alike the comment's quote is to `exact` (plans.anchoring), 1.0 quoted as written; empty
    # for a link without a quote or a quote a person placed.
    similarity = models.FloatField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["comment", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["comment", "section", "exact"], name="section_link_unique"
            )
        ]
        # A section's comments, newest first, read from the index alone: the most recent on
        # each part (the plan page, "what changed") stop after a few.
        indexes = [models.Index(fields=["section", "comment"], name="section_link_by_section")]

    def __str__(self):
        return f"{self.comment} → {self.section.number}"

    def clean(self):
        if not (self.comment_id and self.section_id):
            return
        _refuse_other_plans(self.comment, self.section, "section")
        if self.exact and f"{self.prefix}{self.exact}{self.suffix}" not in self.section.text:
            raise ValidationError(
                {"exact": f"The quoted wording does not occur in section {self.section.number}."}
            )

    @property
    def selector(self):
        """The quote as a W3C TextQuoteSelector, or None when the comment quotes nothing."""
        if not self.exact:
            return None
        return {
            "type": "TextQuoteSelector",
            "exact": self.exact,
            "prefix": self.prefix,
            "suffix": self.suffix,
        }


class ThemeLink(models.Model):
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="theme_links")
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="comment_links")
    evidence = models.CharField(
        max_length=300, blank=True, help_text="The words that suggested this link, if suggested."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["comment", "theme__name"]
        constraints = [
            models.UniqueConstraint(fields=["comment", "theme"], name="theme_link_unique")
        ]

    def __str__(self):
        return f"{self.comment} → {self.theme}"

    def clean(self):
        if self.comment_id and self.theme_id:
            _refuse_other_plans(self.comment, self.theme, "theme")


# How many of a campaign's words name it in lists.
FIRST_WORDS = 12


class Campaign(models.Model):
    """Responses to a plan sent as near-copies of one letter, read once: the letter as most of
    them sent it, and its members (`Response.campaign`). Made by responses.campaigns.grouping, which
    replaces a plan's campaigns each time it groups them."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="campaigns")
    shared_text = models.TextField(help_text="The letter as most members sent it.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["plan", "pk"]

    def __str__(self):
        return f"Campaign {self.pk}: {self.first_words}"

    @property
    def first_words(self):
        words = self.shared_text.split()
        return " ".join(words[:FIRST_WORDS]) + (" …" if len(words) > FIRST_WORDS else "")


THRESHOLD_RANGE = (Decimal("0.50"), Decimal("1.00"))


def _threshold_field(**options):
    return models.DecimalField(max_digits=3, decimal_places=2, **options)


def _within_range(field):
    low, high = THRESHOLD_RANGE
    return Q(**{f"{field}__gte": low, f"{field}__lte": high})


class CampaignGrouping(Job):
    """How a plan's responses are grouped into campaigns: the similarity threshold an officer
    set, and how the grouping they last asked for stands (run in the background by
    responses.campaigns.tasks). Two responses are near-copies when at least `threshold` of their
    three-word runs are shared (responses.campaigns.near_copies). The grouping asked for is a job of
    marginalia.jobs' shape."""

    plan = models.OneToOneField(Plan, on_delete=models.CASCADE, related_name="campaign_grouping")
    threshold = _threshold_field(
        default=Decimal("0.80"),
        help_text="How alike two responses must be to be near-copies: from 0.50 to 1.00.",
    )
    # What the campaigns as they stand came from: the last grouping that finished.
    grouped_at = models.DateTimeField(null=True, blank=True)
    grouped_threshold = _threshold_field(null=True, blank=True)
    responses_read = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=_within_range("threshold"), name="grouping_threshold_in_range"
            ),
            models.CheckConstraint(
                condition=Q(grouped_threshold__isnull=True) | _within_range("grouped_threshold"),
                name="grouped_threshold_in_range",
            ),
        ]

    def __str__(self):
        return f"Campaigns of {self.plan} at {self.threshold}"

    def clean(self):
        low, high = THRESHOLD_RANGE
        if self.threshold is not None and not low <= self.threshold <= high:
            raise ValidationError({"threshold": f"The threshold must be from {low} to {high}."})


class CommentCount(models.Model):
    """How many comments of submitted or published responses are on one part of a plan, of one
    stance, proposing wording or not, for one status of their responses: the figures every page
    of the plan reads (responses.counts). Kept by database triggers (migration 0012), in the
    transaction of every write to a comment, its links or its response, however it is made: a
    page, a command, a bulk import, the admin. A draft is not counted: only its owner reads it.

    A comment quoting two passages of a section counts once for it; a comment on no section and
    no theme counts on the plan as a whole (`PLAN`); every comment counts once in `EVERY`."""

    class Part(models.TextChoices):
        SECTION = "section", "Section"
        THEME = "theme", "Theme"
        PLAN = "plan", "The whole plan"
        EVERY = "every", "Every comment"

    # No constraint in the database: the triggers write here while a plan's parts are deleted.
    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, db_constraint=False, related_name="comment_counts"
    )
    part = models.CharField(max_length=10, choices=Part.choices)
    # The section's or the theme's id; 0 for the whole plan and every comment.
    part_id = models.BigIntegerField()
    stance = models.CharField(max_length=20, choices=Comment.Stance.choices)
    proposes_wording = models.BooleanField()
    status = models.CharField(max_length=20, choices=Response.Status.choices)
    count = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "part", "part_id", "stance", "proposes_wording", "status"],
                name="comment_count_unique",
            )
        ]

    def __str__(self):
        return (
            f"{self.plan_id} {self.part} {self.part_id} {self.stance} {self.status}: {self.count}"
        )
