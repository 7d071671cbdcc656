"""Filtering and sorting comments by GET parameters (shareable URLs), with django-filter.

Used by the plan page, the section page and search, always over comments the viewer may read.
"""

import django_filters
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size
from django import forms
from django.db.models import Q

from annotations.models import Review, Tag
from responses.models import Comment, Respondent, Response, SectionLink


class CommentFilter(django_filters.FilterSet):
    respondent = django_filters.ModelChoiceFilter(
        label="Respondent",
        field_name="response__respondent",
        queryset=Respondent.objects.none(),
        empty_label="Any",
    )
    respondent_kind = django_filters.ChoiceFilter(
        label="Respondent kind",
        field_name="response__respondent__kind",
        choices=Respondent.Kind.choices,
        empty_label="Any",
    )
    stance = django_filters.MultipleChoiceFilter(
        label="Stance", choices=Comment.Stance.choices, widget=forms.CheckboxSelectMultiple
    )
    theme = django_filters.ModelChoiceFilter(
        label="Theme", field_name="themes", queryset=None, empty_label="Any"
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
    tag = django_filters.ModelChoiceFilter(
        label="Tag", field_name="comment_tags__tag", queryset=Tag.objects.all(), empty_label="Any"
    )
    quotes = django_filters.BooleanFilter(
        label="Quotes the plan’s wording",
        method="filter_quotes",
        widget=forms.CheckboxInput,
    )
    not_reviewed = django_filters.BooleanFilter(
        label="Not yet reviewed", method="filter_not_reviewed", widget=forms.CheckboxInput
    )
    sort = django_filters.OrderingFilter(
        label="Sort by",
        empty_label=None,
        fields=[
            ("response__submitted_at", "submitted"),
            ("response__respondent__name", "respondent"),
        ],
        field_labels={
            "response__submitted_at": "Oldest response first",
            "-response__submitted_at": "Newest response first",
            "response__respondent__name": "Respondent A to Z",
            "-response__respondent__name": "Respondent Z to A",
        },
    )

    class Meta:
        model = Comment
        fields = []

    def __init__(self, data=None, queryset=None, *, plan, officer, **kwargs):
        super().__init__(data, queryset=queryset, **kwargs)
        self.filters["theme"].queryset = plan.themes.all()
        self.filters["respondent"].queryset = Respondent.objects.filter(
            pk__in=queryset.values("response__respondent")
        )
        if not officer:
            # Only officers annotate, and only they see unpublished responses.
            for name in ("status", "tag", "not_reviewed", "respondent"):
                del self.filters[name]

    def filter_quotes(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(pk__in=SectionLink.objects.exclude(exact="").values("comment_id"))

    def filter_not_reviewed(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(
            Q(review__isnull=True) | Q(review__status=Review.Status.NOT_REVIEWED)
        )

    @property
    def form(self):
        form = super().form
        if not hasattr(form, "helper"):
            # django-filter wraps the sort's select in a widget crispy-forms-gds does not know.
            form.fields["sort"].widget.attrs["class"] = "govuk-select"
            form.helper = FormHelper()
            form.helper.form_tag = False
            form.helper.disable_csrf = True
            form.helper.label_size = Size.SMALL
            form.helper.legend_size = Size.SMALL
            form.helper.layout = Layout(
                *(
                    Field.checkboxes(name, small=True)
                    if name == "stance"
                    else Field.checkbox(name, small=True)
                    if name in ("quotes", "not_reviewed")
                    else Field(name)
                    for name in form.fields
                )
            )
        return form

    @property
    def is_filtering(self):
        return (
            any(
                value not in (None, "", [], False)
                for name, value in self.form.cleaned_data.items()
                if name != "sort"
            )
            if self.form.is_valid()
            else False
        )
