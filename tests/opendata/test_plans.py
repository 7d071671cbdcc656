import pytest

pytestmark = pytest.mark.django_db

SLUG = "noms-third-sector-action-plan"


def test_plan_list_names_each_plan_with_its_links(client, seed):
    plans = client.get("/api/plans/").json()

    assert [plan["slug"] for plan in plans] == [SLUG]
    plan = plans[0]
    assert plan["title"].startswith("NOMS Third Sector Action Plan")
    assert plan["reference_prefix"] == "NOMS-TSAP"
    assert [theme["name"] for theme in plan["themes"]] == [
        "Strengthening communities",
        "Transforming public services",
    ]
    assert plan["url"] == f"http://testserver/api/plans/{SLUG}/"
    assert plan["page"] == f"http://testserver/plans/{SLUG}/"
    assert plan["sections"] == f"http://testserver/api/plans/{SLUG}/sections/"
    assert plan["comments"] == f"http://testserver/api/plans/{SLUG}/comments/"
    assert plan["annotations"] == f"http://testserver/api/plans/{SLUG}/annotations.jsonld"


def test_plan_detail_is_found_by_slug(client, seed):
    answer = client.get(f"/api/plans/{SLUG}/")

    assert answer.status_code == 200
    assert answer.json()["publisher"] == "National Offender Management Service (NOMS)"
    assert answer.json()["has_full_text"] is False


def test_unknown_plan_is_a_json_404(client, db):
    answer = client.get("/api/plans/nope/")

    assert answer.status_code == 404
    assert answer["Content-Type"] == "application/json"
    assert answer.json() == {"detail": "No Plan matches the given query."}
