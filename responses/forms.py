"""Forms a respondent fills in: who responds, each comment, or the whole response pasted in."""

from functools import cached_property

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size
from django import forms
from django.conf import settings

from marginalia.fields import ModelMultipleChoiceField
from plans.models import Plan
from responses.documents import read_uploaded_text
from responses.linking import MAX_TEXT_LENGTH, find_quote, split_paragraphs
from responses.models import Comment, Respondent, Response
from responses.section_picker import SectionChoiceField

MAX_COMMENT_LENGTH = 10_000
MAX_COMMENTS = 300
SECTION_PICKER = "responses/_section_picker.html"


def _helper(*fields, legend_size=Size.SMALL):
    """A crispy-forms-gds helper that lays out fields without its own <form> tag or buttons:
    templates wrap forms themselves so one page can hold a formset and its buttons."""
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True
    helper.legend_size = legend_size
    helper.label_size = Size.SMALL
    if fields:
        helper.layout = Layout(*fields)
    return helper


class RespondentForm(forms.Form):
    kind = forms.ChoiceField(
        label="Are you responding as an individual or on behalf of an organisation?",
        choices=Respondent.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose whether you respond as an individual or for an organisation.",
            "invalid_choice": "Choose whether you respond as an individual or for an organisation.",
        },
    )
    name = forms.CharField(
        label="Your name, or your organisation’s name",
        max_length=200,
        error_messages={
            "required": "Enter your name or your organisation’s name.",
            "max_length": "The name must be 200 characters or fewer.",
        },
    )
    description = forms.CharField(
        label="About your organisation (optional)",
        help_text="A sentence or two readers will see beside your response.",
        required=False,
        max_length=2_000,
        widget=forms.Textarea,
        error_messages={"max_length": "The description must be 2,000 characters or fewer."},
    )
    method = forms.ChoiceField(
        label="How would you like to give your comments?",
        choices=[
            ("sections", "Section by section, one comment at a time"),
            ("paste", "Paste or upload the whole response; we suggest the sections it addresses"),
        ],
        widget=forms.RadioSelect,
        initial="sections",
        error_messages={
            "required": "Choose how you would like to give your comments.",
            "invalid_choice": "Choose how you would like to give your comments.",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Field.radios("kind", legend_size=Size.MEDIUM, legend_tag="h2"),
            Field.text("name"),
            Field.textarea("description", rows=3),
            Field.radios("method", legend_size=Size.MEDIUM, legend_tag="h2"),
        )


class CommentLinksForm(forms.Form):
    """A comment's stance and the sections and themes of `plan` it critiques: the fields a
    respondent fills in for each comment and an officer corrects. `labels` and `messages` word
    the questions and the errors for each audience."""

    labels = {}
    messages = {}

    stance = forms.ChoiceField(
        label="What does the comment do?",
        choices=Comment.Stance.choices,
        initial=Comment.Stance.GENERAL,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose what the comment does.",
            "invalid_choice": "Choose what the comment does from the list.",
        },
    )
    sections = SectionChoiceField(
        label="Which sections does it address?",
        queryset=None,
        required=False,
        error_messages={
            "invalid_choice": "Choose sections of this plan only.",
            "invalid_pk_value": "Choose sections of this plan only.",
        },
    )
    themes = ModelMultipleChoiceField(
        label="Which themes does it address? (optional)",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": "Choose themes of this plan only.",
            "invalid_pk_value": "Choose themes of this plan only.",
        },
    )

    def __init__(self, *args, plan: Plan, plan_sections=None, **kwargs):
        """`plan_sections`: the plan's sections in natural order, if already read."""
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.fields["sections"].queryset = plan.sections.in_natural_order()
        self.fields["sections"].sections_read = plan_sections
        self.fields["themes"].queryset = plan.themes.all()
        for name, label in self.labels.items():
            self.fields[name].label = label
        for name, messages in self.messages.items():
            self.fields[name].error_messages.update(messages)


class CommentForm(CommentLinksForm):
    """One comment, entered section by section."""

    text = forms.CharField(
        label="Your comment",
        # crispy-forms-gds's character count needs a hint to hang its message on.
        help_text="Make one point per comment: say what you think, and why.",
        max_length=MAX_COMMENT_LENGTH,
        widget=forms.Textarea,
        error_messages={
            "required": "Enter your comment, or tick ‘Remove this comment’.",
            "max_length": "The comment must be 10,000 characters or fewer (it has %(show_value)d).",
        },
    )
    general = forms.BooleanField(label="It is a general comment on the whole plan", required=False)
    quote = forms.CharField(
        label="The plan’s exact wording you take issue with (optional)",
        help_text="Copy it from the section, so readers see it highlighted there.",
        required=False,
        max_length=2_000,
        widget=forms.Textarea,
        error_messages={"max_length": "The quoted wording must be 2,000 characters or fewer."},
    )
    comment_id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    proposed_wording = forms.CharField(
        label="The wording you propose instead (optional)",
        required=False,
        max_length=MAX_COMMENT_LENGTH,
        widget=forms.Textarea,
        error_messages={"max_length": "The proposed wording must be 10,000 characters or fewer."},
    )

    field_order = ["text", "stance", "sections", "general", "themes"]

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, plan=plan, **kwargs)
        self.helper = _helper(
            Field.textarea("text", rows=6, max_characters=MAX_COMMENT_LENGTH, threshold=75),
            Field.radios("stance", inline=True),
            Field("sections", template=SECTION_PICKER),
            Field.checkbox("general", small=True),
            Field.checkboxes("themes", small=True),
            Field.textarea("quote", rows=2),
            Field.textarea("proposed_wording", rows=3),
        )

    def clean(self):
        cleaned = super().clean()
        sections = cleaned.get("sections") or []
        if cleaned.get("general") and sections:
            self.add_error(
                "general", "A general comment cannot also address sections: untick one of them."
            )
        if (
            "sections" in cleaned
            and not sections
            and not cleaned.get("general")
            and not cleaned.get("themes")
        ):
            self.add_error(
                "sections",
                "Choose the sections this comment addresses, or tick ‘general comment’.",
            )
        quote = cleaned.get("quote", "").strip()
        if quote and "sections" in cleaned:
            if not sections:
                self.add_error("quote", "Choose the section whose wording you quote.")
            else:
                cleaned["quotes"] = find_quote(
                    quote, sections={section.number: section.text for section in sections}
                )
                if not cleaned["quotes"]:
                    numbers = " or ".join(section.number for section in sections)
                    self.add_error(
                        "quote", f"The wording you quote does not occur in section {numbers}."
                    )
        return cleaned


