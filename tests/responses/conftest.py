import pytest

from tests.factories import ResponseFactory, UserFactory


@pytest.fixture
def draft(client, seed):
    """An empty draft response to the seed plan, its owner signed in on `client`."""
    plan, _ = seed
    user = UserFactory(respondent=True)
    client.force_login(user)
    return ResponseFactory(draft=True, plan=plan, owner=user)
