"""Validation of section numbers, shared by the model, forms and the link detector's callers."""

import re

from django.core.exceptions import ValidationError

from plans.ordering import MAX_LEVEL_DIGITS, MAX_LEVELS

LEVEL = rf"(?:0|[1-9]\d{{0,{MAX_LEVEL_DIGITS - 1}}})"
SECTION_NUMBER = re.compile(rf"{LEVEL}(?:\.{LEVEL}){{0,{MAX_LEVELS - 1}}}")


def validate_section_number(number):
    if not isinstance(number, str) or not SECTION_NUMBER.fullmatch(number):
        raise ValidationError(
            "Enter a section number like 1.11: whole numbers separated by full stops, "
            "no leading zeros, at most %(levels)s levels.",
            code="malformed_section_number",
            params={"levels": MAX_LEVELS},
        )