class BaseCommentFormSet(forms.BaseFormSet):
    default_error_messages = {
        "too_many_forms": f"A response can have at most {MAX_COMMENTS} comments.",
        "too_few_forms": "Add at least one comment.",
    }

    def __init__(self, *args, plan: Plan, new_comment=None, **kwargs):
        """`new_comment`: the initial values of a comment not yet saved (the section a reader
        chose "Comment on this section" on)."""
        self.plan = plan
        self.new_comment = new_comment or {}
        super().__init__(*args, **kwargs)

    @cached_property
    def plan_sections(self):
        """The plan's sections, read once for every comment's picker."""
        return list(self.plan.sections.in_natural_order())

    def get_form_kwargs(self, index):
        kwargs = {
            **super().get_form_kwargs(index),
            "plan": self.plan,
            "plan_sections": self.plan_sections,
        }
        if self.new_comment and index is not None and index >= len(self.initial or []):
            kwargs["initial"] = self.new_comment
        return kwargs


CommentFormSet = forms.formset_factory(
    CommentForm,
    formset=BaseCommentFormSet,
    extra=0,
    can_delete=True,
    min_num=1,
    validate_min=True,
    max_num=MAX_COMMENTS,
    validate_max=True,
    absolute_max=MAX_COMMENTS + 50,
)


class PasteForm(forms.Form):
    """A whole response, pasted or uploaded; its paragraphs become comments."""

    text = forms.CharField(
        label="Paste your response",
        help_text="Separate paragraphs with a blank line: each paragraph becomes one comment.",
        required=False,
        widget=forms.Textarea,
    )
    document = forms.FileField(
        label="Or upload it as a .txt, .docx, .odt or .pdf file (up to 2 MB)",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".txt,.docx,.odt,.pdf"}),
        error_messages={"invalid": "The file could not be read: choose it again."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(Field.textarea("text", rows=12), Field("document"))

    def clean_document(self):
        document = self.cleaned_data.get("document")
        if document:
            return read_uploaded_text(document, max_bytes=settings.MAX_UPLOAD_BYTES)
        return ""

    def clean(self):
        cleaned = super().clean()
        text, uploaded = cleaned.get("text", "").strip(), cleaned.get("document", "")
        if self.errors:
            return cleaned
        if text and uploaded:
            raise forms.ValidationError(
                "Paste your response or upload a file, not both.", code="both"
            )
        prose = text or uploaded
        if not prose.strip():
            self.add_error("text", "Paste your response, or choose a file to upload.")
            return cleaned
        field = "text" if text else "document"
        if len(prose) > MAX_TEXT_LENGTH:
            self.add_error(field, f"The response must be {MAX_TEXT_LENGTH:,} characters or fewer.")
        paragraphs = split_paragraphs(prose)
        if len(paragraphs) > MAX_COMMENTS:
            self.add_error(
                field,
                f"The response has {len(paragraphs)} paragraphs; it can have at most "
                f"{MAX_COMMENTS} comments. Join some paragraphs together.",
            )
        for number, paragraph in enumerate(paragraphs, start=1):
            if len(paragraph) > MAX_COMMENT_LENGTH:
                self.add_error(
                    field,
                    f"Paragraph {number} is longer than 10,000 characters: split it with blank "
                    "lines.",
                )
                break
        cleaned["prose"] = prose
        return cleaned


class ConsentForm(forms.Form):
    """Whether the respondent agrees to publication, with their name or without it, or not."""

    publication_consent = forms.ChoiceField(
        label="May we publish your response?",
        choices=Response.Consent.choices,
        widget=forms.RadioSelect,
        help_text="A published response can be read by anyone, here and in the department's "
        "report. Before publishing, officers remove personal details such as email addresses, "
        "phone numbers and home addresses. Without your name, an organisation is shown as "
        "‘Organisation respondent’ and a person as ‘Individual respondent’.",
        error_messages={
            "required": "Choose whether we may publish your response, with or without your name.",
            "invalid_choice": "Choose one of the three answers.",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Field.radios("publication_consent", legend_size=Size.LARGE, legend_tag="h1")
        )
