"""Arranging a respondent's journey in tests: a signed-in respondent, a draft, posted formsets."""

import re

from django.contrib.auth import get_user_model

from responses.models import Respondent, Response
from tests.factories import RespondentFactory, ResponseFactory


def make_user(username="respondent", email=None):
    return get_user_model().objects.create_user(
        username, email or f"{username}@example.org", "a-long-enough-password"
    )


def make_draft(plan, owner):
    return ResponseFactory(
        plan=plan,
        owner=owner,
        respondent=RespondentFactory(user=owner, kind=Respondent.Kind.ORGANISATION),
        status=Response.Status.DRAFT,
        submitted_at=None,
        reference=None,
    )


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
