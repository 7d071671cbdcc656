"""Forms an officer fills in to bring a plan in from its document: the plan's details and its
document, then the outline read from it, corrected section by section before it is saved."""

from crispy_forms_gds.layout import Field
from django import forms
from django.conf import settings
from django.utils.text import slugify

from marginalia.documents.uploads import read_uploaded_document
from marginalia.fields import DateInputField
from marginalia.forms import form_helper
from plan_import.files import PLAN_SUFFIXES
from plans.models import Plan
from plans.outline import OutlineSection, paragraphs_of
from plans.validators import validate_section_number

# Addresses the site's own pages take under /plans/.
RESERVED_SLUGS = {"import"}
# More sections than any plan has; few enough that the preview stays one page to post.
MAX_SECTIONS = 2_000


class PlanDetailsForm(forms.Form):
    """The plan's title and address, its summary and the consultation's dates: asked with the
    document, kept through the preview."""

    # Saved on the plan as they are asked (the title, address and prefix are worked out first).
    PLAN_DETAILS = ["publisher", "summary", "opens_on", "closes_on"]

    title = forms.CharField(
        label="Title of the plan",
        max_length=300,
        error_messages={"required": "Enter the plan's title."},
    )
    slug = forms.SlugField(
        label="Web address",
        max_length=100,
        required=False,
        help_text="Letters, numbers and hyphens; made from the title if you leave it blank.",
    )
    publisher = forms.CharField(label="Published by (optional)", max_length=200, required=False)
    reference_prefix = forms.CharField(
        label="Reference prefix (optional)",
        max_length=20,
        required=False,
        help_text="Starts each response's reference, e.g. NOMS-TSAP gives NOMS-TSAP-000001.",
    )
    summary = forms.CharField(
        label="Summary (optional)",
        help_text="A sentence or two on what the plan does, shown with it on the front page.",
        max_length=2_000,
        required=False,
        widget=forms.Textarea,
    )
    opens_on = DateInputField(label="The consultation opens (optional)")
    closes_on = DateInputField(label="The consultation closes (optional)")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            Field.text("title"),
            Field.text("slug"),
            Field.text("publisher"),
            Field.text("reference_prefix", field_width=20),
            Field.textarea("summary", rows=3),
            Field("opens_on"),
            Field("closes_on"),
        )

    def clean(self):
        cleaned = super().clean()
        opens, closes = cleaned.get("opens_on"), cleaned.get("closes_on")
        if opens and closes and closes < opens:
            self.add_error("closes_on", "The consultation must close after it opens.")
        if self.errors:
            return cleaned
        cleaned["slug"] = cleaned.get("slug") or slugify(cleaned["title"])[:100]
        cleaned["reference_prefix"] = cleaned.get("reference_prefix") or cleaned["slug"].upper()[
            :20
        ].strip("-")
        if not cleaned["slug"]:
            self.add_error("slug", "Enter a web address: the title has no letters to make one.")
        elif cleaned["slug"] in RESERVED_SLUGS:
            self.add_error("slug", f"'{cleaned['slug']}' is taken by the site: choose another.")
        elif Plan.objects.filter(slug=cleaned["slug"]).exists():
            self.add_error(
                "slug" if self.data.get(self.add_prefix("slug")) else "title",
                f"A plan at '{cleaned['slug']}' exists already: choose another web address.",
            )
        return cleaned


