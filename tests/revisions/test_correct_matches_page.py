"""An officer corrects which section of the version before each section of a revision
succeeds; the matches and the quotes' fates follow."""

import pytest

from revisions.models import RevisedQuote
from tests.factories import UserFactory
from tests.page_text import visible_text
from tests.revisions.arranging import revise, revised_text

pytestmark = pytest.mark.django_db
URL = "/plans/noms-third-sector-action-plan/versions/2/matches/"


@pytest.fixture
def renumbered(seed):
    """Version 2 where 1.15 moved to 3.6 in a longer sentence, too unlike it to be matched."""
    plan, _response = seed
    text = (
        revised_text(plan, **{"1_15": None})
        + "\n\n3.6\nInfrastructure bodies will be kept informed of progress and asked to help."
    )
    return revise(plan, text)


def test_the_form_shows_the_matches_found(client, renumbered):
    client.force_login(UserFactory(officer=True))

    page = client.get(URL)

    assert page.status_code == 200
    form = page.context["form"]
    assert form["succeeds_1_11"].value() == "1.11"
    assert form["succeeds_3_6"].value() == "new"


def test_saving_a_correction_matches_the_sections_and_follows_the_quotes_again(
    client, renumbered, django_capture_on_commit_callbacks, worker
):
    client.force_login(UserFactory(officer=True))
    data = {field.html_name: field.value() for field in client.get(URL).context["form"]}
    data["succeeds_3_6"] = "1.15"

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, data)
    worker()

    assert response["Location"] == "/plans/noms-third-sector-action-plan/versions/2/"
    change = renumbered.changes.get(new_section__number="3.6")
    assert (change.old_number, change.kind, change.set_by_officer) == ("1.15", "moved", True)
    assert not renumbered.changes.filter(kind="removed").exists()
    fate = RevisedQuote.objects.get(version=renumbered, link__section__number="1.15")
    assert (fate.status, fate.section.number) == ("unchanged", "3.6")
    page = visible_text(client.get(response["Location"]))
    assert "The matches are saved" in page
    assert "Matched by an officer." in page


def test_a_choice_not_offered_is_refused_and_nothing_changes(client, renumbered):
    client.force_login(UserFactory(officer=True))
    data = {field.html_name: field.value() for field in client.get(URL).context["form"]}
    data["succeeds_3_6"] = "7.7"

    response = client.post(URL, data)

    assert response.status_code == 200
    assert "Choose the section 3.6 succeeds from the list." in visible_text(response)
    assert renumbered.changes.get(new_section__number="3.6").kind == "new"


def test_an_empty_post_changes_nothing(client, renumbered):
    client.force_login(UserFactory(officer=True))

    response = client.post(URL, {})

    assert response.status_code == 200
    assert "Choose the section 1.11 succeeds, or none." in visible_text(response)
    assert renumbered.changes.get(new_section__number="1.11").kind == "same"


def test_each_match_worth_checking_says_why(client, renumbered):
    client.force_login(UserFactory(officer=True))

    page = visible_text(client.get(URL))

    assert "One match is worth checking: it says why under its section." in page
    assert (
        "Section 3.6 succeeds Matched to nothing, while 1.15 of version 1 was not matched: "
        "does it succeed one of them?" in page
    )


@pytest.fixture
def long_revision():
    from tests.large_plan import large_plan

    plan = large_plan(slug="growth")
    blocks = []
    for section in plan.sections.in_natural_order():
        if section.number == "4.5":
            moved = section
            continue
        wording = "Something else entirely, said anew." if section.number == "6.2" else section.text
        blocks.append(f"{section.number} {section.heading}\n{wording}")
        if section.number == "4.22":
            blocks.append(f"4.23 {moved.heading}\n{moved.text}")
    return plan, revise(plan, "\n\n".join(blocks))


def test_a_long_revision_asks_only_the_matches_worth_checking(client, long_revision):
    plan, version = long_revision
    client.force_login(UserFactory(officer=True))
    url = f"/plans/growth/versions/{version.number}/matches/"

    page = client.get(url)

    asked = [field.name for field in page.context["form"]]
    assert asked == ["succeeds_4_23", "succeeds_6_2"]
    text = visible_text(page)
    assert "2 matches are worth checking" in text
    assert "Matched to 4.5, under another number" in text
    assert "reworded: only 0% alike. Its wording: “Something else entirely, said anew.”" in text
    assert "The 310 matches we are sure of" in text
    assert len(client.get(url, {"every": "1"}).context["form"].fields) == 312

    saved = client.post(url, {"succeeds_4_23": "4.5", "succeeds_6_2": "new"})

    assert saved.status_code == 302
    assert version.changes.get(new_section__number="6.2").kind == "new"
    assert version.changes.get(new_section__number="4.23").old_number == "4.5"
    assert version.changes.get(new_section__number="9.7.1").kind == "same"
    assert version.changes.filter(kind="removed").get().old_number == "6.2"
