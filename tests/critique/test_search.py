import pytest

from responses.models import Comment, Respondent, Response
from tests.arranging import comment_on
from tests.factories import CommentFactory, PlanFactory, ResponseFactory, UserFactory
from tests.page_text import visible_text

pytestmark = pytest.mark.django_db


def test_who_mentioned_consortia_takes_one_search(client, seed):
    page = client.get("/search/", {"q": "consortia"})

    text = visible_text(page)
    assert "3 comments found" in text
    assert "Point 1.11, for example" in text
    assert "successful consortia bids" in text
    assert "partnerships and consortia will be developed" in text
    assert page.content.decode().count('<mark class="marginalia-quote">consortia</mark>') >= 3


def test_results_show_the_sections_each_hit_critiques(client, seed):
    html = client.get("/search/", {"q": "demonstration"}).content.decode()

    assert 'href="/plans/noms-third-sector-action-plan/sections/2.8/"' in html
    assert "section 2.8" in visible_text(html)


def test_respondent_names_are_searched(client, seed):
    assert "12 comments found" in visible_text(
        client.get("/search/", {"q": "Volunteering England"})
    )


def test_filters_apply_to_search_results(client, seed):
    text = visible_text(client.get("/search/", {"q": "consortia", "stance": "welcomes"}))

    assert "1 comment found" in text
    assert "successful consortia bids" in text


def test_markup_in_a_hit_is_shown_as_text(client, seed):
    plan, _ = seed
    comment_on(
        plan.sections.get(number="1.3"),
        text="<script>alert(1)</script> consortia",
        status=Response.Status.PUBLISHED,
    )

    html = client.get("/search/", {"q": "consortia"}).content.decode()

    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_control_characters_stored_before_the_rule_are_not_shown_as_marks(client, seed):
    plan, _ = seed
    comment = comment_on(
        plan.sections.get(number="1.3"),
        text="Walruses consortia",
        status=Response.Status.PUBLISHED,
    )
    # As text typed before control characters were refused: the search's own marks.
    Comment.objects.filter(pk=comment.pk).update(text="\x02Walruses\x03 and consortia")

    html = client.get("/search/", {"q": "consortia"}).content.decode()

    assert "Walruses and" in visible_text(html)
    assert '<mark class="marginalia-quote">Walruses' not in html


def test_unpublished_hits_are_only_for_officers(client, seed):
    plan, _ = seed
    comment_on(plan.sections.get(number="1.3"), text="Consortia are hard to join.")

    assert "3 comments found" in visible_text(client.get("/search/", {"q": "consortia"}))
    client.force_login(UserFactory(officer=True))
    assert "4 comments found" in visible_text(client.get("/search/", {"q": "consortia"}))


def test_a_name_hidden_by_publishing_is_not_searchable_by_the_public(client, seed):
    plan, _ = seed
    comment = comment_on(
        plan.sections.get(number="1.3"),
        text="A private person speaks.",
        status=Response.Status.PUBLISHED,
    )
    Respondent.objects.filter(pk=comment.response.respondent_id).update(
        name="Jo Bloggs", kind="individual"
    )
    Response.objects.filter(pk=comment.response_id).update(hide_respondent_name=True)

    public = visible_text(client.get("/search/", {"q": "Bloggs"}))
    client.force_login(UserFactory(officer=True))
    officer = visible_text(client.get("/search/", {"q": "Bloggs"}))

    assert "0 comments found" in public
    assert "1 comment found" in officer and "Jo Bloggs" in officer


@pytest.mark.parametrize("query", ['"unclosed', "-", "&|!:*()", "a" * 500, "💥"])
def test_odd_queries_get_an_answer_not_an_error(client, seed, query):
    assert client.get("/search/", {"q": query}).status_code == 200


def test_an_empty_search_invites_a_query(client, seed):
    assert "Type a word or a name" in visible_text(client.get("/search/"))


def test_a_common_word_is_counted_no_further_than_the_cap(client, seed, monkeypatch):
    monkeypatch.setattr("critique.search.COUNT_CAP", 5)

    page = client.get("/search/", {"q": "Volunteering England"})

    assert "More than 5 comments found: the first 5 can be read here" in visible_text(page)
    assert page.content.decode().count('<article class="marginalia-comment"') == 5


def test_a_count_under_the_cap_is_exact(client, seed, monkeypatch):
    monkeypatch.setattr("critique.search.COUNT_CAP", 12)

    assert "12 comments found" in visible_text(
        client.get("/search/", {"q": "Volunteering England"})
    )


def test_a_search_belongs_to_its_plan_and_offers_the_others(client, seed):
    """Issue 22: the plan page's search looks in that plan; the search page names the plan it
    searched and lets the reader choose another."""
    seed_plan, _ = seed
    other = PlanFactory(title="A county housing plan")
    CommentFactory(response=ResponseFactory(plan=other), text="Housing for people leaving prison.")

    plan_page = client.get(f"/plans/{other.slug}/").content.decode()
    assert f'href="/search/?plan={other.slug}"' in plan_page

    page = client.get("/search/", {"plan": other.slug, "q": "housing"})
    text = visible_text(page)
    assert "1 comment found" in text
    assert "Housing for people leaving prison." in text
    html = page.content.decode()
    assert '<span class="govuk-caption-l">A county housing plan</span>' in html
    assert f'<option value="{other.slug}" selected>A county housing plan</option>' in html
    assert f'<option value="{seed_plan.slug}">' in html

    in_the_seed = visible_text(client.get("/search/", {"plan": seed_plan.slug, "q": "housing"}))
    assert "Housing for people leaving prison." not in in_the_seed


def test_with_one_plan_the_search_offers_no_choice(client, seed):
    html = client.get("/search/", {"q": "consortia"}).content.decode()
    assert 'name="plan" value="noms-third-sector-action-plan"' in html
    assert "<select" not in html.split('role="search"')[1].split("</form>")[0]


def test_a_search_of_every_plan_groups_what_it_finds_by_plan(client, seed):
    seed_plan, _ = seed
    other = PlanFactory(title="A county plan")
    for words in ["Consortia of small charities.", "Consortia again.", "More consortia.", "Four"]:
        CommentFactory(response=ResponseFactory(plan=other), text=words)
    CommentFactory(response=ResponseFactory(plan=PlanFactory(title="Quiet plan")), text="Nothing")

    page = client.get("/search/", {"q": "consortia"})
    text = visible_text(page)
    html = page.content.decode()

    assert '<span class="govuk-caption-l">Every plan</span>' in html
    assert '<option value="" selected>Every plan</option>' in html
    assert "A county plan: 3 comments found" in text
    assert f"{seed_plan.title}: 3 comments found" in text
    assert "Quiet plan:" not in text
    assert f'href="/search/?plan={other.slug}&amp;q=consortia"' in html


def test_a_search_of_every_plan_reads_only_what_the_reader_may(client, seed):
    other = PlanFactory(title="A county plan")
    CommentFactory(
        response=ResponseFactory(plan=other, status="submitted"), text="Consortia unpublished."
    )
    PlanFactory(title="A third plan")

    assert "Consortia unpublished." not in visible_text(client.get("/search/", {"q": "consortia"}))
