"""The officers' forms of the coding frame: a code added or changed, themes asked for, a
suggested theme accepted, and a code given to many comments at once."""

from crispy_forms_gds.layout import Field
from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q

from coding.agreement import SAMPLE_SIZES
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

    def __init__(self, *args, plan, one=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].queryset = Code.objects.filter(plan=plan).select_related("parent")
        if one:
            self.fields["code"].label = "Code to give it"
            self.fields["code"].error_messages["required"] = "Choose the code to give it."
        self.helper = form_helper(Field("code"))


def officers_but(user):
    """Who may code a sample a second time: the officers (and admins) but `user`."""
    permission = Q(
        user_permissions__codename="annotate_comment",
        user_permissions__content_type__app_label="officers",
    ) | Q(
        groups__permissions__codename="annotate_comment",
        groups__permissions__content_type__app_label="officers",
    )
    return (
        get_user_model()
        .objects.filter(permission | Q(is_superuser=True), is_active=True)
        .exclude(pk=user.pk)
        .distinct()
        .order_by("username")
    )


class OfficerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        return user.get_full_name() or user.get_username()


class SampleForm(forms.Form):
    size = forms.IntegerField(
        label="How many comments",
        min_value=SAMPLE_SIZES[0],
        max_value=SAMPLE_SIZES[1],
        initial=50,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
        error_messages={
            "required": "Enter how many comments to draw, from 5 to 500.",
            "invalid": "Enter how many comments as a number, like 50.",
            "min_value": "Draw 5 comments or more.",
            "max_value": "Draw 500 comments or fewer.",
        },
    )
    second_coder = OfficerChoiceField(
        label="Officer to code them a second time",
        queryset=get_user_model().objects.none(),
        empty_label="Choose an officer",
        error_messages={"required": "Choose the officer to code the sample a second time."},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["second_coder"].queryset = officers_but(user)
        self.helper = form_helper(Field.text("size", field_width=3), Field("second_coder"))


class CodesForm(forms.Form):
    """The codes of one comment, chosen from the frame (a second coding, or a resolution)."""

    codes = forms.ModelMultipleChoiceField(
        label="Its codes",
        queryset=Code.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Choose every code the comment's words call for; none if no code fits.",
    )
    note = forms.CharField(label="Why (optional)", max_length=300, required=False)

    def __init__(self, *args, plan, with_note=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["codes"].queryset = Code.objects.filter(plan=plan).select_related("parent")
        if not with_note:
            del self.fields["note"]
        fields = [Field.checkboxes("codes", legend_size="s")]
        if with_note:
            fields.append(Field.text("note"))
        self.helper = form_helper(*fields)
