import pytest

from tests.factories import CommentFactory, ResponseFactory, UserFactory
from tests.opendata.large_plan import make_large_plan

pytestmark = pytest.mark.django_db

PLAN = "/api/plans/noms-third-sector-action-plan"


def test_section_comments_carry_their_quote_as_a_text_quote_selector(client, seed):
    page = client.get(f"{PLAN}/sections/1.11/comments/").json()

    assert len(page["results"]) == 1 and page["next"] is None
    comment = page["results"][0]
    assert comment["position"] == 3
    assert comment["stance"] == "concern"
    assert comment["text"].startswith("A key area of concern in the sector")
    assert comment["response"]["reference"] == "NOMS-TSAP-000001"
    assert comment["response"]["status"] == "published"
    assert comment["respondent"] == {"name": "Volunteering England", "kind": "organisation"}
    assert comment["sections"] == ["1.11"]
    assert comment["themes"] == []
    assert comment["quotes"] == [
        {
            "section": "1.11",
            "selector": {
                "type": "TextQuoteSelector",
                "exact": "considered",
                "prefix": " and consortia building will be ",
                "suffix": " where appropriate",
            },
        }
    ]


def test_section_comments_are_only_those_on_the_section(client, seed):
    page = client.get(f"{PLAN}/sections/3.5/comments/").json()

    assert [comment["position"] for comment in page["results"]] == [4, 12]


def test_plan_comments_are_every_comment_in_the_order_written_with_themes(client, seed):
    page = client.get(f"{PLAN}/comments/").json()

    assert [comment["position"] for comment in page["results"]] == list(range(1, 13))
    assert page["results"][1]["themes"] == [
        "Strengthening communities",
        "Transforming public services",
    ]
    assert page["results"][0]["sections"] == []


def test_comments_come_fifty_a_page(client, seed):
    plan, _ = seed
    response = ResponseFactory(plan=plan)
    CommentFactory.create_batch(50, response=response)

    first = client.get(f"{PLAN}/comments/").json()
    second = client.get(first["next"]).json()
    back = client.get(second["previous"]).json()

    assert len(first["results"]) == 50
    assert len(second["results"]) == 12
    assert second["next"] is None
    assert {comment["id"] for comment in first["results"] + second["results"]} == set(
        plan.responses.values_list("comments", flat=True)
    )
    assert back["results"] == first["results"]
    assert client.get(f"{PLAN}/comments/?cursor=tampered").status_code == 404


@pytest.mark.parametrize("who", ["anonymous", "officer"])
@pytest.mark.parametrize("path", ["comments/", "sections/1.1/comments/"])
def test_comment_pages_take_nine_queries_however_many_comments(
    client, db, django_assert_max_num_queries, who, path
):
    make_large_plan(responses=30, comments_per_response=5)
    if who == "officer":
        client.force_login(UserFactory(officer=True))

    with django_assert_max_num_queries(9):
        page = client.get(f"/api/plans/large-plan/{path}").json()

    assert len(page["results"]) == 50 and page["next"]
    assert page["results"][0]["sections"] == ["1.1", "1.2"]
    assert len(page["results"][0]["themes"]) == 1
