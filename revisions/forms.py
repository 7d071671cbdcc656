"""Forms of a plan's revisions: the revised document and what it is called, the officer's
correction of the matches, and the filter of the "what changed" page."""

from crispy_forms_gds.layout import Field
from django import forms

from marginalia.fields import DateInputField
from marginalia.forms import form_helper
from plan_import.forms import PlanTextForm
from revisions.selectors import OUTCOMES


class RevisionDetailsForm(forms.Form):
    """What the department calls the revision, and when it was published."""

    label = forms.CharField(
        label="Name of this version",
        max_length=200,
        initial="Revised plan",
        help_text="As the department calls it, for example “Action plan: final version”.",
        error_messages={"required": "Enter the name of this version."},
    )
    published_on = DateInputField(label="Date published (optional)")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(Field.text("label"), Field("published_on"))


class RevisionDocumentForm(RevisionDetailsForm, PlanTextForm):
    """The revised plan's document, uploaded or pasted, and what it is called."""

    field_order = ["label", "published_on", "document", "text"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            Field.text("label"),
            Field("published_on"),
            Field("document"),
            Field.textarea("text", rows=8),
        )


NEW_SECTION = "new"  # no section number looks like it


class MatchesForm(forms.Form):
    """For each section of the revision, the section of the version before that it succeeds,
    or none (a new section). One old section chosen for several new ones is a split."""

    def __init__(self, *args, new_numbers, old_sections, pairs, hints=None, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(NEW_SECTION, "None: a new section")] + [
            (number, f"{number} {heading}".strip()[:80]) for number, heading in old_sections
        ]
        for number in new_numbers:
            self.fields[_field_name(number)] = forms.ChoiceField(
                label=f"Section {number} succeeds",
                choices=choices,
                initial=pairs.get(number) or NEW_SECTION,
                help_text=(hints or {}).get(number, ""),
                error_messages={
                    "required": f"Choose the section {number} succeeds, or none.",
                    "invalid_choice": f"Choose the section {number} succeeds from the list.",
                },
            )
        self.new_numbers = new_numbers
        self.helper = form_helper(*(Field.select(_field_name(n)) for n in new_numbers))

    def pairs(self):
        chosen = {number: self.cleaned_data[_field_name(number)] for number in self.new_numbers}
        return {number: None if old == NEW_SECTION else old for number, old in chosen.items()}


def _field_name(number):
    return f"succeeds_{number.replace('.', '_')}"


class OutcomeForm(forms.Form):
    """The "what changed" page's filter: which sections to show."""

    show = forms.ChoiceField(
        label="Show",
        choices=[("", "Every section")] + list(OUTCOMES.items()),
        required=False,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, counts=None, **kwargs):
        super().__init__(*args, **kwargs)
        if counts is not None:
            total = sum(counts.values())
            self.fields["show"].choices = [("", f"Every section ({total})")] + [
                (key, f"{label} ({counts[key]})") for key, label in OUTCOMES.items()
            ]
        self.helper = form_helper(Field.radios("show", small=True))


NOT_IN_THIS_VERSION = "none"


class PlaceQuoteForm(forms.Form):
    """Where an officer places a quote to check: one of its candidate places, or nowhere. The
    page draws the radios itself (each shows the wording around its place)."""

    place = forms.ChoiceField(
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose where the quoted words are, or that they are not in this version.",
            "invalid_choice": (
                "Choose one of the places shown, or that they are not in this version."
            ),
        },
    )

    def __init__(self, *args, quote, **kwargs):
        super().__init__(*args, prefix=f"quote-{quote.pk}", **kwargs)
        candidates = quote.candidates
        self.fields["place"].choices = [
            *((str(index), str(index)) for index in range(len(candidates))),
            (NOT_IN_THIS_VERSION, NOT_IN_THIS_VERSION),
        ]

    @property
    def choice(self) -> int | None:
        place = self.cleaned_data["place"]
        return None if place == NOT_IN_THIS_VERSION else int(place)
