import pytest
from django.core.exceptions import ValidationError

from responses.models import SectionLink, ThemeLink
from tests.factories import CommentFactory, SectionFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def test_a_link_to_a_section_of_another_plan_is_refused():
    comment = CommentFactory()
    foreign_section = SectionFactory(number="1.11")  # a section of a new, different plan

    with pytest.raises(ValidationError) as refusal:
        SectionLink(comment=comment, section=foreign_section).full_clean()

    assert "another plan" in str(refusal.value.message_dict["section"])


def test_a_link_to_a_theme_of_another_plan_is_refused():
    comment = CommentFactory()

    with pytest.raises(ValidationError) as refusal:
        ThemeLink(comment=comment, theme=ThemeFactory()).full_clean()

    assert "another plan" in str(refusal.value.message_dict["theme"])


def test_links_within_the_plan_are_accepted():
    comment = CommentFactory()
    plan = comment.response.plan
    section = SectionFactory(plan=plan, number="1.11", text="will be considered where appropriate")

    theme = ThemeFactory(plan=plan)
    for link in (
        SectionLink(comment=comment, section=section, exact="considered", prefix="will be "),
        ThemeLink(comment=comment, theme=theme),
    ):
        link.full_clean()
        link.save()

    assert list(comment.sections.all()) == [section]
    assert list(comment.themes.all()) == [theme]
    assert comment.section_links.get().selector["exact"] == "considered"


def test_a_quote_must_occur_in_the_section_text():
    comment = CommentFactory()
    section = SectionFactory(plan=comment.response.plan, number="1.11", text="will be considered")

    with pytest.raises(ValidationError) as refusal:
        SectionLink(comment=comment, section=section, exact="encouraged").full_clean()

    assert "does not occur in section 1.11" in str(refusal.value.message_dict["exact"])
