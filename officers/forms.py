"""The officer's form for one comment: links, stance, tags, review status, note."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size
from django import forms

from marginalia.fields import ModelMultipleChoiceField
from officers.models import Review, Tag
from responses.forms import SECTION_PICKER, CommentLinksForm

MAX_TAG_LENGTH = 60


class AnnotationForm(CommentLinksForm):
    labels = {
        "stance": "Stance",
        "sections": "Sections it critiques",
        "themes": "Themes it addresses",
    }
    messages = {
        "stance": {
            "required": "Choose the comment's stance.",
            "invalid_choice": "Choose the comment's stance from the list.",
        }
    }

    tags = ModelMultipleChoiceField(
        label="Tags",
        queryset=Tag.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": "Choose tags from the list.",
            "invalid_pk_value": "Choose tags from the list.",
        },
    )
    new_tags = forms.CharField(
        label="New tags (optional)",
        help_text="Separate tags with commas, for example: commissioning, small organisations",
        required=False,
        max_length=500,
    )
    status = forms.ChoiceField(
        label="Review status",
        choices=Review.Status.choices,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Choose a review status from the list."},
    )
    plan_change = forms.CharField(
        label="The plan change it led to",
        help_text="Needed when the comment was acted on.",
        required=False,
        widget=forms.Textarea,
    )
    note = forms.CharField(
        label="Internal note (officers only)", required=False, widget=forms.Textarea
    )

    def __init__(self, *args, comment, **kwargs):
        super().__init__(*args, plan=comment.response.plan, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.legend_size = Size.SMALL
        self.helper.label_size = Size.SMALL
        # A question with nothing to choose is not asked: no themes, or no tags yet.
        if not self.fields["themes"].queryset.exists():
            del self.fields["themes"]
        if not self.fields["tags"].queryset.exists():
            del self.fields["tags"]
        self.helper.layout = Layout(
            Field.radios("stance", inline=True),
            Field("sections", template=SECTION_PICKER),
            *([Field.checkboxes("themes", small=True)] if "themes" in self.fields else []),
            *([Field.checkboxes("tags", small=True)] if "tags" in self.fields else []),
            Field.text("new_tags"),
            Field.radios("status", inline=True),
            Field.textarea("plan_change", rows=2),
            Field.textarea("note", rows=3),
        )

    def clean_new_tags(self):
        names = [" ".join(name.split()) for name in self.cleaned_data["new_tags"].split(",")]
        names = [name for name in names if name]
        if any(len(name) > MAX_TAG_LENGTH for name in names):
            raise forms.ValidationError(f"Each tag must be {MAX_TAG_LENGTH} characters or fewer.")
        return names

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("status") == Review.Status.ACTED_ON
            and not cleaned.get("plan_change", "").strip()
        ):
            self.add_error("plan_change", "Say which change to the plan the comment led to.")
        for unasked in {"themes", "tags"} - set(self.fields):
            cleaned[unasked] = []
        return cleaned
