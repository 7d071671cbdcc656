"""Choosing sections of a 312-section plan: the chosen first, numbers typed, chapters folded."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError

from responses.models import Comment
from responses.section_picker import sections_numbered
from tests.error_summary import error_summary_links
from tests.factories import ResponseFactory, UserFactory
from tests.large_plan import large_plan
from tests.page_text import visible_text
from tests.responses.respond_helpers import comment_form_data, page_version

pytestmark = pytest.mark.django_db


@pytest.fixture
def big_draft(client):
    plan = large_plan()
    user = UserFactory(respondent=True)
    client.force_login(user)
    return ResponseFactory(draft=True, plan=plan, owner=user)


def url(draft):
    return f"/responses/{draft.pk}/comments/"


def linked_numbers(draft):
    comment = Comment.objects.get(response=draft)
    return sorted(link.section.number for link in comment.section_links.all())


def post(client, draft, **fields):
    data = comment_form_data(
        [{"text": "Say more about volunteers.", "stance": "concern", **fields}],
        version=page_version(client.get(url(draft))),
    )
    return client.post(url(draft), data)


def test_a_large_plans_sections_are_folded_by_chapter(client, big_draft):
    html = client.get(url(big_draft)).content.decode()

    chapters = re.findall(r'<summary class="govuk-details__summary">(.*?)</summary>', html, re.S)
    assert len(chapters) == 12
    assert "1 Chapter 1 heading (26 sections)" in visible_text(chapters[0])
    assert "No sections yet." in visible_text(html)
    assert 'name="comments-0-sections_numbers"' in html


def test_sections_typed_by_number_and_range_are_linked(client, big_draft):
    page = post(client, big_draft, sections_numbers="2.7.2, 3.1–3.4")

    assert page.status_code == 302
    assert linked_numbers(big_draft) == ["2.7.2", "3.1", "3.2", "3.3", "3.4"]


def test_typed_and_ticked_sections_are_linked_together(client, big_draft):
    ticked = str(big_draft.plan.sections.get(number="12.22").pk)

    post(client, big_draft, sections=[ticked], sections_numbers="5")

    assert linked_numbers(big_draft) == ["12.22", "5"]


def test_a_number_the_plan_lacks_is_named_and_nothing_is_saved(client, big_draft):
    page = post(client, big_draft, sections_numbers="2.7.2, 99.1")

    assert page.status_code == 200
    assert error_summary_links(page) == [
        (
            "#id_comments-0-sections_numbers",
            "This plan has no section 99.1: check the numbers, or choose from the chapters.",
        )
    ]
    assert 'value="2.7.2, 99.1"' in page.content.decode()
    assert "Say more about volunteers." in page.content.decode()
    assert not Comment.objects.filter(response=big_draft).exists()


def test_words_that_are_not_numbers_are_refused(client, big_draft):
    page = post(client, big_draft, sections_numbers="the housing ones")

    assert [message for _, message in error_summary_links(page)] == [
        "Type section numbers separated by commas, like 2.7.2, 3.1–3.4."
    ]


def test_the_chosen_sections_come_first_and_not_again_in_their_chapter(client, big_draft):
    post(client, big_draft, sections_numbers="4.7.1")

    html = client.get(url(big_draft)).content.decode()
    chosen = html.split("Chosen now", 1)[1].split("Add sections by number", 1)[0]
    assert "Section 4.7.1: Heading 4.7.1" in visible_text(chosen)
    assert " checked" in chosen
    picker = html.split("Chosen now", 1)[1].split("</fieldset>", 1)[0]
    assert picker.count("Section 4.7.1: Heading 4.7.1") == 1 + 1  # its label and data attribute
    assert "4 Chapter 4 heading (25 sections)" in visible_text(html)


def test_unticking_a_chosen_section_removes_it(client, big_draft):
    post(client, big_draft, sections_numbers="4.7.1, 6")
    comment = Comment.objects.get(response=big_draft)
    kept = str(big_draft.plan.sections.get(number="6").pk)
    data = comment_form_data(
        [
            {
                "text": "Say more about volunteers.",
                "stance": "concern",
                "comment_id": str(comment.pk),
                "sections": [kept],
            }
        ],
        version=page_version(client.get(url(big_draft))),
        initial=1,
    )

    client.post(url(big_draft), data)

    assert linked_numbers(big_draft) == ["6"]


@pytest.mark.parametrize(
    "typed, numbers",
    [
        ("1.2", ["1.2"]),
        ("1.2 - 1.3", ["1.2", "1.3"]),
        ("1.8 to 1.7", ["1.7", "1.7.1", "1.7.2", "1.7.3", "1.8"]),
        ("sections 1.1 and 1.2; 1.2.", ["1.1", "1.2", "1.2"]),
        ("2—2.1", ["2", "2.1"]),
        # As respondents write them in prose (the link detector's nouns and range words).
        ("Point 1.2; paragraph 1.3", ["1.2", "1.3"]),
        ("s.1.2 or paras 1.4 through 1.5", ["1.2", "1.4", "1.5"]),
    ],
)
def test_numbers_and_ranges_as_people_type_them(typed, numbers):
    sections = list(large_plan().sections.in_natural_order())

    assert [section.number for section in sections_numbered(typed, sections)] == numbers


def test_an_unknown_end_of_a_range_is_named():
    sections = list(large_plan().sections.in_natural_order())

    with pytest.raises(ValidationError, match="no section 3.40"):
        sections_numbered("3.1–3.40", sections)


def test_an_officer_links_a_comment_by_number_on_the_annotate_page(client):
    plan = large_plan()
    response = ResponseFactory(plan=plan)
    comment = Comment.objects.create(response=response, position=1, text="Housing first.")
    client.force_login(UserFactory(officer=True))

    page = client.get(f"/comments/{comment.pk}/")
    assert "Chosen now" in visible_text(page)
    client.post(
        f"/comments/{comment.pk}/",
        {"stance": "concern", "sections_numbers": "7.7–7.8", "status": "not_reviewed"},
    )

    assert sorted(link.section.number for link in comment.section_links.all()) == [
        "7.7",
        "7.7.1",
        "7.7.2",
        "7.7.3",
        "7.8",
    ]


def test_the_wording_of_the_chosen_sections_is_shown_beside_the_comment(client, big_draft):
    post(client, big_draft, sections_numbers="4.7.1")

    beside = client.get(url(big_draft)).content.decode().split("What the plan says", 1)[1]
    assert visible_text(beside).startswith(
        "Section 4.7.1: Heading 4.7.1 The wording of section 4.7.1, on the work of chapter 4."
    )


def test_comment_on_this_section_starts_a_response_then_offers_that_section(client):
    plan = large_plan()
    client.force_login(UserFactory(respondent=True))
    section_page = client.get(f"/plans/{plan.slug}/sections/5.7.2/")
    link = f"/plans/{plan.slug}/respond/?section=5.7.2"
    assert link in section_page.content.decode()

    start = client.get(link)
    assert 'name="section" value="5.7.2"' in start.content.decode()
    started = client.post(
        link,
        {"kind": "organisation", "name": "Clinks", "method": "sections", "section": "5.7.2"},
    )
    assert started["Location"].endswith("?section=5.7.2#last-comment")

    form = client.get(started["Location"]).content.decode()
    chosen = form.split("Chosen now", 1)[1].split("Add sections by number", 1)[0]
    assert "Section 5.7.2: Heading 5.7.2" in visible_text(chosen)
    assert "The wording of section 5.7.2" in visible_text(form)


def test_comment_on_this_section_adds_a_comment_to_the_readers_draft(client, big_draft):
    post(client, big_draft, sections_numbers="1")

    page = client.get(f"/plans/{big_draft.plan.slug}/respond/?section=9.9")
    assert page["Location"] == url(big_draft) + "?section=9.9#last-comment"
    form = client.get(page["Location"]).content.decode()
    assert "Comment 2" in visible_text(form)
    second = form.split("Comment 2", 1)[1].split("Chosen now", 1)[1].split("Add sections by", 1)[0]
    assert "Section 9.9: Heading 9.9" in visible_text(second)


def test_a_closed_plans_section_offers_no_comment(client):
    plan = large_plan(closes_on=datetime.date(2020, 1, 1))

    assert "Comment on this section" not in visible_text(
        client.get(f"/plans/{plan.slug}/sections/1.1/")
    )
