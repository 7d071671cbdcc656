"""Filtering and sorting comments by GET parameters (shareable URLs), with django-filter.

`CommentFilter` holds what every reader may filter by; officers' filters extend it in the
officers' app. Always used over comments the viewer may read (`visible_comments`), which carry the
respondent's name as the viewer may read it, so sorting by name never reveals a hidden one.
"""

import django_filters
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size
from django import forms

from responses.models import Comment, Respondent, SectionLink


class CommentFilter(django_filters.FilterSet):
    respondent_kind = django_filters.ChoiceFilter(
        label="Respondent kind",
        field_name="response__respondent__kind",
        choices=Respondent.Kind.choices,
        empty_label="Any",
    )
    # A comment has one stance: no row repeats, so no DISTINCT over whole comments is asked.
    stance = django_filters.MultipleChoiceFilter(
        label="Stance",
        choices=Comment.Stance.choices,
        widget=forms.CheckboxSelectMultiple,
        distinct=False,
    )
    # Choices from the plan's themes, which the page has already read.
    theme = django_filters.ChoiceFilter(label="Theme", field_name="themes", empty_label="Any")
    quotes = django_filters.BooleanFilter(
        label="Quotes the plan’s wording",
        method="filter_quotes",
        widget=forms.CheckboxInput,
    )
    sort = django_filters.OrderingFilter(
        label="Sort by",
        empty_label=None,
        fields=[
            ("response__submitted_at", "submitted"),
            ("respondent_shown_name", "respondent"),
        ],
        field_labels={
            "response__submitted_at": "Oldest response first",
            "respondent_shown_name": "Respondent A to Z",
            # django-filter names a descending choice by its parameter, not by its field.
            "-submitted": "Newest response first",
            "-respondent": "Respondent Z to A",
        },
    )

    class Meta:
        model = Comment
        fields = []

    def __init__(self, data=None, queryset=None, *, plan, themes=None, sections=None, **kwargs):
        """`themes` and `sections` (in natural order): the plan's, when the page has read them."""
        super().__init__(data, queryset=queryset, **kwargs)
        self.plan_sections = sections
        themes = plan.themes.all() if themes is None else themes
        self.filters["theme"].extra["choices"] = [(str(theme.pk), theme.name) for theme in themes]

    def filter_quotes(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(pk__in=SectionLink.objects.exclude(exact="").values("comment_id"))

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
                *(_laid_out(name, field.widget) for name, field in form.fields.items())
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


def _laid_out(name, widget):
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return Field.checkboxes(name, small=True)
    if isinstance(widget, forms.CheckboxInput):
        return Field.checkbox(name, small=True)
    return Field(name)
