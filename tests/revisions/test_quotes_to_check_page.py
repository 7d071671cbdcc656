"""An officer places the quotes the matcher could not place surely: the version's quotes to
check, each with its candidate places; the choice kept in history and followed onwards."""

import pytest

from revisions.models import RevisedQuote
from tests.factories import UserFactory
from tests.page_text import visible_text
from tests.revisions.arranging import revise, revised_text

pytestmark = pytest.mark.django_db
PLAN = "noms-third-sector-action-plan"
URL = f"/plans/{PLAN}/versions/2/quotes-to-check/"
TWICE = "Bodies will be informed at the start and informed again at the end."


@pytest.fixture
def ambiguous(seed):
    """Version 2 in which 1.15's one word, ‘informed’, occurs twice."""
    plan, _response = seed
    return revise(plan, revised_text(plan, **{"1_15": TWICE}))


@pytest.fixture
def officer(client):
    client.force_login(UserFactory(officer=True))
    return client


def _quote(version):
    return RevisedQuote.objects.get(version=version, link__section__number="1.15")


def test_a_quote_fitting_two_places_is_to_check_not_placed(ambiguous):
    quote = _quote(ambiguous)

    assert (quote.status, quote.to_check, quote.section) == ("ambiguous", True, None)
    assert [candidate["exact"] for candidate in quote.candidates] == ["informed", "informed"]
    assert quote.summary == "Found more than once (to check)"


def test_the_page_shows_each_quote_with_its_places(officer, ambiguous):
    page = officer.get(URL)

    assert page.status_code == 200
    text = visible_text(page)
    assert "1 quote to check" in text
    assert "Where is “informed” now?" in text
    assert "NOMS-TSAP-000001, comment 5: quoted from section 1.15" in text
    assert text.count("Section 1.15: “informed”") == 2
    assert "Not in this version" in text


def test_what_changed_links_officers_to_the_quotes_to_check(officer, ambiguous, client):
    text = visible_text(officer.get(f"/plans/{PLAN}/versions/2/"))

    assert "1 quote to check" in text
    assert "to check" in text


def test_placing_a_quote_saves_it_with_its_history_and_it_leaves_the_list(officer, ambiguous):
    quote = _quote(ambiguous)
    second = next(i for i, c in enumerate(quote.candidates) if c["prefix"].endswith("and "))

    response = officer.post(URL, {"quote": quote.pk, f"quote-{quote.pk}-place": str(second)})

    assert response.status_code == 302
    quote.refresh_from_db()
    assert (quote.status, quote.section.number, quote.exact) == ("unchanged", "1.15", "informed")
    assert quote.prefix.endswith("at the start and ")
    assert (quote.to_check, quote.placed_by_officer) == (False, True)
    assert quote.summary == "Still there (placed by an officer)"
    assert quote.history.count() == 1
    text = visible_text(officer.get(URL))
    assert "The quote of NOMS-TSAP-000001, comment 5 is placed in section 1.15." in text
    assert "Nothing to check" in text
    changed = visible_text(officer.get(f"/plans/{PLAN}/versions/2/"))
    assert "(Placed by an officer)" in changed


def test_an_officers_placing_survives_following_the_quotes_again(officer, ambiguous, worker):
    from revisions.services import follow_quotes

    quote = _quote(ambiguous)
    officer.post(URL, {"quote": quote.pk, f"quote-{quote.pk}-place": "0"})

    follow_quotes(ambiguous.plan)

    again = _quote(ambiguous)
    assert (again.pk, again.placed_by_officer, again.status) == (quote.pk, True, "unchanged")


def test_marking_a_quote_not_in_this_version_makes_it_gone(officer, ambiguous):
    quote = _quote(ambiguous)

    officer.post(URL, {"quote": quote.pk, f"quote-{quote.pk}-place": "none"})

    quote.refresh_from_db()
    assert (quote.status, quote.section, quote.summary) == (
        "gone",
        None,
        "Gone (placed by an officer)",
    )


@pytest.mark.parametrize("place", [None, "7", "x"])
def test_no_choice_or_one_not_offered_is_refused_and_nothing_changes(officer, ambiguous, place):
    quote = _quote(ambiguous)
    data = {"quote": quote.pk} | ({f"quote-{quote.pk}-place": place} if place else {})

    response = officer.post(URL, data)

    assert response.status_code == 400
    text = visible_text(response)
    assert "There is a problem" in text
    assert "Choose" in text
    quote.refresh_from_db()
    assert (quote.to_check, quote.placed_by_officer) == (True, False)


def test_a_quote_placed_meanwhile_is_not_placed_twice(officer, ambiguous):
    quote = _quote(ambiguous)
    officer.post(URL, {"quote": quote.pk, f"quote-{quote.pk}-place": "0"})

    response = officer.post(URL, {"quote": quote.pk, f"quote-{quote.pk}-place": "1"}, follow=True)

    assert "That quote was placed already" in visible_text(response)
    quote.refresh_from_db()
    assert quote.history.count() == 1


def test_only_officers_may_place_quotes(client, ambiguous):
    assert client.get(URL)["Location"].startswith("/accounts/login/")
    client.force_login(UserFactory())
    assert client.get(URL).status_code == 403
    quote = _quote(ambiguous)
    assert client.post(URL, {"quote": quote.pk, f"quote-{quote.pk}-place": "0"}).status_code == 403
