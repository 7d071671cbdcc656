"""The officers' forms of the coding frame: a code added or changed, themes asked for, a
suggested theme accepted, and a code given to many comments at once."""

from crispy_forms_gds.layout import Field
from django import forms

from coding.models import Code
from marginalia.forms import form_helper

THEMES_WANTED = (2, 30)


def _themes_of(plan, *, leaving_out=None):
    themes = Code.objects.filter(plan=plan, parent=None)
    if leaving_out is not None:
        themes = themes.exclude(pk=leaving_out.pk)
    return themes


class CodeForm(forms.Form):
    name = forms.CharField(
        label="Name",
        max_length=120,
        error_messages={"required": "Enter the code's name."},
    )
    parent = forms.ModelChoiceField(
        label="Theme it belongs to (optional)",
        queryset=Code.objects.none(),
        required=False,
        empty_label="None: it is a theme",
        help_text="Choose one to make it a sub-theme.",
    )
    description = forms.CharField(
        label="What comments with it say (optional)",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=2000,
    )

    def __init__(self, *args, plan, code=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = _themes_of(plan, leaving_out=code)
        self.helper = form_helper(
            Field.text("name"), Field("parent"), Field.textarea("description", rows=2)
        )


class SuggestForm(forms.Form):
    themes_wanted = forms.IntegerField(
        label="How many themes, at most",
        min_value=THEMES_WANTED[0],
        max_value=THEMES_WANTED[1],
        initial=8,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
        error_messages={
            "required": "Enter how many themes to suggest, from 2 to 30.",
            "invalid": "Enter how many themes as a number, like 8.",
            "min_value": "Ask for 2 themes or more.",
            "max_value": "Ask for 30 themes or fewer.",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(Field.text("themes_wanted", field_width=2))


class AcceptForm(forms.Form):
    """A suggested theme accepted: as a new code (named, perhaps under a theme) or into a code
    there is."""

    name = forms.CharField(label="Code it as", max_length=120, required=False)
    parent = forms.ModelChoiceField(
        label="Under the theme (optional)",
        queryset=Code.objects.none(),
        required=False,
        empty_label="None: a theme of its own",
    )
    into = forms.ModelChoiceField(
        label="Or merge it into the code",
        queryset=Code.objects.none(),
        required=False,
        empty_label="None: a new code",
    )

    def __init__(self, *args, plan, prefix=None, **kwargs):
        super().__init__(*args, prefix=prefix, **kwargs)
        self.fields["parent"].queryset = _themes_of(plan)
        self.fields["into"].queryset = Code.objects.filter(plan=plan).select_related("parent")
        self.helper = form_helper(Field.text("name"), Field("parent"), Field("into"))

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("into") and not (cleaned.get("name") or "").strip():
            self.add_error("name", "Enter the code's name, or choose a code to merge it into.")
        return cleaned


class BulkCodeForm(forms.Form):
    code = forms.ModelChoiceField(
        label="Code to give them",
        queryset=Code.objects.none(),
        empty_label="Choose a code",
        error_messages={"required": "Choose the code to give these comments."},
    )

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].queryset = Code.objects.filter(plan=plan).select_related("parent")
        self.helper = form_helper(Field("code"))
