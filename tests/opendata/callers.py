"""Signing the test client in as each kind of caller the visibility rules tell apart."""

from tests.factories import UserFactory


def sign_in(client, who, owner=None):
    """Sign `client` in as 'anonymous' (nobody), 'owner', 'another respondent' or 'officer'."""
    users = {
        "anonymous": lambda: None,
        "owner": lambda: owner,
        "another respondent": lambda: UserFactory(respondent=True),
        "officer": lambda: UserFactory(officer=True),
    }
    user = users[who]()
    if user is not None:
        client.force_login(user)
