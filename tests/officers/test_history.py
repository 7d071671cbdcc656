import pytest

from officers.models import Review
from tests.officers.annotation_form import annotation_form_data
from tests.page_text import visible_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def comment(seed):
    _, response = seed
    return response.comments.get(position=4)


def annotate(client, comment, **changes):
    page = client.post(f"/comments/{comment.pk}/", annotation_form_data(comment, **changes))
    assert page.status_code == 302
    comment.refresh_from_db()


def history_rows(client, comment):
    return visible_text(client.get(f"/comments/{comment.pk}/")).split("History", 1)[1]


def revert(client, comment, description):
    from officers.history import comment_history

    change = next(
        change for change in comment_history(comment) if change.description == description
    )
    client.post(
        f"/comments/{comment.pk}/revert/", {"kind": change.kind, "history_id": change.history_id}
    )
    comment.refresh_from_db()


def test_every_change_is_kept_with_who_made_it(officer_client, comment):
    annotate(
        officer_client,
        comment,
        stance="concern",
        new_tags="victims",
        status="reviewed",
        note="Check",
    )

    rows = history_rows(officer_client, comment)

    assert "Stance: Recommendation → Concern" in rows
    assert "Tagged ‘victims’" in rows
    assert "Review status: Reviewed; Internal note changed" in rows
    assert rows.count("olivia") >= 3
    assert "Comment written by the respondent" in rows


def test_a_stance_change_can_be_reverted(officer_client, comment):
    annotate(officer_client, comment, stance="concern")

    revert(officer_client, comment, "Stance: Recommendation → Concern")

    assert comment.stance == "recommendation"
    assert "Stance: Concern → Recommendation" in history_rows(officer_client, comment)


def test_a_tag_can_be_reverted(officer_client, comment):
    annotate(officer_client, comment, new_tags="victims")

    revert(officer_client, comment, "Tagged ‘victims’")

    assert not comment.comment_tags.exists()
    assert "Tag ‘victims’ removed" in history_rows(officer_client, comment)


def test_a_removed_link_can_be_restored_with_its_quote(officer_client, seed):
    _, response = seed
    comment = response.comments.get(position=12)  # quotes 3.5's table two
    annotate(officer_client, comment, sections=[], general="on")

    revert(officer_client, comment, "Unlinked from Section 3.5")

    link = comment.section_links.get()
    assert link.exact == "make use of the local community anchor organisations"


def test_a_review_change_can_be_reverted(officer_client, comment):
    annotate(officer_client, comment, status="reviewed")
    annotate(officer_client, comment, status="acted_on", plan_change="3.5 rewritten")

    revert(officer_client, comment, "Review status: Acted on; Plan change: 3.5 rewritten")

    review = Review.objects.get(comment=comment)
    assert (review.status, review.plan_change) == ("reviewed", "")


def test_a_change_of_another_comment_cannot_be_reverted_here(officer_client, seed, comment):
    _, response = seed
    other = response.comments.get(position=3)
    annotate(officer_client, other, stance="question", sections=[str(other.sections.get().pk)])
    record = other.history.latest()

    page = officer_client.post(
        f"/comments/{comment.pk}/revert/",
        {"kind": "comment", "history_id": record.history_id},
        follow=True,
    )

    assert "could not be reverted" in visible_text(page)
    other.refresh_from_db()
    assert other.stance == "question"


@pytest.mark.parametrize(
    "posted",
    [{"kind": "nonsense", "history_id": "x"}, {"kind": "review", "history_id": "9" * 25}],
)
def test_a_tampered_revert_is_refused_not_a_500(officer_client, comment, posted):
    page = officer_client.post(f"/comments/{comment.pk}/revert/", posted, follow=True)

    assert page.status_code == 200
    assert "could not be reverted" in visible_text(page)
