import pytest

pytestmark = pytest.mark.django_db

URL = "/api/plans/noms-third-sector-action-plan/link-suggestions/"


def post_json(client, body, url=URL):
    return client.post(url, data=body, content_type="application/json")


def test_it_suggests_sections_themes_and_quotes_per_paragraph(client, seed):
    text = (
        "Point 1.11, for example, states that sub-contracting will be ‘considered’.\n\n"
        "Volunteering sits well in the ‘strengthening communities’ theme.\n\n"
        "We support 2.8 but not 1.5 million new volunteers or 3.5% of the budget."
    )

    answer = post_json(client, {"text": text})

    assert answer.status_code == 200
    paragraphs = answer.json()["paragraphs"]
    assert [p["sections"] for p in paragraphs] == [["1.11"], [], ["2.8"]]
    assert [p["themes"] for p in paragraphs] == [[], ["Strengthening communities"], []]
    assert paragraphs[0]["quotes"] == [
        {
            "section": "1.11",
            "exact": "considered",
            "prefix": " and consortia building will be ",
            "suffix": " where appropriate",
            "similarity": 1.0,
        }
    ]
    assert {"kind": "section", "target": "1.11", "words": "Point 1.11"} in paragraphs[0]["evidence"]
    assert (
        paragraphs[1]["text"] == "Volunteering sits well in the ‘strengthening communities’ theme."
    )
    assert [(p["stance"], p["stance_words"]) for p in paragraphs] == [
        ("general", ""),
        ("general", ""),
        ("welcomes", "We support"),
    ]


def test_misquotes_proposals_and_doubts_are_suggested_with_how_sure(client, seed):
    text = (
        "Section 1.11 ‘sub-contracting and consortia bulding will be considerd where "
        "appropriate’ should say ‘will be encouraged’.\n\n"
        "Section 1.11 ‘sub-contracting’ matters, and so does ‘local demonstration projects’."
    )

    paragraphs = post_json(client, {"text": text}).json()["paragraphs"]

    (quote,) = paragraphs[0]["quotes"]
    assert quote["exact"] == (
        "sub-contracting and consortia building will be considered where appropriate"
    )
    assert 0.9 < quote["similarity"] < 1
    assert paragraphs[0]["proposed"] == ["will be encouraged"]
    assert paragraphs[0]["stance"] == "recommendation"
    (doubt,) = paragraphs[1]["doubts"]
    assert doubt == {
        "words": "‘local demonstration projects’",
        "reason": "found in section 2.8, not in 1.11",
        "sections": ["2.8"],
    }


def test_broken_json_gets_400_with_a_message(client, seed):
    answer = client.post(URL, data='{"text": "unclosed', content_type="application/json")

    assert answer.status_code == 400
    assert "JSON" in answer.json()["detail"]


@pytest.mark.parametrize("body", [[], "text", {"words": "hello"}, {"text": 5}, {"text": None}])
def test_a_body_without_text_gets_400_with_a_message(client, seed, body):
    answer = post_json(client, body)

    assert answer.status_code == 400
    assert answer.json()


def test_unknown_plan_is_404(client, db):
    assert (
        post_json(
            client, {"text": "Point 1.11"}, url="/api/plans/nope/link-suggestions/"
        ).status_code
        == 404
    )


def test_text_over_200000_characters_is_refused(client, seed):
    answer = post_json(client, {"text": "a" * 200_001})

    assert answer.status_code == 413
    assert "at most 200,000 characters" in answer.json()["text"][0]


def test_a_body_too_big_to_read_is_refused_not_a_500(client, seed):
    answer = post_json(client, {"text": "é" * 1_500_000})

    assert answer.status_code in (400, 413)


def test_text_of_exactly_200000_characters_is_accepted(client, seed):
    assert post_json(client, {"text": "Point 1.11. " * 16_666 + "abcdefgh"}).status_code == 200


def test_only_post_is_allowed(client, seed):
    assert client.get(URL).status_code == 405


@pytest.mark.parametrize(
    "body",
    [
        "[" * 100_000 + "]" * 100_000,  # deeper than Python's decoder goes
        '{"text": ' + "[" * 40 + '"x"' + "]" * 40 + "}",  # decodable, but deeper than allowed
    ],
)
def test_deeply_nested_json_gets_400_with_a_message(client, seed, body):
    answer = post_json(client, body)

    assert answer.status_code == 400
    assert answer.json() == {"detail": "JSON nested more than 32 levels deep is refused."}


def test_anonymous_callers_get_30_answers_a_minute_then_429_with_a_detail(client, seed):
    answers = [post_json(client, {"text": "Point 1.11"}) for _ in range(31)]

    assert [answer.status_code for answer in answers[:30]] == [200] * 30
    assert answers[30].status_code == 429
    assert "throttled" in answers[30].json()["detail"]
    assert int(answers[30]["Retry-After"]) <= 60
    other_address = client.post(
        URL, data={"text": "Point 1.11"}, content_type="application/json", REMOTE_ADDR="192.0.2.9"
    )
    assert other_address.status_code == 200


def test_a_made_up_forwarded_address_does_not_dodge_the_limit(client, seed):
    for _ in range(30):
        post_json(client, {"text": "Point 1.11"})

    answer = client.post(
        URL,
        data={"text": "Point 1.11"},
        content_type="application/json",
        HTTP_X_FORWARDED_FOR="203.0.113.77",
    )

    assert answer.status_code == 429


def test_signed_in_callers_get_120_answers_a_minute_not_30(client, seed):
    from tests.factories import UserFactory

    client.force_login(UserFactory(respondent=True))

    answers = [post_json(client, {"text": "Point 1.11"}) for _ in range(121)]

    assert [answer.status_code for answer in answers[:120]] == [200] * 120
    assert answers[120].status_code == 429
