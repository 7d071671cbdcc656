"""No endpoint shows a comment, or a name, to someone who may not read it."""

import pytest

from tests.arranging import sign_in

pytestmark = pytest.mark.django_db

PLAN = "/api/plans/noms-third-sector-action-plan"
COMMENT_LISTS = [f"{PLAN}/comments/", f"{PLAN}/sections/3.5/comments/"]


def comment_texts(client, path):
    return [comment["text"] for comment in client.get(path).json()["results"]]


def annotation_texts(client):
    collection = client.get(f"{PLAN}/annotations.jsonld").json()
    return [annotation["body"][0]["value"] for annotation in collection["first"]["items"]]


@pytest.mark.parametrize(
    ("who", "sees_submitted", "sees_draft"),
    [
        ("anonymous", False, False),
        ("another respondent", False, False),
        ("owner", True, True),
        ("officer", True, False),
    ],
)
def test_comment_lists_show_only_what_the_caller_may_read(
    client, unpublished, who, sees_submitted, sees_draft
):
    sign_in(client, who, owner=unpublished["owner"])

    for path in COMMENT_LISTS:
        texts = comment_texts(client, path)
        assert ("Submitted zebra okapi" in texts) == sees_submitted, (who, path)
        assert ("Drafted zebra quokka" in texts) == sees_draft, (who, path)


@pytest.mark.parametrize(
    ("who", "sees_submitted"),
    [("anonymous", False), ("another respondent", False), ("owner", True), ("officer", True)],
)
def test_annotations_show_what_the_caller_may_read_but_never_drafts(
    client, unpublished, who, sees_submitted
):
    sign_in(client, who, owner=unpublished["owner"])

    texts = annotation_texts(client)

    assert ("Submitted zebra okapi" in texts) == sees_submitted
    assert "Drafted zebra quokka" not in texts
    assert len(texts) == 12 + sees_submitted


@pytest.mark.parametrize(
    ("who", "name"),
    [
        ("anonymous", "Individual respondent"),
        ("another respondent", "Individual respondent"),
        ("owner", "Jo Bloggs"),
        ("officer", "Jo Bloggs"),
    ],
)
def test_a_name_hidden_by_publishing_shows_only_to_its_owner_and_officers(
    client, hidden_individual, who, name
):
    sign_in(client, who, owner=hidden_individual.response.owner)

    comment = client.get(f"{PLAN}/sections/2.8/comments/").json()["results"][-1]
    collection = client.get(f"{PLAN}/annotations.jsonld")
    annotation = collection.json()["first"]["items"][-1]

    assert comment["respondent"] == {"name": name, "kind": "individual"}
    assert annotation["creator"] == {"type": "Person", "name": name}
    assert ("Jo Bloggs" in collection.content.decode()) == (name == "Jo Bloggs")
