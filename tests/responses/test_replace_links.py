"""Setting a comment's links to exactly those wanted (responses.services.replace_links), the one
rule behind the link detector's links and an officer's corrections: rows kept are kept, not
rewritten, so a comment's history shows each link added and removed and nothing else."""

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction

from responses.models import SectionLink
from responses.services import SECTION_LINK_KEY, replace_links
from tests.factories import CommentFactory, SectionFactory, SectionLinkFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def comment():
    return CommentFactory()


def _section(comment, number, text="will be considered where appropriate"):
    return SectionFactory(plan=comment.response.plan, number=number, text=text)


def _history_types(comment):
    return sorted(
        (record.section.number, record.history_type)
        for record in SectionLink.history.filter(comment_id=comment.pk)
    )


def test_links_wanted_and_stored_keep_their_rows_and_the_rest_are_replaced(comment):
    kept, dropped, added = (
        _section(comment, "1.3"),
        _section(comment, "1.11"),
        _section(comment, "2.8"),
    )
    kept_link = SectionLinkFactory(comment=comment, section=kept)
    SectionLinkFactory(comment=comment, section=dropped)

    replace_links(
        comment.section_links,
        [SectionLink(comment=comment, section=kept), SectionLink(comment=comment, section=added)],
        key=SECTION_LINK_KEY,
    )

    assert sorted(comment.section_links.values_list("section__number", flat=True)) == [
        "1.3",
        "2.8",
    ]
    assert comment.section_links.get(section=kept).pk == kept_link.pk
    assert _history_types(comment) == [("1.11", "+"), ("1.11", "-"), ("1.3", "+"), ("2.8", "+")]


def test_a_kept_link_whose_details_changed_is_updated_in_place(comment):
    section = _section(comment, "1.11")
    stored = SectionLinkFactory(comment=comment, section=section, evidence="Point 1.11")

    replace_links(
        comment.section_links,
        [SectionLink(comment=comment, section=section, evidence="under 1.11")],
        key=SECTION_LINK_KEY,
    )

    assert comment.section_links.get().pk == stored.pk
    assert comment.section_links.get().evidence == "under 1.11"
    assert _history_types(comment) == [("1.11", "+"), ("1.11", "~")]


def test_the_same_quote_wanted_twice_is_one_link(comment):
    section = _section(comment, "1.11")
    quote = {"exact": "considered", "prefix": "will be ", "suffix": " where appropriate"}

    replace_links(
        comment.section_links,
        [SectionLink(comment=comment, section=section, **quote) for _ in range(2)],
        key=SECTION_LINK_KEY,
    )

    assert comment.section_links.count() == 1


def test_a_link_to_another_plans_section_is_refused_and_nothing_changes(comment):
    ours, also_ours = _section(comment, "1.3"), _section(comment, "2.8")
    SectionLinkFactory(comment=comment, section=ours)
    foreign = SectionFactory(number="1.11")

    with pytest.raises(ValidationError), transaction.atomic():
        replace_links(
            comment.section_links,
            [
                SectionLink(comment=comment, section=also_ours),
                SectionLink(comment=comment, section=foreign),
            ],
            key=SECTION_LINK_KEY,
        )

    assert list(comment.section_links.values_list("section", flat=True)) == [ours.pk]
