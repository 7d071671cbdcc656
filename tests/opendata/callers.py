"""Signing the test client in as each kind of caller the visibility rules tell apart."""

from tests.officers.officers import make_officer
from tests.responses.respond_helpers import make_user


def sign_in(client, who, owner=None):
    """Sign `client` in as 'anonymous' (nobody), 'owner', 'another respondent' or 'officer'."""
    users = {
        "anonymous": lambda: None,
        "owner": lambda: owner,
        "another respondent": lambda: make_user("another"),
        "officer": make_officer,
    }
    user = users[who]()
    if user is not None:
        client.force_login(user)
