"""Codes are the officers' until the plan's coding frame is published; then the public reads, in
the API, the Web Annotation collection and the report, each published comment's codes officers
gave or confirmed, never those only suggested; a cached answer follows."""

import pytest

from coding.models import Assignment, Code
from responses.models import Comment
from tests.factories import UserFactory
from tests.page_text import visible_text
from tests.reports.readers import report_url

pytestmark = pytest.mark.django_db
PLAN = "noms-third-sector-action-plan"


@pytest.fixture
def coded(seed):
    plan, _ = seed
    first, second = Comment.objects.filter(response__plan=plan).order_by("position")[:2]
    funding = Code.objects.create(plan=plan, name="Funding")
    grants = Code.objects.create(plan=plan, parent=funding, name="Grants")
    Assignment.objects.create(comment=first, code=grants, origin="officer")
    Assignment.objects.create(comment=second, code=funding, origin="suggested", score=0.9)
    return plan, first, second


def _api_codes(client):
    answer = client.get(f"/api/plans/{PLAN}/comments/").json()
    return {item["id"]: item["codes"] for item in answer["results"]}


def _annotation_codes(client):
    collection = client.get(f"/api/plans/{PLAN}/annotations.jsonld").json()
    return {
        body["value"]
        for item in collection["first"]["items"]
        for body in item["body"]
        if "marginalia:code" in body
    }


def test_the_public_reads_codes_only_once_published_and_never_suggested_ones(client, coded):
    plan, first, second = coded
    assert _api_codes(client)[first.pk] == []
    assert _annotation_codes(client) == set()
    staff = UserFactory(is_staff=True, permissions=["reports.export_report"])
    client.force_login(staff)
    assert "What was said, by code" not in visible_text(client.get(report_url("html")))
    client.logout()

    officer = UserFactory(
        permissions=["officers.annotate_comment", "responses.publish_response",
                     "responses.view_submitted_response"]
    )  # fmt: skip
    client.force_login(officer)
    assert _api_codes(client)[second.pk] == ["Funding"]  # officers read suggested codes too
    client.post(f"/plans/{PLAN}/codes/publication/", {"action": "publish"})
    client.logout()

    codes = _api_codes(client)
    assert codes[first.pk] == ["Funding › Grants"] and codes[second.pk] == []
    assert _annotation_codes(client) == {"Funding › Grants"}
    client.force_login(staff)  # the report's readers who are not officers
    report = visible_text(client.get(report_url("html")))
    assert "What was said, by code" in report and "Funding › Grants 1 comment" in report
    client.logout()

    # A coding confirmed since is read at once, though the public's answers are cached.
    Assignment.objects.get(comment=second).delete()
    client.force_login(officer)
    client.post(f"/comments/{second.pk}/codes/", {"code": Code.objects.get(name="Funding").pk})
    client.logout()
    assert _api_codes(client)[second.pk] == ["Funding"]


def test_an_officer_who_does_not_publish_cannot_publish_codes(client, coded):
    client.force_login(UserFactory(permissions=["officers.annotate_comment"]))
    assert (
        client.post(f"/plans/{PLAN}/codes/publication/", {"action": "publish"}).status_code == 403
    )
