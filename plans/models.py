"""The plan under consultation: its themes and its numbered sections.

A plan and a section are read on the critique's pages, beside the comments on them; those pages
are the critique app's, above this one, so the project maps each model to its page
(settings.ABSOLUTE_URL_OVERRIDES gives `get_absolute_url`) and this app knows none of them.
"""

from django.core.exceptions import ValidationError
from django.db import connections, models, transaction
from django.db.models import F, Q
from django.utils import timezone

from plans.ordering import natural_order, sort_key
from plans.validators import validate_section_number

# Counters that only bump_generation moves.
GENERATIONS = {"generation", "critique_generation"}


class PlanQuerySet(models.QuerySet):
    def bump_generation(self, *, annotations_only=False):
        """Record that what readers see of these plans changed (anything but a draft), so no
        cached page or figure of theirs is read again: they are cached under their plan's
        generation. Call it inside the transaction that makes the change: whoever reads the
        change reads the new generation.

        Every change bumps `generation`. A change to the officers' own marks only (a review, a
        tag: `annotations_only`) leaves `critique_generation` alone, under which the figures are
        kept that do not depend on them (critique.figures): counting them costs the most."""
        changes = {"generation": F("generation") + 1}
        if not annotations_only:
            changes["critique_generation"] = F("critique_generation") + 1
        return self.update(**changes)

    def generation_by_slug(self, slug):
        """The id and generation of the plan called `slug`, or None. Every page read from the
        cache asks it, so it is plain SQL: building the query each time would cost a cached page
        a third of its time."""
        with connections[self.db].cursor() as cursor:
            cursor.execute(
                f"SELECT id, generation FROM {self.model._meta.db_table} WHERE slug = %s", [slug]
            )
            return cursor.fetchone()


class Plan(models.Model):
    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=100, unique=True)
    publisher = models.CharField(max_length=200, blank=True)
    summary = models.TextField(blank=True)
    reference_prefix = models.CharField(
        max_length=20,
        help_text="Starts each response's reference, e.g. NOMS-TSAP gives NOMS-TSAP-000042.",
    )
    # The last number a response's reference took: each plan's references count from 1.
    references_given = models.PositiveIntegerField(default=0, editable=False)
    opens_on = models.DateField("consultation opens", null=True, blank=True)
    closes_on = models.DateField("consultation closes", null=True, blank=True)
    has_full_text = models.BooleanField(
        default=True,
        help_text="Untick when sections hold only the wording quoted in responses.",
    )
    # After this day the background runner erases its respondents' personal details (privacy).
    personal_data_kept_until = models.DateField(
        "respondents' personal details kept until",
        null=True,
        blank=True,
        help_text="After this day, respondents' names, contact details and documents are erased; "
        "their comments are kept, anonymised.",
    )
    generation = models.PositiveBigIntegerField(
        default=0, editable=False, help_text="Counts the changes to what readers see."
    )
    critique_generation = models.PositiveBigIntegerField(
        default=0,
        editable=False,
        help_text="Counts the changes to what readers see besides the officers' reviews and tags.",
    )

    objects = PlanQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(opens_on__isnull=True)
                | Q(closes_on__isnull=True)
                | Q(closes_on__gte=models.F("opens_on")),
                name="plan_closes_after_it_opens",
            )
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # The generation only moves forward, through bump_generation: saving a plan read before
        # a bump must not write the old number back.
        if not self._state.adding and kwargs.get("update_fields") is None:
            kwargs["update_fields"] = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key and field.name not in GENERATIONS
            ]
        super().save(*args, **kwargs)

    def take_reference_number(self):
        """The next number of the plan's own sequence of references, taken for good: under the
        row lock the update holds until the caller's transaction ends, so no two responses
        submitted at once take the same number."""
        with transaction.atomic():
            Plan.objects.filter(pk=self.pk).update(references_given=F("references_given") + 1)
            return Plan.objects.filter(pk=self.pk).values_list("references_given", flat=True).get()

    def is_open(self, on=None):
        """Whether responses may be submitted on the date `on` (today by default)."""
        on = on or timezone.localdate()
        return not (self.opens_on and on < self.opens_on) and not (
            self.closes_on and on > self.closes_on
        )

    def clean(self):
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError({"closes_on": "The consultation must close after it opens."})


class Theme(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="themes")
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "name"], name="theme_name_unique_in_plan")
        ]

    def __str__(self):
        return self.name


def section_title(number, heading=""):
    """What a reader calls a section, of any version: 'Section 1.11: Heading', or
    'Section 1.11'."""
    return f"Section {number}: {heading}" if heading else f"Section {number}"


class SectionQuerySet(models.QuerySet):
    def in_natural_order(self):
        return self.order_by(*natural_order())


class Section(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="sections")
    number = models.CharField(max_length=20, validators=[validate_section_number])
    heading = models.CharField(max_length=300, blank=True)
    text = models.TextField(blank=True)
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )
    theme = models.ForeignKey(
        Theme, on_delete=models.SET_NULL, null=True, blank=True, related_name="sections"
    )
    # Set from `number` on every save: natural order, read from an index (plans.ordering).
    sort_key = models.CharField(max_length=20, editable=False, default="")

    objects = SectionQuerySet.as_manager()

    class Meta:
        ordering = ["plan", *natural_order()]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="section_number_unique_in_plan")
        ]
        indexes = [models.Index(fields=["plan", "sort_key"], name="section_plan_natural_order")]

    def __str__(self):
        return f"{self.number} {self.heading}".strip()

    def save(self, *args, **kwargs):
        self.sort_key = sort_key(self.number)
        if kwargs.get("update_fields") is not None and "number" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "sort_key"}
        super().save(*args, **kwargs)

    @property
    def title(self):
        return section_title(self.number, self.heading)

    @property
    def level(self):
        """1 for a chapter (3), 2 for its sections (3.1), 3 below them (3.1.2)."""
        return self.number.count(".") + 1

    def clean(self):
        errors = {}
        if self.parent_id and self.parent.plan_id != self.plan_id:
            errors["parent"] = "The parent section must belong to the same plan."
        if self.theme_id and self.theme.plan_id != self.plan_id:
            errors["theme"] = "The theme must belong to the same plan."
        if errors:
            raise ValidationError(errors)
