"""The forms of an import: the files and how they came, then the review of each document's
respondent."""

from crispy_forms_gds.layout import Field
from django import forms

from intake import services
from intake.respondents import guess_respondent
from intake.services import too_large
from intake.surveys import EMAIL, KIND, NAME, SKIP, WHOLE_PLAN
from marginalia.documents.uploads import read_uploaded_document
from marginalia.fields import DateInputField
from marginalia.forms import form_helper
from responses.models import Respondent, Response

IMPORT_SUFFIXES = ".txt,.docx,.odt,.pdf,.eml,.zip"


def received_on_field():
    """When the responses came: GOV.UK's day, month and year boxes."""
    return DateInputField(label="Date received (optional)")


# How responses received outside the site came: not through this site's own form.
OFFLINE_CHANNELS = [c for c in Response.Channel.choices if c[0] != Response.Channel.ONLINE]


def channel_field(label, *, choices=OFFLINE_CHANNELS, initial=Response.Channel.EMAIL):
    return forms.ChoiceField(
        label=label, choices=choices, initial=initial, widget=forms.RadioSelect
    )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one input (Django's documented pattern)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget",
            MultipleFileInput(attrs={"accept": IMPORT_SUFFIXES, "class": "govuk-file-upload"}),
        )
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
        "(up to 1,000 documents, 20 MB each and 100 MB in all).",
        error_messages={
            "required": "Choose the documents to import.",
            "invalid": "The file could not be read: choose it again.",
        },
    )
    channel = channel_field("How did they arrive?")
    received_on = received_on_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(Field("files"), Field.radios("channel"), Field("received_on"))

    def clean_files(self):
        """Each document within its limit, told before any is read (a .zip is bounded by what
        it unpacks to, in intake.services)."""
        files = self.cleaned_data["files"]
        for upload in files:
            if (
                not upload.name.lower().endswith(".zip")
                and upload.size > services.MAX_DOCUMENT_BYTES
            ):
                raise forms.ValidationError(too_large(upload.name), code="file_size")
        if sum(upload.size for upload in files) > services.MAX_BATCH_BYTES:
            raise forms.ValidationError(
                f"The files come to more than {services.MAX_BATCH_BYTES // (1024 * 1024)} MB "
                "in all: import them in smaller batches.",
                code="file_size",
            )
        return files


class ReviewRowForm(forms.Form):
    """One read document's respondent, as the officer corrects it."""

    include = forms.BooleanField(required=False, initial=True)
    name = forms.CharField(max_length=200, required=False)
    kind = forms.ChoiceField(choices=Respondent.Kind.choices)


RECORD_SUFFIXES = (".txt", ".docx", ".odt", ".pdf", ".eml")


class RecordForm(forms.Form):
    """One response received outside the site, pasted or uploaded, and who sent it."""

    name = forms.CharField(
        label="Who sent it?",
        max_length=200,
        help_text="The organisation or person; leave blank to take it from an email's sender.",
        required=False,
    )
    kind = forms.ChoiceField(
        label="Are they an organisation or an individual?",
        choices=Respondent.Kind.choices,
        initial=Respondent.Kind.ORGANISATION,
        widget=forms.RadioSelect,
    )
    channel = channel_field("How did it arrive?")
    received_on = received_on_field()
    publication_consent = forms.ChoiceField(
        label="Did they agree to its publication?",
        choices=Response.CONSENT_AS_RECORDED,
        required=False,
        widget=forms.RadioSelect,
        help_text="You can record it later on the response's page.",
    )
    text = forms.CharField(
        label="Paste the response",
        required=False,
        widget=forms.Textarea,
        help_text="Separate paragraphs with a blank line: each paragraph becomes one comment.",
    )
    document = forms.FileField(
        label="Or upload it (.docx, .odt, .pdf, .txt, or an email saved as .eml; up to 20 MB)",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(RECORD_SUFFIXES)}),
        error_messages={"invalid": "The file could not be read: choose it again."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            Field.text("name"),
            Field.radios("kind", inline=True),
            Field.radios("channel", inline=True),
            Field("received_on"),
            Field.radios("publication_consent", small=True),
            Field.textarea("text", rows=10),
            Field("document"),
        )

    def clean_document(self):
        upload = self.cleaned_data.get("document")
        if not upload:
            return None
        return read_uploaded_document(
            upload, max_bytes=services.MAX_DOCUMENT_BYTES, suffixes=RECORD_SUFFIXES
        )

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        text, document = cleaned.get("text", "").strip(), cleaned.get("document")
        if text and document:
            self.add_error("document", "Paste the response or upload it, not both.")
            return cleaned
        if not (text or document):
            self.add_error("text", "Paste the response, or choose its file.")
            return cleaned
        cleaned["prose"] = text or document.text
        if not cleaned.get("name"):
            guess = guess_respondent(document) if document else None
            if guess and guess.name:
                cleaned["name"], cleaned["kind"] = guess.name, guess.kind
            else:
                self.add_error("name", "Enter who sent the response: we could not tell.")
        return cleaned


class SurveyForm(forms.Form):
    survey = forms.FileField(
        label="The survey's export (.csv or .xlsx, up to 20 MB)",
        help_text="One row per respondent, with the questions as column headings.",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
        error_messages={
            "required": "Choose the survey's .csv or .xlsx file.",
            "invalid": "The file could not be read: choose it again.",
        },
    )
    channel = channel_field(
        "How were the answers given?",
        choices=Response.Channel.choices,
        initial=Response.Channel.ONLINE,
    )
    received_on = received_on_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            Field("survey"),
            Field.radios("channel", inline=True),
            Field("received_on"),
        )

    def clean_survey(self):
        survey = self.cleaned_data["survey"]
        if survey.size > services.MAX_DOCUMENT_BYTES:
            raise forms.ValidationError("The file must be smaller than 20 MB.", code="file_size")
        return survey


def mapping_choices(plan):
    """What a survey's column can be assigned to, grouped as a <select> shows them."""
    sections = [
        (f"section:{number}", f"Section {number}{f' – {heading}' if heading else ''}"[:90])
        for number, heading in plan.sections.in_natural_order().values_list("number", "heading")
    ]
    themes = [
        (f"theme:{pk}", f"Theme: {name}") for pk, name in plan.themes.values_list("pk", "name")
    ]
    return [
        ("Respondent", [(SKIP, "Leave out"), (NAME, "Respondent's name"),
                        (KIND, "Organisation or individual"), (EMAIL, "Respondent's email")]),
        ("Comments", [(WHOLE_PLAN, "Comments on the whole plan"), *themes]),
        ("Sections", sections),
    ]  # fmt: skip


class MappingForm(forms.Form):
    """A <select> per column of the survey, each saying what the column holds."""

    def __init__(self, *args, batch, initial_mapping, **kwargs):
        super().__init__(*args, **kwargs)
        choices = mapping_choices(batch.plan)
        for index, heading in enumerate(batch.columns):
            self.fields[f"column_{index}"] = forms.ChoiceField(
                label=heading,
                choices=choices,
                initial=initial_mapping[index],
                error_messages={"invalid_choice": "Choose what the column holds from the list."},
            )

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        mapping = [cleaned[f"column_{index}"] for index in range(len(self.fields))]
        if not any(value not in (SKIP, NAME, KIND, EMAIL) for value in mapping):
            raise forms.ValidationError(
                "Assign at least one column to the plan, a section or a theme: it holds the "
                "answers.",
                code="no_answers",
            )
        if NAME not in mapping:
            raise forms.ValidationError("Assign a column to the respondent's name.", code="no_name")
        cleaned["mapping"] = mapping
        return cleaned
