"""The forms of an import: the files and how they came, then the review of each document's
respondent."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size
from django import forms

from marginalia.fields import DateField
from responses.models import Respondent, Response

IMPORT_SUFFIXES = ".txt,.docx,.odt,.pdf,.eml,.zip"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one input (Django's documented pattern)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": IMPORT_SUFFIXES}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if not data and self.required:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class ImportForm(forms.Form):
    files = MultipleFileField(
        label="Documents",
        help_text="Choose one or more .docx, .odt, .pdf, .txt or .eml files, or a .zip of them "
        "(up to 1,000 documents).",
        error_messages={
            "required": "Choose the documents to import.",
            "invalid": "The file could not be read: choose it again.",
        },
    )
    channel = forms.ChoiceField(
        label="How did they arrive?",
        choices=[c for c in Response.Channel.choices if c[0] != Response.Channel.ONLINE],
        initial=Response.Channel.EMAIL,
        widget=forms.RadioSelect,
    )
    received_on = DateField(
        label="Date received (optional)", required=False, help_text="For example, 27/03/2026."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.label_size = Size.SMALL
        self.helper.legend_size = Size.SMALL
        self.helper.layout = Layout(Field("files"), Field.radios("channel"), Field("received_on"))


class ReviewRowForm(forms.Form):
    """One read document's respondent, as the officer corrects it."""

    include = forms.BooleanField(required=False, initial=True)
    name = forms.CharField(max_length=200, required=False)
    kind = forms.ChoiceField(choices=Respondent.Kind.choices)
