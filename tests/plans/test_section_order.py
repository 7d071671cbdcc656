import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from plans.models import Section
from tests.factories import PlanFactory, SectionFactory

pytestmark = pytest.mark.django_db


def test_sections_sort_naturally_in_the_database():
    plan = PlanFactory()
    for number in ["10.1", "2.10", "3.5", "1.15", "2.9", "1.11", "2.8", "1.3", "2", "1.3.2"]:
        SectionFactory(plan=plan, number=number)

    ordered = list(
        Section.objects.filter(plan=plan).in_natural_order().values_list("number", flat=True)
    )

    assert ordered == ["1.3", "1.3.2", "1.11", "1.15", "2", "2.8", "2.9", "2.10", "3.5", "10.1"]


def test_default_ordering_is_natural_too():
    plan = PlanFactory()
    for number in ["1.11", "1.3"]:
        SectionFactory(plan=plan, number=number)

    assert [section.number for section in plan.sections.all()] == ["1.3", "1.11"]


@pytest.mark.parametrize(
    "number", ["1..3", "1.3.", ".3", "1.03", "01.3", "1.3.4.5", "1,3", "1.3a", "§1", " 1.3"]
)
def test_a_malformed_number_is_refused_with_a_clear_message(number):
    section = SectionFactory.build(plan=PlanFactory(), number=number)

    with pytest.raises(ValidationError) as refusal:
        section.full_clean()

    assert "Enter a section number like 1.11" in str(refusal.value.message_dict["number"])


def test_a_number_is_unique_within_its_plan():
    plan = PlanFactory()
    SectionFactory(plan=plan, number="1.11")
    SectionFactory(plan=PlanFactory(), number="1.11")  # another plan may reuse it

    with pytest.raises(ValidationError):
        SectionFactory.build(plan=plan, number="1.11").full_clean()
    with pytest.raises(IntegrityError):
        SectionFactory(plan=plan, number="1.11")


def test_a_section_refuses_a_theme_of_another_plan():
    from tests.factories import ThemeFactory

    section = SectionFactory.build(plan=PlanFactory(), number="1.1", theme=ThemeFactory())

    with pytest.raises(ValidationError) as refusal:
        section.full_clean()

    assert "same plan" in str(refusal.value.message_dict["theme"])


def test_the_sort_key_is_stored_on_save_and_follows_a_renumbering():
    section = SectionFactory(number="1.11")
    assert section.sort_key == "0001.0011"

    section.number = "1.3"
    section.save(update_fields=["number"])

    section.refresh_from_db()
    assert section.sort_key == "0001.0003"


def test_a_parent_sorts_before_its_children_and_zero_before_one():
    plan = PlanFactory()
    for number in ["1.1", "1", "1.0.1", "1.0", "0"]:
        SectionFactory(plan=plan, number=number)

    assert [section.number for section in plan.sections.all()] == ["0", "1", "1.0", "1.0.1", "1.1"]
