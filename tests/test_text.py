"""Text is stored without control characters but tab and newline (marginalia.text), however
it arrives: typed into a form, pasted, or saved by any other way into a model of ours."""

import pytest

from responses.models import Comment, Respondent
from tests.factories import ResponseFactory, UserFactory
from tests.responses.respond_helpers import comment_form_data

pytestmark = pytest.mark.django_db


def test_a_comment_typed_with_control_characters_is_stored_without_them(client, seed):
    plan, _ = seed
    owner = UserFactory(respondent=True)
    draft = ResponseFactory(draft=True, plan=plan, owner=owner)
    client.force_login(owner)
    typed = "\x02Consortia\x03 building\x07 should be\x1b encouraged.\r\n\r\n\tTruly."
    forms = [{"text": typed, "stance": "recommendation", "general": "on"}]

    page = client.post(f"/responses/{draft.pk}/comments/", comment_form_data(forms, version=0))

    assert page.status_code == 302
    assert draft.comments.get().text == "Consortia building should be encouraged.\n\n\tTruly."


def test_every_model_of_ours_stores_its_text_without_control_characters(seed):
    plan, response = seed
    respondent = Respondent.objects.create(name="Bell\x07 Society\x85", kind="organisation")
    Comment.objects.filter(response=response, position=1).update(text="kept as it was")
    comment = response.comments.get(position=1)
    comment.proposed_wording = "Encouraged\x0c\x7f"
    comment.save()

    assert Respondent.objects.get(pk=respondent.pk).name == "Bell Society"
    assert Comment.objects.get(pk=comment.pk).proposed_wording == "Encouraged"
