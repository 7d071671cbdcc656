"""Fixtures for the summary report's tests: an administrator signed in, over the seed."""

import pytest

from tests.factories import UserFactory


@pytest.fixture
def admin_reader(client, seed):
    """A client signed in as an administrator, with the seed loaded."""
    client.force_login(UserFactory(admin=True))
    return client
