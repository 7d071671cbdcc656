"""Fixtures for the summary report's tests: an administrator signed in, over the seed."""

import pytest
from django.contrib.auth import get_user_model


@pytest.fixture
def report_admin(db):
    return get_user_model().objects.create_superuser(
        "report-admin", "report-admin@example.org", "a-long-password-1"
    )


@pytest.fixture
def admin_reader(client, seed, report_admin):
    """A client signed in as an administrator, with the seed loaded."""
    client.force_login(report_admin)
    return client
