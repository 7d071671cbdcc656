"""The "what changed" page of a revision: each section's old and new wording with the words
marked, beside the comments on it, filtered by how the section fared against what was asked."""

import pytest

from officers.models import Review
from responses.models import Comment, Response
from tests.arranging import comment_on
from tests.factories import ReviewFactory, UserFactory
from tests.page_text import visible_text as page_text
from tests.revisions.arranging import ENCOURAGED, revise, revised_text

pytestmark = pytest.mark.django_db
URL = "/plans/noms-third-sector-action-plan/versions/2/"


def test_it_shows_the_1_11_rewording_and_volunteering_englands_comment_as_asked_and_changed(
    client, revised_seed
):
    response = client.get(URL, {"show": "asked_changed"})

    html = response.content.decode()
    text = page_text(response)
    assert response.status_code == 200
    assert "What changed in version 2" in text
    assert "Section 1.11" in text and "Section 1.3" not in text
    assert "Asked for a change, and the wording changed" in text
    hidden = '<span class="govuk-visually-hidden">'
    assert f'<del class="marginalia-diff__deleted">{hidden}[deleted: </span>considered' in html
    assert f'<ins class="marginalia-diff__inserted">{hidden}[inserted: </span>encouraged' in html
    assert "Volunteering England" in text and "comment 3" in text
    assert "Quoted “considered”: changed:" in text


@pytest.mark.parametrize(
    ("show", "sections"),
    [
        ("", ["1.3", "1.11", "1.15", "2.8", "3.5"]),
        ("asked_changed", ["1.11"]),
        ("asked_unchanged", ["1.3", "1.15", "3.5"]),
        ("changed_unasked", []),
        ("unchanged", ["2.8"]),
        ("nonsense", ["1.3", "1.11", "1.15", "2.8", "3.5"]),
    ],
)
def test_the_filter_shows_the_sections_that_fared_that_way(client, revised_seed, show, sections):
    text = page_text(client.get(URL, {"show": show}))

    assert [
        number for number in ["1.3", "1.11", "1.15", "2.8", "3.5"] if f"Section {number} " in text
    ] == sections


def test_the_filters_say_how_many_sections_fared_each_way(client, revised_seed):
    text = page_text(client.get(URL))

    assert "Every section (5)" in text
    assert "Asked for a change, and the wording changed (1)" in text
    assert "Asked for a change, wording unchanged (3)" in text
    assert "Changed without being asked (0)" in text


def test_a_section_changed_without_being_asked_is_told_apart(client, seed):
    plan, _response = seed
    revise(plan, revised_text(plan, **{"2_8": "national demonstration projects"}))

    text = page_text(client.get(URL, {"show": "changed_unasked"}))

    assert "Section 2.8" in text
    assert "Changed without being asked" in text
    assert "Welcomes" in text  # the comment on it welcomed it: it asked for no change


def test_the_public_reads_only_published_comments_and_no_review_status(client, seed):
    plan, _response = seed
    comment_on(
        plan.sections.get(number="1.11"),
        text="Unpublished zebra concern",
        stance=Comment.Stance.CONCERN,
        status=Response.Status.SUBMITTED,
    )
    ReviewFactory(
        comment=Comment.objects.get(position=3, response__reference="NOMS-TSAP-000001"),
        status=Review.Status.ACTED_ON,
        plan_change="1.11 now encourages consortia.",
    )
    revise(plan, revised_text(plan, **{"1_11": ENCOURAGED}))

    public = page_text(client.get(URL))
    client.force_login(UserFactory(officer=True))
    officer = page_text(client.get(URL))

    assert "zebra" not in public and "Status:" not in public
    assert "zebra" in officer and "Status: Acted on" in officer


def test_officers_who_import_plans_are_offered_to_correct_the_matches(client, revised_seed):
    assert "Correct the matches" not in page_text(client.get(URL))

    client.force_login(UserFactory(officer=True))

    assert "Correct the matches" in page_text(client.get(URL))


