"""The coding frame's pages: codes added, themes suggested in the background and accepted,
split or discarded, suggested codes confirmed, a code given to many comments at once or to one;
officers only."""

import html

import pytest

from coding.code_suggestions import SURE_ENOUGH
from coding.models import Assignment, Code, CodeSuggesting, SuggestedTheme, ThemeSuggesting
from responses.models import Comment
from tests.arranging import comment_on
from tests.coding.corpus import planted_comments
from tests.factories import UserFactory
from tests.page_text import visible_text

pytestmark = pytest.mark.django_db
PLAN = "noms-third-sector-action-plan"


@pytest.fixture
def officer(client, seed):
    user = UserFactory(officer=True, username="olivia")
    client.force_login(user)
    return client


@pytest.fixture
def planted(seed):
    plan, _ = seed
    section = plan.sections.get(number="3.5")
    return [comment_on(section, text=text) for text, _ in planted_comments(per_theme=12)]


def _text(page):
    return html.unescape(page.content.decode())


def test_an_officer_adds_themes_and_sub_themes_and_is_told_of_a_clash(officer, seed):
    plan, _ = seed
    officer.post(f"/plans/{PLAN}/codes/", {"name": "Funding", "description": "Money."})
    funding = Code.objects.get(name="Funding")
    officer.post(f"/plans/{PLAN}/codes/", {"name": "Grants", "parent": funding.pk})

    clash = officer.post(f"/plans/{PLAN}/codes/", {"name": " funding "})
    blank = officer.post(f"/plans/{PLAN}/codes/", {"name": ""})

    assert "There is a code called “funding” among the themes already." in _text(clash)
    assert "Enter the code's name." in _text(blank)
    page = _text(officer.get(f"/plans/{PLAN}/codes/"))
    assert "Funding" in page and "Grants" in page
    assert str(Code.objects.get(name="Grants")) == "Funding › Grants"
    assert Code.objects.filter(plan=plan).count() == 2


def test_themes_are_suggested_in_the_background_accepted_and_confirmed(officer, planted, worker):
    asked = officer.post(f"/plans/{PLAN}/codes/suggest/", {"themes_wanted": "5"})
    waiting = _text(officer.get(asked["Location"]))
    assert "this page shows the themes when they are read" in waiting

    worker()
    page = _text(officer.get(asked["Location"]))
    suggesting = ThemeSuggesting.objects.get()
    assert suggesting.state == "done" and suggesting.themes.count() == 5
    assert "The comments that raise it most plainly" in page
    theme = suggesting.themes.first()
    accepted = officer.post(
        f"/suggested-themes/{theme.pk}/",
        {"action": "accept", f"theme-{theme.pk}-name": "Money worries"},
        follow=True,
    )

    code = Code.objects.get(name="Money worries")
    assert f"is the code “Money worries”: {theme.members.count()} comments" in _text(accepted)
    suggested = code.assignments.all()
    assert suggested.count() == theme.members.count()
    assert {a.origin for a in suggested} == {Assignment.Origin.SUGGESTED}
    first = suggested.first()
    officer.post(f"/codings/{first.pk}/", {"action": "confirm"})
    first.refresh_from_db()
    assert first.origin == Assignment.Origin.CONFIRMED and first.by.username == "olivia"
    assert first.history.count() == 2  # suggested, then confirmed
    # Those still to confirm come first; the last page (past the end) has the confirmed one.
    # Not "% sure": how strongly a comment raises a theme is not how sure the machine is.
    first_page = visible_text(officer.get(f"/codes/{code.pk}/"))
    assert "Suggested by the machine, from a suggested theme accepted" in first_page
    assert "% sure" not in first_page
    assert "Confirmed by olivia" in _text(officer.get(f"/codes/{code.pk}/?page=99"))


