"""An id or a date out of what the database and Python can hold (marginalia.fields) is a form
error, a 400 or a 404 with a message, never a 500: in URLs, forms and filters."""

import pytest

from tests.factories import ResponseFactory, TagFactory, UserFactory
from tests.officers.annotation_form import annotation_form_data
from tests.page_text import visible_text
from tests.responses.respond_helpers import comment_form_data

pytestmark = pytest.mark.django_db

TOO_LARGE = "9" * 25
SECTION_3_5 = "/plans/noms-third-sector-action-plan/sections/3.5/"


@pytest.fixture
def officer(client):
    client.force_login(UserFactory(officer=True))
    return client


@pytest.mark.parametrize(
    "url",
    [f"/comments/{TOO_LARGE}/", f"/responses/{TOO_LARGE}/", f"/responses/{2**63}/comments/"],
)
def test_an_id_too_large_for_the_database_in_a_url_is_404(officer, seed, url):
    assert officer.get(url).status_code == 404


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("sections", "Choose sections of this plan only."),
        ("themes", "Choose themes of this plan only."),
        ("tags", "Choose tags from the list."),
    ],
)
def test_an_officer_choosing_an_id_too_large_gets_the_fields_message(officer, seed, field, message):
    _, response = seed
    comment = response.comments.get(position=4)
    TagFactory()  # the form asks for tags only when there are some

    page = officer.post(
        f"/comments/{comment.pk}/", annotation_form_data(comment, **{field: [TOO_LARGE]})
    )

    assert page.status_code == 200
    assert message in visible_text(page)
    assert list(comment.sections.values_list("number", flat=True)) == ["3.5"]


def test_a_respondent_choosing_a_section_id_too_large_gets_a_message_and_loses_nothing(
    client, seed
):
    plan, _ = seed
    owner = UserFactory(respondent=True)
    draft = ResponseFactory(draft=True, plan=plan, owner=owner)
    client.force_login(owner)
    forms = [{"text": "Our comment", "stance": "concern", "sections": [TOO_LARGE]}]

    page = client.post(f"/responses/{draft.pk}/comments/", comment_form_data(forms, version=0))

    assert page.status_code == 200
    assert "Choose sections of this plan only." in visible_text(page)
    assert "Our comment" in page.content.decode()
    assert not draft.comments.exists()


def test_filtering_by_a_tag_id_too_large_shows_the_filters_message(officer, seed):
    page = officer.get(SECTION_3_5, {"tag": TOO_LARGE})

    assert page.status_code == 200
    assert "Select a valid choice" in visible_text(page)
