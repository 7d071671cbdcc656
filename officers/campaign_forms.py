"""The officer's form for grouping a plan's campaigns: the similarity threshold."""

from crispy_forms_gds.layout import Field
from django import forms

from marginalia.forms import form_helper
from responses.models import THRESHOLD_RANGE

LOWEST, HIGHEST = THRESHOLD_RANGE


class GroupingForm(forms.Form):
    threshold = forms.DecimalField(
        label="Similarity threshold",
        help_text=(
            f"From {LOWEST} to {HIGHEST}: the share of their three-word phrases two responses "
            "must have in common to be near-copies. At 0.80 a letter with its name changed and a "
            "sentence added is a copy; at 0.95 only a letter with little more than its name "
            "changed."
        ),
        min_value=LOWEST,
        max_value=HIGHEST,
        max_digits=3,
        decimal_places=2,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "spellcheck": "false"}),
        error_messages={
            "required": f"Enter a similarity threshold from {LOWEST} to {HIGHEST}.",
            "invalid": "Enter the similarity threshold as a number, like 0.80.",
            "min_value": f"The similarity threshold must be {LOWEST} or more.",
            "max_value": f"The similarity threshold must be {HIGHEST} or less.",
            "max_digits": f"Enter a similarity threshold from {LOWEST} to {HIGHEST}.",
            "max_whole_digits": f"Enter a similarity threshold from {LOWEST} to {HIGHEST}.",
            "max_decimal_places": "Give the similarity threshold to two decimal places, like 0.85.",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(Field.text("threshold", field_width=4))