class PlanTextForm(forms.Form):
    """A plan's document, uploaded or pasted: `plan_text` once clean."""

    document = forms.FileField(
        label="Upload the plan (.docx, .odt, .pdf, .md or .txt, up to 20 MB)",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(PLAN_SUFFIXES)}),
        error_messages={"invalid": "The file could not be read: choose it again."},
    )
    text = forms.CharField(
        label="Or paste its text",
        required=False,
        widget=forms.Textarea,
        help_text="Section numbers at the start of lines: 1, 1.3, Section 3.5, Paragraph 2.8.",
    )

    def clean_document(self):
        document = self.cleaned_data.get("document")
        if document:
            return read_uploaded_document(
                document, max_bytes=settings.MAX_PLAN_UPLOAD_BYTES, suffixes=PLAN_SUFFIXES
            ).text
        return ""

    def clean(self):
        cleaned = super().clean()
        text, uploaded = cleaned.get("text", "").strip(), cleaned.get("document", "")
        if "document" in self.errors or "text" in self.errors:
            return cleaned
        if text and uploaded:
            self.add_error("document", "Upload the plan or paste its text, not both.")
        elif not (text or uploaded):
            self.add_error("document", "Upload the plan's document, or paste its text.")
        cleaned["plan_text"] = text or uploaded
        return cleaned


class PlanDocumentForm(PlanDetailsForm, PlanTextForm):
    """The first step: the plan's details and its document, uploaded or pasted."""

    field_order = [
        "title",
        "slug",
        "publisher",
        "reference_prefix",
        "summary",
        "opens_on",
        "closes_on",
        "document",
        "text",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            Field.text("title"),
            Field.text("slug", field_width=20),
            Field.text("publisher"),
            Field.text("reference_prefix", field_width=20),
            Field.textarea("summary", rows=3),
            Field("opens_on"),
            Field("closes_on"),
            Field("document"),
            Field.textarea("text", rows=8),
        )


class OutlineSectionForm(forms.Form):
    """One section of the outline read from the document, as the officer corrects it."""

    number = forms.CharField(label="Number", max_length=20, required=False)
    heading = forms.CharField(label="Heading", max_length=300, required=False)
    theme = forms.CharField(label="Theme", max_length=200, required=False)
    text = forms.CharField(label="Wording", required=False, widget=forms.Textarea)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].widget.attrs["list"] = "plan-themes"
        rows = min(12, 2 + len(paragraphs_of(self["text"].value())) * 3)
        self.helper = form_helper(
            Field.text("number", field_width=5),
            Field.text("heading"),
            Field.text("theme", field_width=20),
            Field.textarea("text", rows=rows),
        )

    def clean_number(self):
        number = self.cleaned_data["number"].strip().removeprefix("Section ").strip(". ")
        if number:
            validate_section_number(number)
        return number

    def as_section(self):
        data = self.cleaned_data
        return OutlineSection(
            number=data.get("number", ""),
            heading=data.get("heading", "").strip(),
            paragraphs=paragraphs_of(data.get("text", "")),
            theme=data.get("theme", "").strip(),
        )

    @staticmethod
    def initial_of(section):
        return {
            "number": section.number,
            "heading": section.heading,
            "theme": section.theme,
            "text": section.text,
        }


class BaseOutlineFormSet(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        seen = {}
        for form in self.forms:
            number = form.cleaned_data.get("number")
            if not number:
                form.add_error(
                    "number", "Give this section a number, or merge it into the one above."
                )
            elif number in seen:
                form.add_error("number", f"Section {number} is here twice: renumber one of them.")
            seen.setdefault(number, form)

    def sections(self):
        """The outline as the officer has corrected it: valid rows only (call after is_valid)."""
        return [form.as_section() for form in self.forms]

    def sections_as_typed(self):
        """The outline as posted, valid or not, for merging and splitting rows."""
        return [
            OutlineSection(
                number=(form["number"].value() or "").strip(),
                heading=(form["heading"].value() or "").strip(),
                paragraphs=paragraphs_of(form["text"].value()),
                theme=(form["theme"].value() or "").strip(),
            )
            for form in self.forms
        ]


def themes_of(sections):
    """The themes the sections name, in the order they first appear."""
    return list(dict.fromkeys(section.theme for section in sections if section.theme))


OutlineFormSet = forms.formset_factory(
    OutlineSectionForm,
    formset=BaseOutlineFormSet,
    extra=0,
    max_num=MAX_SECTIONS,
    absolute_max=MAX_SECTIONS,
    validate_max=True,
)
