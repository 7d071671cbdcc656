"""What a request may send as an id or a date, checked before the database sees it.

The database holds ids up to 2**63 - 1 and Python's dates end in the year 9999: a larger number
or a date at the edge (`9999-12-31` plus a day) would raise deep in a query and answer 500.
Every form and filter field that takes an id or a date from a request is one of these, and every
URL that carries an id uses the `id` converter, so what is out of range is a form error or a 404.
"""

import datetime
import re

import django_filters
from crispy_forms_gds.fields import DateInputField as GdsDateInputField
from crispy_forms_gds.widgets import DateInputWidget
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django_filters.fields import ModelChoiceField as FilterModelChoiceField

LARGEST_ID = 2**63 - 1
# Far enough either way for any date a consultation has, near enough that a day more or less
# (as "submitted on or before" needs) is still a date.
EARLIEST_DATE = datetime.date(1900, 1, 1)
LATEST_DATE = datetime.date(2999, 12, 31)


def is_database_id(value):
    """Whether `value` (an int or the text of one) could be a row's id."""
    try:
        number = int(str(value).strip())
    except ValueError:
        return False
    return 0 < number <= LARGEST_ID


class DatabaseIdConverter:
    """`<id:pk>` in a URL: a positive integer the database can hold, at most 19 digits; a longer
    number matches no URL (404)."""

    regex = "[0-9]{1,19}"

    def to_python(self, value):
        if not is_database_id(value):
            raise ValueError("Not a database id.")  # Django answers 404
        return int(value)

    def to_url(self, value):
        return str(value)


class _ChecksIds:
    """For a model choice field chosen by primary key: an id out of range is an invalid choice,
    with the field's own message, before any query."""

    def to_python(self, value):
        by_id = value not in self.empty_values and not self.to_field_name
        if by_id and not isinstance(value, self.queryset.model) and not is_database_id(value):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)

    def _check_values(self, value):
        if not self.to_field_name:
            for pk in value:
                if not is_database_id(pk):
                    raise ValidationError(
                        self.error_messages["invalid_pk_value"],
                        code="invalid_pk_value",
                        params={"pk": pk},
                    )
        return super()._check_values(value)


class ModelChoiceField(_ChecksIds, forms.ModelChoiceField):
    pass


class ModelMultipleChoiceField(_ChecksIds, forms.ModelMultipleChoiceField):
    pass


class _FilterModelChoiceField(_ChecksIds, FilterModelChoiceField):
    pass


class ModelChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = _FilterModelChoiceField


class DateField(forms.DateField):
    """A date between 1900 and 2999, with a message naming the range."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        message = f"Enter a date between {EARLIEST_DATE:%-d %B %Y} and {LATEST_DATE:%-d %B %Y}."
        self.validators += [
            MinValueValidator(EARLIEST_DATE, message=message),
            MaxValueValidator(LATEST_DATE, message=message),
        ]


class _Unreadable(list):
    """A whole date given under the field's own name that is not a date in a format we read."""


class DateBoxes(DateInputWidget):
    """GOV.UK's day, month and year boxes. A date given whole under the field's own name (a link
    made before, a command's option: 2027-03-27 or 27/03/2027) fills them, so links to a page
    of filters keep working."""

    YEAR_FIRST = re.compile(r"^(?P<year>\d{1,4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})$")
    DAY_FIRST = re.compile(r"^(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{1,4})$")

    def value_from_datadict(self, data, files, name):
        whole = (data.get(name) or "").strip()
        if not whole or any(data.get(f"{name}_{index}") for index in range(3)):
            return super().value_from_datadict(data, files, name)
        read = self.YEAR_FIRST.match(whole) or self.DAY_FIRST.match(whole)
        if read is None:
            return _Unreadable([whole, "", ""])
        # An impossible date (2025-02-30) is told as one typed in the boxes is.
        return [str(int(read[part])) for part in ("day", "month", "year")]

    def value_omitted_from_data(self, data, files, name):
        return name not in data and super().value_omitted_from_data(data, files, name)


class DateInputField(GdsDateInputField):
    """GOV.UK's date input (day, month and year boxes, crispy-forms-gds's), optional unless
    said otherwise: a date left wholly blank is None; one partly typed, impossible (31 2 2027)
    or outside 1900 to 2999 is an error that says which."""

    widget = DateBoxes

    def __init__(self, *, label, required=False, **kwargs):
        kwargs.setdefault("help_text", "For example, 27 3 2027")
        super().__init__(label=label, required=required, require_all_fields=False, **kwargs)
        what = label.removesuffix(" (optional)")
        self.error_messages["required"] = f"Enter the day, month and year: {what.lower()}"
        for field, part in zip(self.fields, ("day", "month", "year"), strict=True):
            field.error_messages["incomplete"] = f"Enter the {part}: {what.lower()}"
            field.validators = [
                RegexValidator(r"^[0-9]+$", f"Enter the {part} as a number: {what.lower()}")
            ]
        self.what = what

    def clean(self, value):
        if isinstance(value, _Unreadable):
            raise ValidationError(
                f"Enter ‘{self.what.lower()}’ as a day, month and year, for example 27 3 2027.",
                code="invalid",
            )
        return super().clean(value)

    def compress(self, data_list):
        day, month, year = data_list
        if not (day and month and year):
            return None
        try:
            typed = datetime.date(day=int(day), month=int(month), year=int(year))
        except ValueError:
            raise ValidationError(
                f"Enter a real date for ‘{self.what.lower()}’, for example 27 3 2027.",
                code="invalid_date",
            ) from None
        if not EARLIEST_DATE <= typed <= LATEST_DATE:
            raise ValidationError(
                f"Enter a year between {EARLIEST_DATE.year} and {LATEST_DATE.year} for "
                f"‘{self.what.lower()}’.",
                code="out_of_range",
            )
        return typed
