"""The public's pages and API answers come from the cache (responses.caching), and no one reads
one from it once what it shows has changed: each kind of write bumps the plan's generation in its
own transaction."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from officers.services import publish_response, unpublish_response
from plans.models import Plan
from responses.drafts import submit_response
from responses.models import Response
from tests.arranging import comment_on
from tests.factories import CommentFactory, ResponseFactory, UserFactory
from tests.officers.annotation_form import annotation_form_data
from tests.page_text import visible_text

pytestmark = pytest.mark.django_db

PLAN = "/plans/noms-third-sector-action-plan/"
SECTION_3_5 = f"{PLAN}sections/3.5/"
QUESTION_TAG = '<strong class="govuk-tag govuk-tag--purple">Question</strong>'


def _read_twice(client, url, *, read=visible_text):
    """The page as the public reads it, made sure to be in the cache."""
    client.get(url)
    page = client.get(url)
    assert page["X-Cache"] == "hit"
    return read(page)


def _html(page):
    return page.content.decode()


@pytest.fixture
def officer():
    officer = Client()
    officer.force_login(UserFactory(officer=True))
    return officer


API = "/api/plans/noms-third-sector-action-plan/"


@pytest.mark.parametrize(
    "url",
    [
        PLAN,
        SECTION_3_5,
        f"{PLAN}overview/",
        f"{SECTION_3_5}?stance=concern",
        "/search/?q=consortia",
        f"{API}comments/",
        f"{API}sections/3.5/comments/",
        f"{API}annotations.jsonld",
    ],
)
def test_the_public_reads_its_pages_from_the_cache(client, seed, url):
    first, second = client.get(url), client.get(url)

    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert second.content == first.content


def test_the_response_page_is_cached_for_the_public(client, seed):
    _, response = seed

    assert client.get(f"/responses/{response.pk}/")["X-Cache"] == "miss"
    assert client.get(f"/responses/{response.pk}/")["X-Cache"] == "hit"


def test_signed_in_readers_pages_are_never_cached(client, seed):
    client.force_login(UserFactory(respondent=True))

    client.get(PLAN)
    page = client.get(PLAN)

    assert "X-Cache" not in page


def test_an_unknown_page_is_not_cached(client, seed):
    client.get(f"{PLAN}sections/9.9/")

    assert client.get(f"{PLAN}sections/9.9/").status_code == 404


def test_publishing_shows_the_response_at_once(client, seed):
    plan, _ = seed
    comment = comment_on(plan.sections.get(number="3.5"), text="Walrus newly published")
    assert "Walrus newly published" not in _read_twice(client, SECTION_3_5)

    publish_response(response=comment.response, hide_name=False)

    assert "Walrus newly published" in visible_text(client.get(SECTION_3_5))


def test_unpublishing_hides_the_response_at_once(client, seed):
    plan, _ = seed
    comment = comment_on(
        plan.sections.get(number="3.5"),
        text="Walrus soon withdrawn",
        status=Response.Status.PUBLISHED,
    )
    assert "Walrus soon withdrawn" in _read_twice(client, SECTION_3_5)
    assert "Walrus soon withdrawn" in _read_twice(client, f"/responses/{comment.response_id}/")

    unpublish_response(response=comment.response)

    assert "Walrus soon withdrawn" not in visible_text(client.get(SECTION_3_5))
    assert client.get(f"/responses/{comment.response_id}/").status_code == 404


def test_submitting_makes_the_plans_pages_read_afresh(client, seed):
    plan, _ = seed
    draft = ResponseFactory(draft=True, plan=plan, owner=UserFactory(respondent=True))
    CommentFactory(response=draft, position=1)
    _read_twice(client, PLAN)

    submit_response(response=draft, version=draft.version)

    assert client.get(PLAN)["X-Cache"] == "miss"


def test_an_officers_annotation_of_a_published_comment_shows_at_once(client, seed, officer):
    _, response = seed
    comment = response.comments.get(position=4)  # on 3.5, a recommendation
    assert QUESTION_TAG not in _read_twice(client, SECTION_3_5, read=_html)

    posted = officer.post(
        f"/comments/{comment.pk}/", annotation_form_data(comment, stance="question")
    )

    assert posted.status_code == 302
    assert QUESTION_TAG in _html(client.get(SECTION_3_5))


def test_an_officer_unlinking_a_published_comment_takes_it_off_the_section_at_once(
    client, seed, officer
):
    _, response = seed
    comment = response.comments.get(position=4)
    assert "highlighted in the actions under 3.5" in _read_twice(client, SECTION_3_5)

    officer.post(f"/comments/{comment.pk}/", annotation_form_data(comment, sections=[]))

    assert "highlighted in the actions under 3.5" not in visible_text(client.get(SECTION_3_5))


def test_reverting_an_annotation_shows_at_once(client, seed, officer):
    _, response = seed
    comment = response.comments.get(position=4)
    officer.post(f"/comments/{comment.pk}/", annotation_form_data(comment, stance="question"))
    assert QUESTION_TAG in _read_twice(client, SECTION_3_5, read=_html)
    change = comment.history.order_by("-history_date").first()

    officer.post(
        f"/comments/{comment.pk}/revert/", {"kind": "comment", "history_id": change.history_id}
    )

    assert QUESTION_TAG not in _html(client.get(SECTION_3_5))


def test_an_import_shows_its_responses_at_once(client, seed, tmp_path):
    plan, response = seed
    collection = client.get("/api/plans/noms-third-sector-action-plan/annotations.jsonld").json()
    item = collection["first"]["items"][0]
    item["marginalia:response"]["reference"] = "IMPORTED-000001"
    item["body"][0]["value"] = "Walrus brought in by an import"
    collection["first"]["items"] = [item]
    path = tmp_path / "collection.jsonld"
    path.write_text(json.dumps(collection), encoding="utf-8")
    assert "Walrus brought in by an import" not in _read_twice(client, PLAN)

    call_command("import_annotations", str(path), stdout=StringIO())

    assert "Walrus brought in by an import" in visible_text(client.get(PLAN))


def test_an_admins_edit_of_the_plans_wording_shows_at_once(client, seed):
    plan, _ = seed
    section = plan.sections.get(number="2.8")
    assert "regional pilot schemes" not in _read_twice(client, PLAN)
    admin = Client()
    admin.force_login(UserFactory(admin=True))

    admin.post(
        f"/admin/plans/section/{section.pk}/change/",
        {"plan": plan.pk, "number": "2.8", "heading": "", "text": "regional pilot schemes"},
    )

    assert "regional pilot schemes" in visible_text(client.get(PLAN))


def test_saving_a_plan_read_before_a_bump_keeps_the_newer_generation(seed):
    plan, _ = seed
    stale = Plan.objects.get(pk=plan.pk)
    Plan.objects.filter(pk=plan.pk).bump_generation()

    stale.summary = "Edited on a page opened before the bump."
    stale.save()

    assert Plan.objects.get(pk=plan.pk).generation == stale.generation + 1


def test_publishing_shows_the_response_in_the_api_and_search_at_once(client, seed):
    plan, _ = seed
    comment = comment_on(plan.sections.get(number="3.5"), text="Walrus walks into the API")
    assert "Walrus" not in _read_twice(client, f"{API}comments/", read=_html)
    assert "Walrus" not in _read_twice(client, "/search/?q=walrus", read=_html)

    publish_response(response=comment.response, hide_name=False)

    assert "Walrus walks into the API" in _html(client.get(f"{API}comments/"))
    assert "Walrus walks into the API" in visible_text(client.get("/search/?q=walrus"))


def test_the_api_answers_in_the_format_asked_for_whatever_was_cached(client, seed):
    url = f"{API}annotations.jsonld"

    as_json_ld = client.get(url, HTTP_ACCEPT="application/ld+json")
    as_json = client.get(url, HTTP_ACCEPT="application/json")

    assert as_json_ld["Content-Type"].startswith("application/ld+json")
    assert as_json["Content-Type"] == "application/json"


def test_writes_to_the_api_are_refused_not_cached(client, seed):
    assert client.post(f"{API}comments/").status_code == 405
