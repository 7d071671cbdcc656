"""An officer's home: what waits in each plan, and reviewing one comment after another."""

import pytest

from officers.models import Review
from tests.arranging import comment_on
from tests.factories import ReviewFactory, UserFactory
from tests.officers.annotation_form import annotation_form_data
from tests.page_text import visible_text

pytestmark = pytest.mark.django_db


def test_only_officers_have_a_home(client, seed):
    assert client.get("/work/")["Location"].startswith("/accounts/login/")
    client.force_login(UserFactory(respondent=True))
    assert client.get("/work/").status_code == 403
    assert "Your work" not in visible_text(client.get("/"))


def test_the_home_counts_each_plans_queues_and_links_to_them(officer_client, seed):
    plan, response = seed
    waiting = response.comments.count()
    ReviewFactory(comment=response.comments.first(), status=Review.Status.REVIEWED)

    page = officer_client.get("/work/")
    text = visible_text(page)

    assert "Your work" in visible_text(officer_client.get("/"))
    assert f"{plan.title} Comments not yet reviewed {waiting - 1}" in text
    assert "Suggested links to check 0" in text
    assert "Imports not yet finished 0" in text
    first_waiting = response.comments.order_by("pk")[1]
    assert f'href="/comments/{first_waiting.pk}/?next_unreviewed=1"' in page.content.decode()


def test_saving_moves_on_to_the_next_unreviewed_comment(officer_client, seed):
    _, response = seed
    first, second, third = response.comments.order_by("pk")[:3]
    ReviewFactory(comment=second, status=Review.Status.REVIEWED)

    saved = officer_client.post(
        f"/comments/{first.pk}/",
        annotation_form_data(first, status="reviewed", then="next_unreviewed"),
    )

    assert saved["Location"] == f"/comments/{third.pk}/"


def test_when_all_are_reviewed_the_officer_is_told_so(officer_client, seed):
    plan, response = seed
    last = response.comments.order_by("pk").last()
    for comment in response.comments.exclude(pk=last.pk):
        ReviewFactory(comment=comment, status=Review.Status.REVIEWED)

    page = officer_client.post(
        f"/comments/{last.pk}/",
        annotation_form_data(last, status="reviewed", then="next_unreviewed"),
        follow=True,
    )

    assert page.redirect_chain[-1][0] == plan.get_absolute_url()
    assert f"Every comment on {plan.title} has been reviewed." in visible_text(page)


def test_a_responses_page_offers_officers_an_annotate_link_per_comment(client, seed):
    _, response = seed
    section = response.plan.sections.get(number="3.5")
    published = comment_on(section, text="Published words.", status="published").response
    comment = published.comments.get()

    assert "Annotate" not in visible_text(client.get(f"/responses/{published.pk}/"))
    client.force_login(UserFactory(officer=True))
    html = client.get(f"/responses/{published.pk}/").content.decode()
    assert f'href="/comments/{comment.pk}/?next=/responses/{published.pk}/%23comment-' in html
