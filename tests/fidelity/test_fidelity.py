"""The fidelity corpus held to issue 19's targets: nothing linked beyond what a comment names or
distinctively quotes, nothing placed at a wrong occurrence, quotes found as people type them,
stance and sender read as a careful officer reads them, revisions matched section by section."""

import pytest

from tests.fidelity.scoring import measure

pytestmark = pytest.mark.django_db  # the respondent guess reads the Respondent model's choices


@pytest.fixture(scope="module")
def figures():
    return measure()


def test_the_corpus_has_at_least_sixty_cases(figures):
    assert figures.cases >= 60


def test_no_comment_is_linked_to_more_sections_than_it_names_or_distinctively_quotes(figures):
    assert figures.over_linked == []


def test_no_quote_is_placed_at_a_wrong_occurrence(figures):
    assert figures.wrong_occurrences == []


def test_quotes_are_linked_with_high_recall_and_precision(figures):
    assert figures.quotes_linked.recall >= 0.95
    assert figures.quotes_linked.precision >= 0.98


def test_stances_are_suggested_as_an_officer_labels_them(figures):
    assert figures.stance.recall >= 0.85


def test_organisations_are_told_from_individuals(figures):
    assert figures.sender_kind.recall >= 0.95


def test_revised_sections_are_matched_as_they_should_be(figures):
    assert figures.revision_matches.recall == 1.0
    assert figures.revision_matches.precision == 1.0


def test_sections_are_read_from_plan_documents(figures):
    assert figures.sections_read.recall == 1.0
    assert figures.sections_read.precision == 1.0