def test_while_quotes_are_being_followed_the_page_says_so(client, seed):
    from plans.outline import read_outline
    from revisions.services import save_revision

    plan, _response = seed
    save_revision(plan, read_outline(revised_text(plan)), label="Revised")

    assert "quotes are being followed" in page_text(client.get(URL))


@pytest.mark.parametrize(
    "url",
    [
        "/plans/noms-third-sector-action-plan/versions/3/",
        "/plans/noms-third-sector-action-plan/versions/99999999999999999/",
        "/plans/no-such-plan/versions/2/",
        "/plans/noms-third-sector-action-plan/versions/2/sections/9.9/",
    ],
)
def test_a_version_or_section_that_does_not_exist_is_not_found(client, revised_seed, url):
    assert client.get(url).status_code == 404


def test_a_revised_sections_own_page_shows_it_beside_what_it_was(client, revised_seed):
    response = client.get("/plans/noms-third-sector-action-plan/versions/2/sections/1.11/")

    text = page_text(response)
    assert response.status_code == 200
    assert "Section 1.11 in version 2" in text
    assert "Volunteering England" in text
    assert "Section 2.8" not in text


def test_the_versions_page_lists_the_plan_as_consulted_on_and_each_revision(client, revised_seed):
    text = page_text(client.get("/plans/noms-third-sector-action-plan/versions/"))

    assert "Version 1: as consulted on" in text
    assert "Version 2: Revised action plan" in text
    assert "What changed in version 2" in text
    assert "Import a revised version" not in text


def test_the_plan_page_links_to_its_versions(client, seed):
    html = client.get("/plans/noms-third-sector-action-plan/").content.decode()

    assert 'href="/plans/noms-third-sector-action-plan/versions/"' in html


def test_beside_a_section_go_its_newest_comments_asking_for_a_change_first(client, revised_seed):
    section = revised_seed.plan.sections.get(number="2.8")
    for index in range(3):
        comment_on(
            section,
            text=f"Asking {index}",
            stance=Comment.Stance.RECOMMENDATION,
            status=Response.Status.PUBLISHED,
        )
    for index in range(4):
        comment_on(
            section,
            text=f"Welcoming {index}",
            stance=Comment.Stance.WELCOMES,
            status=Response.Status.PUBLISHED,
        )

    text = page_text(client.get(URL, {"show": "asked_unchanged"}))

    block = text[text.index("Section 2.8") :]
    assert "What was said: 8 comments, 3 asking for a change" in block
    shown = [word for word in block.split() if word in {"Asking", "Welcoming"}]
    assert shown == ["Asking", "Asking", "Asking", "Welcoming", "Welcoming"]
    assert block.index("Asking 2") < block.index("Asking 1") < block.index("Welcoming 3")
    assert "All 8 comments on section 2.8" in block


def test_the_counts_follow_a_comment_published_after_they_were_counted(client, revised_seed):
    client.get(URL)  # counted, and kept
    comment_on(
        revised_seed.plan.sections.get(number="2.8"),
        text="A late concern",
        stance=Comment.Stance.CONCERN,
        status=Response.Status.SUBMITTED,
    )
    response = Response.objects.get(comments__text="A late concern")
    client.force_login(UserFactory(officer=True))
    client.post(f"/responses/{response.pk}/publication/", {"action": "publish"})
    client.logout()

    text = page_text(client.get(URL, {"show": "asked_unchanged"}))

    assert "A late concern" in text
    assert "What was said: 2 comments, 1 asking for a change" in text


def test_officers_share_the_pages_body_until_the_plan_changes(client, revised_seed):
    from plans.models import Plan

    client.force_login(UserFactory(officer=True))
    client.get(URL)
    comment_on(
        revised_seed.plan.sections.get(number="2.8"),
        text="Submitted zebra concern",
        stance=Comment.Stance.CONCERN,
    )
    client.force_login(UserFactory(officer=True))
    assert "zebra" not in page_text(client.get(URL))  # the same body, kept

    Plan.objects.filter(pk=revised_seed.plan_id).bump_generation()  # as every write does

    assert "zebra" in page_text(client.get(URL))
