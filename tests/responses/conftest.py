import pytest

from tests.responses.respond_helpers import make_draft, make_user


@pytest.fixture
def draft(client, seed):
    """An empty draft response to the seed plan, its owner signed in on `client`."""
    plan, _ = seed
    user = make_user()
    client.force_login(user)
    return make_draft(plan, user)
