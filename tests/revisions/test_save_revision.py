"""Saving a revised plan as its next version: each section matched to its predecessor, every
quote followed into the revision, later revisions built on earlier ones, an officer's
correction of the matches."""

import pytest

from plans.outline import read_outline
from revisions.models import RevisedQuote, SectionChange
from revisions.services import correct_matches, pairs_of, save_revision
from revisions.tasks import request_following
from tests.background import run_queued_tasks
from tests.factories import CommentFactory, PlanFactory, SectionFactory, SectionLinkFactory
from tests.revisions.arranging import revise, revised_text

pytestmark = pytest.mark.django_db

VOLUNTEERS = (
    "Volunteers mentor offenders in the community and support victims through the courts. "
    "Local groups will be funded where they show results."
)
COMMISSIONING = (
    "Commissioners will consider sub-contracting and consortia building where appropriate. "
    "Small organisations will be told of every tender in good time."
)
PRISONS = "Prisons will open their doors to voluntary groups on a regular basis every year."
MONEY = "A fund of two million pounds will support infrastructure bodies for three years."


@pytest.fixture
def plan():
    plan = PlanFactory()
    for number, text in [
        ("1.1", VOLUNTEERS),
        ("1.2", COMMISSIONING),
        ("1.3", PRISONS),
        ("1.4", MONEY),
    ]:
        SectionFactory(plan=plan, number=number, text=text)
    return plan


def _quote(plan, number, exact, **comment):
    section = plan.sections.get(number=number)
    start = section.text.index(exact)
    return SectionLinkFactory(
        comment=CommentFactory(response__plan=plan, **comment),
        section=section,
        exact=exact,
        prefix=section.text[max(0, start - 32) : start],
        suffix=section.text[start + len(exact) : start + len(exact) + 32],
    )


def _kinds(version):
    return [
        (change.old_number, change.new_section and change.new_section.number, change.kind)
        for change in version.changes.all()
    ]


def _fate(link, version):
    return RevisedQuote.objects.get(link=link, version=version)


def test_the_seed_revised_at_1_11_changes_that_section_only(revised_seed):
    assert _kinds(revised_seed) == [
        ("1.3", "1.3", "same"),
        ("1.11", "1.11", "changed"),
        ("1.15", "1.15", "same"),
        ("2.8", "2.8", "same"),
        ("3.5", "3.5", "same"),
    ]
    changed = revised_seed.changes.get(old_number="1.11")
    assert changed.wording_changed
    assert [source.number for source in changed.sources.all()] == ["1.11"]
    assert revised_seed.number == 2
    assert revised_seed.quotes_followed_at is not None


def test_volunteering_englands_quote_of_1_11_is_followed_to_its_new_word(revised_seed):
    fate = RevisedQuote.objects.get(version=revised_seed, link__section__number="1.11")

    assert fate.link.comment.position == 3
    assert fate.status == RevisedQuote.Status.CHANGED
    assert fate.exact == "encouraged"
    assert fate.diff == [["delete", "considered"], ["insert", "encouraged"]]
    assert fate.summary == "Changed: considered → encouraged (found approximately, score 88 %)"
    assert fate.section.number == "1.11"


def test_a_quote_of_unchanged_wording_is_still_there(revised_seed):
    fate = RevisedQuote.objects.get(version=revised_seed, link__section__number="1.15")

    assert (fate.status, fate.exact, fate.summary) == (
        "unchanged",
        "informed",
        "Still there (found)",
    )


