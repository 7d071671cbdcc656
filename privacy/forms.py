from crispy_forms_gds.layout import Field, Size
from django import forms

from marginalia.fields import DateInputField
from marginalia.forms import form_helper
from privacy.models import Erasure


class FindRespondentForm(forms.Form):
    q = forms.CharField(
        label="Find a respondent",
        max_length=200,
        required=False,
        help_text="Their name, email address, contact's name or a response's reference.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(Field.text("q", label_size=Size.MEDIUM))


class EraseForm(forms.Form):
    scope = forms.ChoiceField(
        label="What to erase",
        choices=[
            (Erasure.Scope.DETAILS, "Their personal details: keep their comments, anonymised"),
            (Erasure.Scope.EVERYTHING, "Their personal details and their comments"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether to erase their comments too."},
    )
    reason = forms.CharField(
        label="Why",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Who asked and when, or the rule that requires it. Their name is taken out.",
        error_messages={"required": "Say why their data is erased: who asked, and when."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            Field.radios("scope", legend_size=Size.MEDIUM), Field.textarea("reason")
        )


class RetentionForm(forms.Form):
    kept_until = DateInputField(
        label="Keep respondents' personal details until (optional)",
        help_text="On the next day their names, contact details and documents are erased; their "
        "comments stay, anonymised. Leave it blank to keep them. For example, 31 3 2028",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(Field("kept_until"))
