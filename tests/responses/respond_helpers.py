"""Arranging a respondent's journey in tests: posted comment formsets, and the draft's version
a page holds."""

import re


def comment_form_data(forms, *, version, action="save", initial=0):
    """POST data for the comments formset: `forms` is a list of dicts of field values."""
    data = {
        "version": str(version),
        "action": action,
        "comments-TOTAL_FORMS": str(len(forms)),
        "comments-INITIAL_FORMS": str(initial),
        "comments-MIN_NUM_FORMS": "1",
        "comments-MAX_NUM_FORMS": "300",
    }
    for index, fields in enumerate(forms):
        for name, value in fields.items():
            data[f"comments-{index}-{name}"] = value
    return data


def page_version(page):
    return int(re.search(r'name="version" value="(\d+)"', page.content.decode()).group(1))
