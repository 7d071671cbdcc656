"""Choosing a plan's sections at any size: the field behind "Which sections does it address?".

A small plan's sections are ticked in one list. A large plan's (more than `FOLD_ABOVE`) are
offered three ways that work without JavaScript, one field in the form:

- the sections chosen now, listed first, each unticked to remove it;
- a text box that takes numbers and ranges ("2.7.2, 3.1–3.4"), checked against the plan;
- every other section, folded by chapter (1, 2, 3 … of its number) in GOV.UK details.

With JavaScript, GOV.UK's accessible-autocomplete finds a section by number or words and ticks
it (static/js/section-picker.mjs); what is posted is the same.

A filter of comments by section (`SectionNumbersField`) is the text box alone, in a GET form;
the same type-ahead adds a found section's number to it.
"""

import re
from functools import cached_property

from django import forms
from django.core.exceptions import ValidationError
from django.forms.boundfield import BoundField
from django.templatetags.static import static
from django.urls import reverse

from marginalia.fields import ModelMultipleChoiceField
from plans.chapters import FOLD_ABOVE, chapters_of
from plans.ordering import sort_key
from responses.linking.numbers import RANGE_SEPARATOR, REFERENCE_NOUNS

# Numbers and ranges as the link detector reads them in prose (responses.linking.numbers): its
# range separators ("3.1–3.4", "3.1 to 3.4") and its reference nouns ("para 2.8", "s.2.3").
_NUMBER = r"\d{1,4}(?:\.\d{1,4}){0,2}"
_ITEM = re.compile(rf"({_NUMBER})\.?(?:{RANGE_SEPARATOR.pattern}({_NUMBER})\.?)?", re.IGNORECASE)
_FILLER = re.compile(
    r"(?:[\s,;&/.]|§|\b(?:and|or|" + "|".join(REFERENCE_NOUNS) + r")\b)+", re.IGNORECASE
)
NUMBERS_EXAMPLE = "2.7.2, 3.1–3.4"


class PickedSections(list):
    """What the picker posts: the ticked section ids, and the numbers typed beside them."""

    def __init__(self, ids=(), numbers=""):
        super().__init__(ids)
        self.numbers = numbers


def numbers_name(name):
    """The name of the text box of numbers beside the boxes named `name`."""
    return f"{name}_numbers"


class SectionPicker(forms.CheckboxSelectMultiple):
    """Ticked boxes named after the field, and a text box of numbers (`numbers_name`)."""

    def value_from_datadict(self, data, files, name):
        ids = super().value_from_datadict(data, files, name) or []
        return PickedSections(ids, numbers=data.get(numbers_name(name), "").strip())

    def value_omitted_from_data(self, data, files, name):
        return False  # an unticked checkbox is never in the data: "none chosen" is a value


class SectionPickerBoundField(BoundField):
    """The field as its template reads it: sections chosen now, the others by chapter."""

    @cached_property
    def all_sections(self):
        return self.field.plan_sections()

    @property
    def is_folded(self):
        return len(self.all_sections) > FOLD_ABOVE

    @cached_property
    def chosen_ids(self):
        value = self.value() or []
        return {str(getattr(each, "pk", each)) for each in value}

    @property
    def typed_numbers(self):
        return getattr(self.data, "numbers", "") if self.form.is_bound else ""

    @property
    def numbers_name(self):
        return numbers_name(self.html_name)

    @property
    def numbers_id(self):
        return f"id_{self.numbers_name}"

    @property
    def error_anchor_id(self):
        """Where the error summary links: the text box of numbers, when the plan has one; else
        the first box, as for any group of checkboxes."""
        return self.numbers_id if self.is_folded else None

    @cached_property
    def chosen(self):
        return [section for section in self.all_sections if str(section.pk) in self.chosen_ids]

    @cached_property
    def chapters(self):
        """The sections not chosen, folded by chapter."""
        others = [s for s in self.all_sections if str(s.pk) not in self.chosen_ids]
        return chapters_of(others, every=self.all_sections)


def sections_numbered(typed, sections, *, or_else=""):
    """The sections of `sections` (in natural order) that `typed` names, one by one or in
    ranges; ValidationError naming what is not a section of the plan (and `or_else`, another
    way to choose)."""
    leftover = _FILLER.sub("", _ITEM.sub("", typed))
    if leftover:
        raise ValidationError(
            f"Type section numbers separated by commas, like {NUMBERS_EXAMPLE}.", code="numbers"
        )
    by_number = {section.number: section for section in sections}
    missing, picked = [], []
    for first, last in _ITEM.findall(typed):
        unknown = [number for number in (first, last) if number and number not in by_number]
        if unknown:
            missing += unknown
            continue
        if not last:
            picked.append(by_number[first])
            continue
        low, high = sorted((sort_key(first), sort_key(last)))
        picked += [section for section in sections if low <= section.sort_key <= high]
    if missing:
        names = ", ".join(dict.fromkeys(missing))
        raise ValidationError(
            f"This plan has no section {names}: check the numbers{or_else}.",
            code="no_such_section",
        )
    return picked


AUTOCOMPLETE_SCRIPT = "accessible-autocomplete/accessible-autocomplete.min.js"


class SectionNumbersInput(forms.TextInput):
    """A box of section numbers, for the type-ahead to add to (`data-sections-src`: where it
    reads the plan's section titles)."""

    def __init__(self, attrs=None):
        super().__init__(
            {
                "class": "govuk-input govuk-!-width-one-half",
                "data-module": "marginalia-section-numbers",
                "data-autocomplete-src": static(AUTOCOMPLETE_SCRIPT),
                "spellcheck": "false",
                "autocomplete": "off",
                **(attrs or {}),
            }
        )


class SectionNumbersField(forms.CharField):
    """Section numbers and ranges typed ("2.7.2, 3.1–3.4"), cleaned to the sections of `plan`
    they name, in natural order; `sections`, a callable, gives them when the page has them."""

    widget = SectionNumbersInput

    def __init__(self, *, plan, sections=None, **kwargs):
        super().__init__(**kwargs)
        self.plan = plan
        self.sections = sections or (lambda: list(plan.sections.in_natural_order()))
        self.widget.attrs["data-sections-src"] = reverse(
            "plans:section_titles", kwargs={"slug": plan.slug}
        )

    def clean(self, value):
        typed = super().clean(value)
        return sections_numbered(typed, self.sections()) if typed else []


class SectionChoiceField(ModelMultipleChoiceField):
    """A plan's sections, picked by ticking or by number (`SectionPicker`)."""

    widget = SectionPicker
    bound_field_class = SectionPickerBoundField
    # The plan's sections in natural order, when the form was given them already read (a
    # formset of many comments reads them once); else read from the queryset when needed.
    sections_read = None

    def label_from_instance(self, section):
        return section.title

    def plan_sections(self):
        if self.sections_read is None:
            self.sections_read = list(self.queryset)
        return self.sections_read

    def clean(self, value):
        numbers = getattr(value, "numbers", "")
        ids = list(value or [])
        if numbers:
            picked = sections_numbered(
                numbers, self.plan_sections(), or_else=", or choose from the chapters"
            )
            ids += [str(section.pk) for section in picked]
        return super().clean(list(dict.fromkeys(ids)))