def test_a_theme_merged_into_a_code_split_or_discarded(officer, planted, worker):
    plan = planted[0].response.plan
    officer.post(f"/plans/{PLAN}/codes/suggest/", {"themes_wanted": "5"})
    worker()
    first, second, third = SuggestedTheme.objects.all()[:3]
    existing = Code.objects.create(plan=plan, name="Already here")

    officer.post(
        f"/suggested-themes/{first.pk}/",
        {"action": "accept", f"theme-{first.pk}-into": existing.pk},
    )
    officer.post(f"/suggested-themes/{second.pk}/", {"action": "discard"})
    split = officer.post(f"/suggested-themes/{third.pk}/", {"action": "split", "parts": "2"})
    worker()

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.code == existing and existing.assignments.count() == first.members.count()
    assert second.decision == "discarded"
    parts = ThemeSuggesting.objects.get(split_from=third)
    assert split["Location"] == f"/suggestions/{parts.pk}/"
    assert parts.state == "done" and parts.themes.count() == 2
    inside = {m.comment_id for m in third.members.all()}
    assert {m.comment_id for t in parts.themes.all() for m in t.members.all()} <= inside
    refused = officer.post(f"/suggested-themes/{second.pk}/", {"action": "discard"}, follow=True)
    assert "was decided already" in _text(refused)


def test_too_few_comments_say_why_no_theme_is_suggested(officer, seed, worker):
    asked = officer.post(
        f"/plans/{PLAN}/codes/suggest/",
        {"themes_wanted": "5", "filters": "q=consortia", "described": "comments on consortia"},
    )
    worker()
    page = _text(officer.get(asked["Location"]))
    assert "Read from comments on consortia" in page
    assert "No themes could be suggested" in page
    assert "themes need 4 at least" in page


def test_many_comments_coded_at_once_from_the_officers_filters(officer, planted):
    plan = planted[0].response.plan
    code = Code.objects.create(plan=plan, name="Housing")
    chosen = [c for c in planted if "housing" in c.text.lower()]

    page = visible_text(
        officer.get(f"/plans/{PLAN}/codes/apply/", {"q": "housing", "sections": "3.5"})
    )
    assert f"{len(chosen)} comments chosen." in page
    # The officer sees which: all of them, or the first ten.
    assert all(comment.text[:30] in page for comment in chosen)
    on_the_section = Comment.objects.filter(section_links__section__number="3.5").distinct().count()
    assert f"The comments chosen: the first 10 of {on_the_section}" in visible_text(
        officer.get(f"/plans/{PLAN}/codes/apply/", {"sections": "3.5"})
    )
    done = officer.post(
        f"/plans/{PLAN}/codes/apply/?q=housing&sections=3.5", {"coding-code": code.pk}, follow=True
    )

    assert f"Coded {len(chosen)} more comments “Housing”." in _text(done)
    coded = Assignment.objects.filter(code=code)
    assert {a.comment_id for a in coded} == {c.pk for c in chosen}
    assert {a.origin for a in coded} == {Assignment.Origin.OFFICER}
    again = officer.post(
        f"/plans/{PLAN}/codes/apply/?q=housing", {"coding-code": code.pk}, follow=True
    )
    assert "Coded 0 more comments" in _text(again)


def test_with_no_code_in_the_frame_the_bulk_page_says_so(officer, planted):
    page = visible_text(officer.get(f"/plans/{PLAN}/codes/apply/"))

    assert "The coding frame has no codes yet: add one on the coding frame" in page
    assert "Code the" not in page and "Suggest themes" in page


def test_one_comment_coded_and_a_code_taken_off(officer, planted):
    plan = planted[0].response.plan
    code = Code.objects.create(plan=plan, name="Volunteers")
    comment = planted[0]

    officer.post(f"/comments/{comment.pk}/codes/", {"code": code.pk})
    coded = Assignment.objects.get(comment=comment)
    page = _text(officer.get(f"/comments/{comment.pk}/codes/"))
    assert "Volunteers" in page and "Coded by an officer" in page
    officer.post(f"/codings/{coded.pk}/", {"action": "remove", "next": "/"})

    assert not Assignment.objects.exists()
    refused = officer.post(f"/comments/{comment.pk}/codes/", {})
    assert "Choose the code to give it." in _text(refused)


def test_the_public_and_respondents_cannot_read_or_change_the_frame(client, seed):
    plan, _ = seed
    code = Code.objects.create(plan=plan, name="Secret")
    assert client.get(f"/plans/{PLAN}/codes/").status_code == 302
    client.force_login(UserFactory(respondent=True))
    for url in (f"/plans/{PLAN}/codes/", f"/codes/{code.pk}/", f"/plans/{PLAN}/codes/apply/"):
        assert client.get(url).status_code == 403
    assert client.post(f"/plans/{PLAN}/codes/", {"name": "Mine"}).status_code == 403
    assert Code.objects.count() == 1


