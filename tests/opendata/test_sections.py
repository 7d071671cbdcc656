import pytest

pytestmark = pytest.mark.django_db

PLAN = "/api/plans/noms-third-sector-action-plan"


def test_sections_come_in_natural_order(client, seed):
    sections = client.get(f"{PLAN}/sections/").json()

    assert [section["number"] for section in sections] == ["1.3", "1.11", "1.15", "2.8", "3.5"]


def test_a_section_is_found_by_its_number_with_its_wording_and_links(client, seed):
    section = client.get(f"{PLAN}/sections/1.11/").json()

    assert section == {
        "number": "1.11",
        "heading": "",
        "text": "sub-contracting and consortia building will be considered where appropriate",
        "theme": None,
        "parent": None,
        "url": f"http://testserver{PLAN}/sections/1.11/",
        "page": "http://testserver/plans/noms-third-sector-action-plan/sections/1.11/",
        "comments": f"http://testserver{PLAN}/sections/1.11/comments/",
    }


@pytest.mark.parametrize(
    "path",
    [
        "/api/plans/nope/sections/",
        "/api/plans/nope/sections/1.11/",
        f"{PLAN}/sections/9.9/",
        f"{PLAN}/sections/9.9/comments/",
    ],
)
def test_unknown_plan_or_section_is_a_json_404(client, seed, path):
    answer = client.get(path)

    assert answer.status_code == 404
    assert "detail" in answer.json()
