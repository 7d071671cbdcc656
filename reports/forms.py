"""The summary report's filters, read from GET parameters (or the command's options) and checked,
with a message for each mistake a reader can make in a shared or hand-edited URL."""

from crispy_forms_gds.layout import Field
from django import forms

from marginalia.fields import DateInputField
from marginalia.forms import form_helper
from reports.filters import STATUS_CHOICES, ReportFilters
from responses.models import Respondent


class ReportFilterForm(forms.Form):
    status = forms.ChoiceField(
        label="Responses",
        choices=STATUS_CHOICES,
        required=False,
        error_messages={
            "invalid_choice": "Choose which responses to report: submitted, published or both.",
        },
    )
    # GOV.UK's three boxes; a link or the command may give a date whole, 2025-03-31.
    submitted_from = DateInputField(label="Submitted on or after")
    submitted_to = DateInputField(label="Submitted on or before")
    respondent_kind = forms.ChoiceField(
        label="Respondent kind",
        choices=[("", "Organisations and individuals"), *Respondent.Kind.choices],
        required=False,
        error_messages={
            "invalid_choice": "Choose organisations, individuals, or both kinds of respondent.",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            Field("status"),
            Field("submitted_from"),
            Field("submitted_to"),
            Field("respondent_kind"),
        )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("submitted_from"), cleaned.get("submitted_to")
        if start and end and end < start:
            self.add_error(
                "submitted_to",
                "The ‘submitted to’ date must be the same as or after the ‘submitted from’ date.",
            )
        return cleaned

    def filters(self) -> ReportFilters:
        """The valid filters; an empty field means no filter."""
        data = self.cleaned_data
        return ReportFilters(
            status=data["status"] or "both",
            submitted_from=data["submitted_from"],
            submitted_to=data["submitted_to"],
            respondent_kind=data["respondent_kind"],
        )
