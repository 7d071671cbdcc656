import pytest

from responses.models import Comment, SectionLink
from tests.factories import PlanFactory, SectionFactory, ThemeFactory
from tests.page_text import visible_text
from tests.responses.respond_helpers import comment_form_data, page_version

pytestmark = pytest.mark.django_db


def url(draft):
    return f"/responses/{draft.pk}/comments/"


def section_id(draft, number):
    return str(draft.plan.sections.get(number=number).pk)


def a_comment(draft, **fields):
    return {
        "text": "Consortia building should be encouraged.",
        "stance": "recommendation",
        "sections": [section_id(draft, "1.11")],
        **fields,
    }


def test_the_form_offers_the_plans_sections_in_natural_order(client, draft):
    text = visible_text(client.get(url(draft)))

    positions = [
        text.index(f"Section {number}") for number in ["1.3", "1.11", "1.15", "2.8", "3.5"]
    ]
    assert positions == sorted(positions)


def test_a_comment_is_saved_with_its_sections_themes_quote_and_proposal(client, draft):
    theme = draft.plan.themes.get(name="Strengthening communities")
    data = comment_form_data(
        [
            a_comment(
                draft,
                themes=[str(theme.pk)],
                quote="will be considered",
                proposed_wording="will be encouraged",
            )
        ],
        version=draft.version,
    )

    page = client.post(url(draft), data)

    assert page.status_code == 302
    comment = draft.comments.get()
    assert comment.text == "Consortia building should be encouraged."
    assert comment.stance == "recommendation"
    assert comment.proposed_wording == "will be encouraged"
    link = comment.section_links.get()
    assert (link.section.number, link.exact, link.suffix) == (
        "1.11",
        "will be considered",
        " where appropriate",
    )
    assert list(comment.themes.values_list("name", flat=True)) == ["Strengthening communities"]
    assert "Your draft has been saved" in visible_text(client.get(page["Location"]))


def test_quoted_wording_must_occur_in_the_chosen_section(client, draft):
    data = comment_form_data([a_comment(draft, quote="kept informed")], version=draft.version)

    page = client.post(url(draft), data)

    assert "The wording you quote does not occur in section 1.11." in visible_text(page)
    assert not Comment.objects.filter(response=draft).exists()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"text": ""}, "Enter your comment"),
        ({"text": "x" * 10_001}, "The comment must be 10,000 characters or fewer (it has 10001)."),
        ({"stance": "furious"}, "Choose what the comment does from the list."),
        (
            {"sections": []},
            "Choose the sections this comment addresses, or tick ‘general comment’.",
        ),
        ({"general": "on"}, "A general comment cannot also address sections: untick one of them."),
    ],
)
def test_bad_input_is_shown_in_the_error_summary_and_nothing_is_saved(
    client, draft, change, message
):
    page = client.post(
        url(draft), comment_form_data([a_comment(draft, **change)], version=draft.version)
    )

    assert page.status_code == 200
    text = visible_text(page)
    assert "There is a problem" in text
    assert message in text
    assert 'class="govuk-error-summary"' in page.content.decode()
    assert not Comment.objects.filter(response=draft).exists()


def test_error_summary_links_to_the_field(client, draft):
    page = client.post(
        url(draft), comment_form_data([a_comment(draft, text="")], version=draft.version)
    )

    assert 'href="#id_comments-0-text"' in page.content.decode()


def test_a_section_or_theme_of_another_plan_is_refused(client, draft):
    other_plan = PlanFactory()
    foreign_section = SectionFactory(plan=other_plan, number="1.11")
    foreign_theme = ThemeFactory(plan=other_plan)
    data = comment_form_data(
        [a_comment(draft, sections=[str(foreign_section.pk)], themes=[str(foreign_theme.pk)])],
        version=draft.version,
    )

    text = visible_text(client.post(url(draft), data))

    assert "Choose sections of this plan only." in text
    assert "Choose themes of this plan only." in text
    assert not SectionLink.objects.filter(section=foreign_section).exists()


def test_more_than_300_comments_are_refused(client, draft):
    data = comment_form_data([a_comment(draft)] * 301, version=draft.version)

    page = client.post(url(draft), data)

    assert "A response can have at most 300 comments." in visible_text(page)
    assert not Comment.objects.filter(response=draft).exists()


def test_a_draft_of_300_comments_is_saved_though_it_posts_over_a_thousand_fields(client, draft):
    comment = a_comment(
        draft, themes=[str(draft.plan.themes.first().pk)], proposed_wording="Encouraged"
    )
    data = comment_form_data([comment] * 300, version=draft.version)
    assert sum(len(value) if isinstance(value, list) else 1 for value in data.values()) > 1_000

    page = client.post(url(draft), data)

    assert page.status_code == 302
    assert Comment.objects.filter(response=draft).count() == 300


def test_add_another_comment_works_without_javascript(client, draft):
    page = client.post(
        url(draft), comment_form_data([a_comment(draft)], version=draft.version, action="add")
    )

    assert page["Location"].endswith("?add=1#last-comment")
    html = client.get(page["Location"]).content.decode()
    assert "Comment 2" in html
    assert 'name="comments-TOTAL_FORMS" value="2"' in html


def test_a_blank_added_comment_is_ignored(client, draft):
    data = comment_form_data(
        [a_comment(draft), {"text": "", "stance": "general"}], version=draft.version
    )
    data["comments-INITIAL_FORMS"] = "1"

    client.post(url(draft), data)

    assert draft.comments.count() == 1


def test_remove_a_comment_works_without_javascript(client, draft):
    client.post(
        url(draft),
        comment_form_data([a_comment(draft), a_comment(draft, text="Second")], version=0),
    )
    data = comment_form_data(
        [a_comment(draft, DELETE="on"), a_comment(draft, text="Second")], version=1, initial=2
    )

    client.post(url(draft), data)

    assert list(draft.comments.values_list("text", flat=True)) == ["Second"]


def test_a_save_from_a_stale_tab_is_told_of_the_conflict_and_shown_both_versions(client, draft):
    first_tab_version = page_version(client.get(url(draft)))
    client.post(
        url(draft),
        comment_form_data([a_comment(draft, text="Saved in tab two")], version=first_tab_version),
    )

    page = client.post(
        url(draft),
        comment_form_data([a_comment(draft, text="Typed in tab one")], version=first_tab_version),
    )

    assert page.status_code == 409
    text = visible_text(page)
    assert "This draft was saved in another tab or window" in text
    assert "Saved in tab two" in text  # the saved version
    assert "Typed in tab one" in text  # theirs, still in the form
    assert list(draft.comments.values_list("text", flat=True)) == ["Saved in tab two"]

    client.post(
        url(draft),
        comment_form_data([a_comment(draft, text="Typed in tab one")], version=page_version(page)),
    )
    assert list(draft.comments.values_list("text", flat=True)) == ["Typed in tab one"]


def test_a_missing_or_tampered_version_is_a_conflict_not_an_error(client, draft):
    data = comment_form_data([a_comment(draft)], version="x")

    assert client.post(url(draft), data).status_code == 409
    assert not draft.comments.exists()