def test_codes_are_suggested_for_uncoded_comments_from_those_officers_coded(
    officer, planted, worker
):
    plan = planted[0].response.plan
    housing = Code.objects.create(plan=plan, name="Housing")
    funding = Code.objects.create(plan=plan, name="Funding")
    truth = dict(
        zip((c.pk for c in planted), (t for _, t in planted_comments(per_theme=12)), strict=True)
    )
    for theme, code in (("housing", housing), ("funding", funding)):
        for comment in [c for c in planted if truth[c.pk] == theme][:4]:
            Assignment.objects.create(comment=comment, code=code, origin="officer")
    refused = Code.objects.create(plan=plan, name="Nobody coded")

    page = _text(officer.post(f"/plans/{PLAN}/codes/suggest-codes/", follow=True))
    worker()

    assert "Codes are being suggested" in page
    suggested = Assignment.objects.filter(origin="suggested")
    assert suggested.exists() and not suggested.filter(code=refused).exists()
    for coding in suggested.select_related("code"):
        if truth.get(coding.comment_id) in ("housing", "funding"):
            assert coding.code.name.lower() == truth[coding.comment_id]
        assert SURE_ENOUGH <= coding.score <= 1
    # The other planted themes are not housing or funding, and the frame has no code for them:
    # most are left uncoded.
    others = [c.pk for c in planted if truth[c.pk] not in ("housing", "funding")]
    assert suggested.filter(comment__in=others).count() < len(others) / 2
    frame = visible_text(officer.get(f"/plans/{PLAN}/codes/"))
    assert f"{suggested.count()} suggested, how sure measured on 8 coded comments." in frame
    shown = suggested.filter(code=housing).order_by("-score").first()
    assert f"Suggested by the machine, {shown.sure_percent}% sure" in visible_text(
        officer.get(f"/codes/{housing.pk}/")
    )
    assert f"Housing Suggested {shown.sure_percent}% sure Confirm" in visible_text(
        officer.get(f"/comments/{shown.comment_id}/codes/")
    )


def test_suggesting_again_replaces_what_nobody_confirmed_or_quoted(officer, planted, worker):
    plan = planted[0].response.plan
    truth = dict(
        zip((c.pk for c in planted), (t for _, t in planted_comments(per_theme=12)), strict=True)
    )
    housing = Code.objects.create(plan=plan, name="Housing")
    funding = Code.objects.create(plan=plan, name="Funding")
    for theme, code in (("housing", housing), ("funding", funding)):
        for comment in [c for c in planted if truth[c.pk] == theme][:4]:
            Assignment.objects.create(comment=comment, code=code, origin="officer")
    officer.post(f"/plans/{PLAN}/codes/suggest-codes/")
    worker()
    first = CodeSuggesting.objects.get()
    made = list(Assignment.objects.filter(suggested_in=first).order_by("comment_id"))
    confirmed, quoted, *_ = made
    officer.post(f"/codings/{confirmed.pk}/", {"action": "confirm"})
    officer.post(f"/codings/{quoted.pk}/", {"action": "quote"})
    # One the first suggesting made that would not be made again: a health comment as housing.
    health = next(c for c in planted if truth[c.pk] == "health")
    Assignment.objects.filter(comment=health).delete()
    stale = Assignment.objects.create(
        comment=health, code=housing, origin="suggested", score=0.9, suggested_in=first
    )

    officer.post(f"/plans/{PLAN}/codes/suggest-codes/")
    worker()

    again = CodeSuggesting.objects.exclude(pk=first.pk).get()
    confirmed.refresh_from_db()
    quoted.refresh_from_db()
    assert confirmed.origin == "confirmed" and quoted.quoted and quoted.suggested_in == first
    assert not Assignment.objects.filter(pk=stale.pk).exists()
    assert stale.history.model.objects.filter(id=stale.pk, history_type="-").exists()
    renewed = Assignment.objects.filter(suggested_in=again)
    assert (
        renewed.exists()
        and not Assignment.objects.filter(
            suggested_in=first, origin="suggested", quoted=False
        ).exists()
    )
    assert again.withdrawn >= 1
    assert again.suggested == renewed.count()
    frame = visible_text(officer.get(f"/plans/{PLAN}/codes/"))
    assert f"{again.withdrawn} code{'s' if again.withdrawn != 1 else ''} suggested before" in frame


