import pytest

from tests.factories import CommentFactory, ResponseFactory, SectionLinkFactory, UserFactory
from tests.opendata.large_plan import make_large_plan

pytestmark = pytest.mark.django_db

SLUG = "noms-third-sector-action-plan"
URL = f"/api/plans/{SLUG}/annotations.jsonld"
COLLECTION_ID = f"http://testserver{URL}"


def annotations(client, url=URL):
    return client.get(url).json()["first"]["items"]


def test_it_is_a_w3c_annotation_collection_in_json_ld(client, seed):
    answer = client.get(URL)

    assert answer.status_code == 200
    assert (
        answer["Content-Type"] == 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"'
    )
    collection = answer.json()
    assert collection["@context"][0] == "http://www.w3.org/ns/anno.jsonld"
    assert collection["id"] == COLLECTION_ID
    assert collection["type"] == "AnnotationCollection"
    assert collection["label"].startswith("NOMS Third Sector Action Plan")
    assert collection["first"]["type"] == "AnnotationPage"
    # Six comments link to a section each; six (on themes or the whole plan) to none.
    assert collection["total"] == len(collection["first"]["items"]) == 12


def test_a_quote_of_1_11_targets_its_wording_with_a_text_quote_selector(client, seed):
    on_1_11 = [
        annotation
        for annotation in annotations(client)
        if annotation["target"]["source"].endswith("/sections/1.11/")
    ]

    assert on_1_11 == [
        {
            "id": f"{COLLECTION_ID}#NOMS-TSAP-000001/3/1.11",
            "type": "Annotation",
            "motivation": "assessing",
            "created": on_1_11[0]["created"],
            "creator": {"type": "Organization", "name": "Volunteering England"},
            "body": [
                {
                    "type": "TextualBody",
                    "value": on_1_11[0]["body"][0]["value"],
                    "format": "text/plain",
                    "language": "en",
                    "purpose": "commenting",
                },
                {"type": "TextualBody", "value": "concern", "purpose": "classifying"},
            ],
            "marginalia:response": {
                "reference": "NOMS-TSAP-000001",
                "status": "published",
                "hidesRespondentName": False,
            },
            "marginalia:position": 3,
            "target": {
                "source": f"http://testserver/plans/{SLUG}/sections/1.11/",
                "selector": {
                    "type": "TextQuoteSelector",
                    "exact": "considered",
                    "prefix": " and consortia building will be ",
                    "suffix": " where appropriate",
                },
            },
        }
    ]
    assert "‘encouraged’ rather than simply ‘considered’" in on_1_11[0]["body"][0]["value"]
    assert on_1_11[0]["created"].endswith("Z")


def test_a_link_without_a_quote_targets_just_the_section_page(client, seed):
    on_2_8 = annotations(client)[8]

    assert on_2_8["target"] == {"source": f"http://testserver/plans/{SLUG}/sections/2.8/"}
    assert on_2_8["motivation"] == "assessing"


def test_comments_on_themes_target_the_plan_page_tagged_with_the_themes(client, seed):
    on_themes = annotations(client)[1]

    assert on_themes["id"] == f"{COLLECTION_ID}#NOMS-TSAP-000001/2"
    assert on_themes["target"] == {"source": f"http://testserver/plans/{SLUG}/"}
    assert on_themes["motivation"] == "editing"  # a recommendation asks for a change
    assert on_themes["body"][2:] == [
        {"type": "TextualBody", "value": "Strengthening communities", "purpose": "tagging"},
        {"type": "TextualBody", "value": "Transforming public services", "purpose": "tagging"},
    ]


def test_the_collection_describes_the_plan_to_rebuild_it(client, seed):
    plan = client.get(URL).json()["marginalia:plan"]

    assert plan["slug"] == SLUG
    assert plan["referencePrefix"] == "NOMS-TSAP"
    assert [section["number"] for section in plan["sections"]] == [
        "1.3",
        "1.11",
        "1.15",
        "2.8",
        "3.5",
    ]
    assert plan["sections"][4]["text"] == (
        "table two: make use of the local community anchor organisations"
    )


def test_a_comment_quoting_a_section_twice_is_two_annotations_with_distinct_ids(client, seed):
    plan, _ = seed
    section = plan.sections.get(number="3.5")
    comment = CommentFactory(response=ResponseFactory(plan=plan, reference="TWICE-1"), position=1)
    SectionLinkFactory(comment=comment, section=section, exact="table two")
    SectionLinkFactory(comment=comment, section=section, exact="anchor organisations")

    items = annotations(client)[12:]

    assert [item["id"].split("#")[1] for item in items] == ["TWICE-1/1/3.5", "TWICE-1/1/3.5/2"]
    assert [item["target"]["selector"]["exact"] for item in items] == [
        "table two",
        "anchor organisations",
    ]


def test_unknown_plan_is_404(client, db):
    assert client.get("/api/plans/nope/annotations.jsonld").status_code == 404


def test_it_can_be_asked_for_as_plain_json(client, seed):
    answer = client.get(URL, HTTP_ACCEPT="application/json")

    assert answer["Content-Type"] == "application/json"
    assert answer.json()["type"] == "AnnotationCollection"


@pytest.mark.parametrize("who", ["anonymous", "officer"])
def test_annotations_take_ten_queries_however_many_comments(
    client, db, django_assert_max_num_queries, who
):
    make_large_plan(responses=30, comments_per_response=5)
    if who == "officer":
        client.force_login(UserFactory(officer=True))

    with django_assert_max_num_queries(10):
        collection = client.get("/api/plans/large-plan/annotations.jsonld").json()

    assert collection["total"] == 300


def test_after_a_revision_a_quote_also_targets_where_its_words_are_in_it(client, revised_seed):
    on_1_11 = next(
        annotation
        for annotation in annotations(client)
        if isinstance(annotation["target"], list)
        and annotation["target"][0]["source"].endswith("/sections/1.11/")
    )

    consulted, revised = on_1_11["target"]
    assert consulted["selector"]["exact"] == "considered"
    assert revised == {
        "source": f"http://testserver/plans/{SLUG}/versions/2/sections/1.11/",
        "selector": {
            "type": "TextQuoteSelector",
            "exact": "encouraged",
            "prefix": " and consortia building will be ",  # 32 characters
            "suffix": " where appropriate",
        },
        "marginalia:version": 2,
        "marginalia:quote": "changed",
    }
    # A link that quotes nothing keeps its one target.
    on_2_8 = [a for a in annotations(client) if not isinstance(a["target"], list)]
    assert any(a["target"]["source"].endswith("/sections/2.8/") for a in on_2_8)
