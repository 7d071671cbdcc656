"""The filters officers get on the critique pages besides everyone's: by respondent, by the
sections commented on, by response status (only officers read unpublished responses), by tag and
by review."""

import django_filters
from django import forms
from django.db.models import Q

from marginalia.fields import ModelChoiceFilter
from officers.models import Review, Tag
from responses.filters import CommentFilter
from responses.models import Response, SectionLink
from responses.section_picker import NUMBERS_EXAMPLE, SectionNumbersField

# The filters that choose comments by the officers' own marks, which change without a new
# critique generation (plans.Plan.bump_generation).
ANNOTATION_FILTERS = ("tag", "not_reviewed")


class SectionsFilter(django_filters.Filter):
    field_class = SectionNumbersField


class OfficerCommentFilter(CommentFilter):
    # A box, not a list: a consultation may have thousands of respondents.
    respondent = django_filters.CharFilter(
        label="Respondent",
        field_name="response__respondent__name",
        lookup_expr="icontains",
        help_text="Part of their name.",
    )
    # Numbers typed, not a list: a plan may have 300 sections (responses.section_picker).
    sections = SectionsFilter(
        label="Sections",
        method="filter_sections",
        help_text=f"Comments on any of them. Numbers or ranges, like {NUMBERS_EXAMPLE}.",
    )
    status = django_filters.ChoiceFilter(
        label="Response status",
        field_name="response__status",
        choices=[
            (Response.Status.SUBMITTED, "Submitted, not published"),
            (Response.Status.PUBLISHED, "Published"),
        ],
        empty_label="Any",
    )
    tag = ModelChoiceFilter(
        label="Tag", field_name="comment_tags__tag", queryset=Tag.objects.all(), empty_label="Any"
    )
    not_reviewed = django_filters.BooleanFilter(
        label="Not yet reviewed", method="filter_not_reviewed", widget=forms.CheckboxInput
    )

    # On the form: who, then what, then the officers' own marks, then the sort.
    order = [
        "respondent",
        "respondent_kind",
        "stance",
        "theme",
        "sections",
        "status",
        "tag",
        "quotes",
        "not_reviewed",
        "sort",
    ]

    def __init__(self, data=None, queryset=None, *, plan, **kwargs):
        super().__init__(data, queryset=queryset, plan=plan, **kwargs)
        self.filters = {name: self.filters[name] for name in self.order}
        read = self.plan_sections
        self.filters["sections"].extra.update(
            plan=plan, sections=(lambda: read) if read is not None else None
        )

    def filter_sections(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(
            pk__in=SectionLink.objects.filter(section__in=value).values("comment_id")
        )

    def filter_not_reviewed(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(
            Q(review__isnull=True) | Q(review__status=Review.Status.NOT_REVIEWED)
        )
