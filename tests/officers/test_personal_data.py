"""The personal data finder (officers.personal_data): each kind it proposes, the plan's quoted
words never proposed, and the numbers a plan's comments are full of (sections, years, counts)
never read as phone numbers or dates of birth."""

import pytest

from officers.personal_data import find_personal_data


def found(text, **kwargs):
    return [(each.kind, each.words(text)) for each in find_personal_data(text, **kwargs)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Write to jo.bloggs@example.org today.", [("email", "jo.bloggs@example.org")]),
        ("Ring 07912 345678 after six.", [("phone", "07912 345678")]),
        ("Or +44 113 496 0000 at work.", [("phone", "+44 113 496 0000")]),
        ("We are in Leeds, LS1 4AB.", [("postcode", "LS1 4AB")]),
        ("My NI number is JT 12 34 56 C.", [("ni_number", "JT 12 34 56 C")]),
        ("I was born on 12/03/1975 in Hull.", [("date_of_birth", "12/03/1975")]),
        ("Date of birth: 3 March 1975.", [("date_of_birth", "3 March 1975")]),
        ("I live at 14 Acacia Avenue with my family.", [("address", "14 Acacia Avenue")]),
        ("Mr Ali Khan ran the scheme.", [("person", "Mr Ali Khan")]),
        ("My son Daniel is in HMP Leeds.", [("person", "Daniel")]),
        ("I visit prisoner John Smith weekly.", [("person", "John Smith")]),
    ],
)
def test_each_kind_of_personal_data_is_found(text, expected):
    assert found(text) == expected


def test_the_respondents_own_name_is_found_wherever_it_is_signed():
    text = "Thank you.\n\nYours sincerely,\nJO  BLOGGS"

    assert found(text, own_names=["Jo Bloggs"]) == [("own_name", "JO  BLOGGS")]


def test_what_a_plans_comments_are_full_of_is_not_personal_data():
    text = (
        "Point 1.11 of the 2008-2011 plan says 3,000 volunteers by 2010; sections 3.5 and 2.8 "
        "agree. The Probation Service and the Third Sector Action Plan ask much. In 2009 about "
        "30,000,000 people volunteered, 1 in 4 of them monthly."
    )

    assert found(text) == []


def test_nothing_is_proposed_inside_the_plans_own_words_that_a_comment_quotes():
    quote = "call the helpline on 0113 496 0000"
    text = f"The plan says to {quote}; ours is 07912 345678."

    assert found(text, quoted=[quote]) == [("phone", "07912 345678")]


@pytest.mark.django_db
def test_the_command_reads_comments_stored_before_and_proposes_what_it_finds(seed):
    from io import StringIO

    from django.core.management import call_command

    from officers.models import Redaction
    from responses.models import Comment
    from tests.arranging import comment_on

    plan, _ = seed
    comment = comment_on(plan.sections.get(number="3.5"), text="Email me: a@example.org")
    Comment.objects.update(personal_data_scanned_at=None)
    out = StringIO()

    call_command("scan_personal_data", plan.slug, stdout=out)

    assert "Read 13 comments for personal data." in out.getvalue()
    assert list(comment.redactions.values_list("exact", "state")) == [
        ("a@example.org", Redaction.State.PROPOSED)
    ]


def test_an_organisations_partners_and_services_are_not_people():
    text = (
        "Our partner Nacro and our friend Clinks agree; we work with our partner, Prison "
        "Advice and Care Trust. The offender Management Act 2007 applies."
    )

    assert found(text) == []
    assert found("My partner Sam and our son Daniel.") == [("person", "Sam"), ("person", "Daniel")]