def test_codes_are_not_suggested_from_too_little_coding_and_the_officer_is_told(
    officer, planted, worker
):
    plan = planted[0].response.plan
    housing = Code.objects.create(plan=plan, name="Housing")
    Code.objects.create(plan=plan, name="Funding")
    for comment in planted[:5]:
        Assignment.objects.create(comment=comment, code=housing, origin="officer")

    page = visible_text(officer.post(f"/plans/{PLAN}/codes/suggest-codes/", follow=True))

    assert "Codes are suggested once officers have given two codes or more to 3 comments" in page
    assert not CodeSuggesting.objects.exists()


def test_an_officers_comment_cards_show_each_comments_codes_and_the_public_none(
    client, officer, planted
):
    plan = planted[0].response.plan
    code = Code.objects.create(plan=plan, name="Shelter")
    Assignment.objects.create(comment=planted[0], code=code, origin="suggested", score=0.5)
    url = f"/plans/{PLAN}/sections/3.5/?q={planted[0].text.split()[0]}"

    answer = officer.get(url)

    assert "Codes: Shelter (suggested)" in visible_text(answer)
    assert f"/comments/{planted[0].pk}/codes/" in _text(answer)
    # The way to code them carries the page's filters.
    assert f"/plans/{PLAN}/codes/apply/?q={planted[0].text.split()[0]}&sections=3.5" in _text(
        answer
    )
    client.logout()
    assert "Shelter" not in visible_text(client.get(url))


def test_officers_filter_comments_by_code_and_find_those_with_none(officer, planted):
    plan = planted[0].response.plan
    funding = Code.objects.create(plan=plan, name="Funding")
    grants = Code.objects.create(plan=plan, parent=funding, name="Grants")
    Assignment.objects.create(comment=planted[0], code=funding, origin="officer")
    Assignment.objects.create(comment=planted[1], code=grants, origin="suggested", score=0.5)

    by_theme = visible_text(officer.get(f"/plans/{PLAN}/sections/3.5/", {"code": funding.pk}))
    by_sub = visible_text(officer.get(f"/plans/{PLAN}/sections/3.5/", {"code": grants.pk}))
    bulk = _text(officer.get(f"/plans/{PLAN}/codes/apply/", {"uncoded": "on", "sections": "3.5"}))

    assert planted[0].text[:30] in by_theme and planted[1].text[:30] in by_theme
    assert planted[1].text[:30] in by_sub and planted[0].text[:30] not in by_sub
    on_3_5 = Comment.objects.filter(sections__number="3.5", response__plan=plan).distinct()
    assert f"{on_3_5.count() - 2} comments chosen." in bulk


def test_coding_too_mixed_to_be_sure_of_suggests_nothing_and_says_why(officer, planted, worker):
    plan = planted[0].response.plan
    # Each code given two comments of every planted theme: no likeness tells them apart.
    first, second = (Code.objects.create(plan=plan, name=name) for name in ("First", "Second"))
    themes = [theme for _, theme in planted_comments(per_theme=12)]
    for theme in set(themes):
        of_theme = [
            c for c, planted_theme in zip(planted, themes, strict=True) if planted_theme == theme
        ]
        for code, comment in zip((first, second, first, second), of_theme, strict=False):
            Assignment.objects.create(comment=comment, code=code, origin="officer")

    officer.post(f"/plans/{PLAN}/codes/suggest-codes/")
    worker()

    assert not Assignment.objects.filter(origin="suggested").exists()
    frame = visible_text(officer.get(f"/plans/{PLAN}/codes/"))
    assert f"{Comment.objects.count() - 20} comments have no code yet." in frame
    assert (
        "none suggested. Measured on 20 coded comments, the machine's most alike code was not "
        "right 70 times in 100 however alike: code more comments, then ask again."
    ) in frame
