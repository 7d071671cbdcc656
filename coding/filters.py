"""The officers' filters with the coding frame's: comments with a code (a theme's, its sub-themes'
too), or with none yet."""

import django_filters
from django import forms
from django.db.models import Q

from coding.models import Assignment, Code
from marginalia.fields import ModelChoiceFilter
from officers.filters import ANNOTATION_FILTERS, OfficerCommentFilter

# The filters that choose comments by the officers' own marks (critique.figures keeps figures
# filtered by them under the plan's generation, which every coding moves).
CODING_FILTERS = ("code", "uncoded")
MARK_FILTERS = ANNOTATION_FILTERS + CODING_FILTERS


class CodedCommentFilter(OfficerCommentFilter):
    code = ModelChoiceFilter(
        label="Code",
        queryset=Code.objects.none(),
        method="filter_code",
        empty_label="Any",
        help_text="A theme chooses its sub-themes' comments too.",
    )
    uncoded = django_filters.BooleanFilter(
        label="No code yet", method="filter_uncoded", widget=forms.CheckboxInput
    )

    order = [*OfficerCommentFilter.order[:-1], *CODING_FILTERS, "sort"]

    def __init__(self, data=None, queryset=None, *, plan, **kwargs):
        super().__init__(data, queryset=queryset, plan=plan, **kwargs)
        self.filters["code"].queryset = Code.objects.filter(plan=plan).select_related("parent")
        self.plan = plan

    def filter_code(self, queryset, name, value):
        if not value:
            return queryset
        coded = Assignment.objects.filter(Q(code=value) | Q(code__parent=value))
        return queryset.filter(pk__in=coded.values("comment_id"))

    def filter_uncoded(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.exclude(
            pk__in=Assignment.objects.filter(code__plan=self.plan).values("comment_id")
        )


def chosen_comments(data, comments, *, plan):
    """The filter of `comments` (a queryset) by the officers' filters in `data` (a QueryDict),
    and what it chooses, also by the words they hold (`q`, as the critique pages search)."""
    chosen = CodedCommentFilter(data or None, queryset=comments, plan=plan)
    found = chosen.qs
    if words := data.get("q", "").strip():
        found = found.filter(text__icontains=words)
    return chosen, found