def test_renumbered_split_removed_and_new_sections_are_matched_and_quotes_follow(plan):
    volunteers = _quote(plan, "1.1", "support victims through the courts")
    commissioning = _quote(plan, "1.2", "Small organisations will be told of every tender")
    prisons = _quote(plan, "1.3", "open their doors to voluntary groups")
    money = _quote(plan, "1.4", "two million pounds")
    text = "\n\n".join(
        [
            "1.1\nVolunteers mentor offenders in the community and support victims through the "
            "courts.",
            "1.2\nLocal groups will be funded where they show results.",
            "1.3\nA new section on mentoring that did not exist before and says something else.",
            f"1.4\n{COMMISSIONING}",
            f"1.5\n{PRISONS}",
        ]
    )

    version = revise(plan, text)

    assert _kinds(version) == [
        ("1.1", "1.1", "split"),
        ("1.1", "1.2", "split"),
        ("", "1.3", "new"),
        ("1.2", "1.4", "moved"),
        ("1.3", "1.5", "moved"),
        ("1.4", None, "removed"),
    ]
    assert (_fate(volunteers, version).status, _fate(volunteers, version).section.number) == (
        "unchanged",
        "1.1",
    )
    assert (_fate(commissioning, version).status, _fate(commissioning, version).section.number) == (
        "unchanged",
        "1.4",
    )
    assert _fate(prisons, version).section.number == "1.5"
    assert _fate(money, version).status == "gone"
    assert _fate(money, version).section is None


def test_a_quote_whose_words_occur_twice_in_the_revision_without_telling_context_is_ambiguous(plan):
    # A quote recorded without its context (prefix and suffix) cannot tell occurrences apart.
    link = SectionLinkFactory(
        comment__response__plan=plan,
        section=plan.sections.get(number="1.3"),
        exact="voluntary groups",
    )
    repeated = (
        "Prisons will open their doors to voluntary groups, and voluntary groups will visit, on "
        "a regular basis every year."
    )

    version = revise(plan, revised_text(plan, **{"1_3": repeated}))

    assert _fate(link, version).status == "ambiguous"


def test_a_second_revision_follows_quotes_from_where_the_first_left_them(seed):
    plan, _response = seed
    wording = "sub-contracting and consortia building will be {} where appropriate"
    first = revise(plan, revised_text(plan, **{"1_11": wording.format("encouraged")}))
    second = revise(plan, revised_text(plan, **{"1_11": wording.format("required")}))

    fate = RevisedQuote.objects.get(version=second, link__section__number="1.11")
    assert second.number == 3
    assert (fate.status, fate.diff) == (
        "changed",
        [["delete", "encouraged"], ["insert", "required"]],
    )
    assert RevisedQuote.objects.get(version=first, link__section__number="1.11").exact == (
        "encouraged"
    )
    sources = second.changes.get(old_number="1.11").sources.values_list("number", flat=True)
    assert list(sources) == ["1.11"]


def test_an_officers_correction_replaces_the_matches_and_follows_the_quotes_again(plan):
    prisons = _quote(plan, "1.3", "open their doors to voluntary groups")
    text = "\n\n".join(
        [f"1.1\n{VOLUNTEERS}", f"1.2\n{COMMISSIONING}", "1.3\nSomething else, nothing alike."]
        + [f"1.9\nPrisons will open their doors to voluntary groups, says the minister. {MONEY}"]
    )
    version = revise(plan, text)
    assert _fate(prisons, version).status == "gone"

    pairs = pairs_of(version) | {"1.3": None, "1.9": "1.3"}
    correct_matches(version, pairs)
    request_following(plan.pk)
    run_queued_tasks()

    corrected = version.changes.get(new_section__number="1.9")
    assert (corrected.old_number, corrected.kind, corrected.set_by_officer) == (
        "1.3",
        "moved",
        True,
    )
    assert version.changes.get(new_section__number="1.3").kind == "new"
    assert version.changes.get(old_number="1.4").kind == "removed"
    assert not version.changes.get(new_section__number="1.1").set_by_officer
    assert _fate(prisons, version).status == "unchanged"
    assert SectionChange.objects.filter(version=version).count() == 5

    # A later correction of another match keeps this one as the officer's.
    correct_matches(version, pairs_of(version) | {"1.3": "1.4"})
    assert version.changes.get(new_section__number="1.9").set_by_officer
    assert version.changes.get(new_section__number="1.3").set_by_officer


def test_a_quote_made_after_a_revision_is_followed_into_it_when_the_next_one_comes(plan):
    first = revise(plan, revised_text(plan))
    late = _quote(plan, "1.4", "two million pounds")
    assert not RevisedQuote.objects.filter(link=late).exists()

    second = save_revision(plan, read_outline(revised_text(plan)), label="Again")
    request_following(plan.pk)
    run_queued_tasks()

    assert _fate(late, first).status == _fate(late, second).status == "unchanged"
