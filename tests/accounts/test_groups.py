"""The groups migration accounts 0001 makes, and what their members may do."""

import pytest
from django.contrib.auth.models import Group

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def permissions_of(name):
    group = Group.objects.get(name=name)
    return {
        f"{app_label}.{codename}"
        for app_label, codename in group.permissions.values_list(
            "content_type__app_label", "codename"
        )
    }


def test_respondents_may_write_responses_and_comments():
    permissions = permissions_of("Respondents")

    assert {
        "responses.add_response",
        "responses.change_response",
        "responses.add_comment",
        "responses.delete_comment",
        "responses.add_respondent",
    } <= permissions


def test_respondents_may_not_read_others_submitted_responses_or_link_comments():
    permissions = permissions_of("Respondents")

    assert "responses.view_submitted_response" not in permissions
    assert "responses.add_sectionlink" not in permissions
    assert "responses.delete_response" not in permissions


def test_policy_officers_may_read_everything_and_link_comments_to_the_plan():
    permissions = permissions_of("Policy officers")

    assert {
        "plans.view_plan",
        "plans.view_section",
        "plans.view_theme",
        "responses.view_submitted_response",
        "responses.change_comment",
        "responses.add_sectionlink",
        "responses.delete_themelink",
    } <= permissions
    assert "responses.add_response" not in permissions


def test_a_policy_officer_may_read_submitted_responses():
    officer = UserFactory(officer=True)

    assert officer.has_perm("responses.view_submitted_response")
