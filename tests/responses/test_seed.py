import pytest
from django.core.management import call_command

from plans.models import GENERATIONS, Plan, Section, Theme
from responses.models import Comment, Respondent, Response, SectionLink, ThemeLink

pytestmark = pytest.mark.django_db

SEED_MODELS = [Plan, Theme, Section, Respondent, Response, Comment, SectionLink, ThemeLink]


def rows():
    """Every seed row, but for a plan's generations: loading again may bump them (they count the
    times the pages may have changed), and nothing else may differ."""
    return {
        model.__name__: sorted(
            model.objects.values_list(
                *(
                    field.attname
                    for field in model._meta.concrete_fields
                    if field.name not in GENERATIONS
                )
            )
        )
        for model in SEED_MODELS
    }


def test_load_seed_twice_gives_the_same_rows():
    call_command("load_seed")
    first = rows()
    call_command("load_seed")

    assert rows() == first
    assert len(first["Comment"]) == 12


def test_seed_response_is_published_with_twelve_comments_in_order(seed):
    plan, response = seed

    assert response.status == Response.Status.PUBLISHED
    assert response.reference == "NOMS-TSAP-000001"
    texts = list(response.comments.values_list("text", flat=True))
    assert len(texts) == 12
    assert texts[0].startswith("Volunteering England welcomes the acknowledgement")
    assert texts[2].startswith("A key area of concern")
    assert texts[-1].startswith("In places the document fails to communicate")


def test_page_residue_title_and_byline_are_not_comments(seed):
    all_text = " ".join(Comment.objects.values_list("text", flat=True))

    assert "Skip navigation" not in all_text
    assert "Response by Volunteering England" not in all_text
    assert "Securing effective partnerships" not in all_text


def test_the_self_description_becomes_the_respondents_description(seed):
    _, response = seed

    assert response.respondent.name == "Volunteering England"
    assert response.respondent.description.startswith(
        "Volunteering England is the integrated national volunteering development organisation"
    )
    assert not Comment.objects.filter(
        text__startswith="Volunteering England is the integrated"
    ).exists()


def test_comments_are_linked_as_the_response_reads(seed):
    _, response = seed
    linked = [
        (
            sorted({link.section.number for link in comment.section_links.all()}),
            sorted(link.theme.name for link in comment.theme_links.all()),
        )
        for comment in response.comments.prefetch_related(
            "section_links__section", "theme_links__theme"
        )
    ]

    assert linked == [
        ([], []),
        ([], ["Strengthening communities", "Transforming public services"]),
        (["1.11"], []),
        (["3.5"], []),
        (["1.15"], []),
        ([], []),
        ([], []),
        ([], []),
        (["2.8"], []),
        (["1.3"], []),
        ([], []),
        (["3.5"], []),
    ]


def test_quoted_wording_is_stored_as_text_quote_selectors(seed):
    quotes = {
        link.section.number: link.selector
        for link in SectionLink.objects.exclude(exact="").select_related("section")
    }

    assert quotes["1.11"]["exact"] == "considered"
    assert quotes["1.11"]["suffix"].startswith(" where appropriate")
    assert quotes["1.15"]["exact"] == "informed"
    assert quotes["1.3"]["exact"] == "encouraging social enterprise"
    assert quotes["3.5"]["exact"] == "make use of the local community anchor organisations"
    assert "2.8" not in quotes  # paraphrased, not quoted


def test_sections_hold_only_attested_wording_and_the_plan_says_so(seed):
    plan, _ = seed

    assert plan.has_full_text is False
    assert dict(plan.sections.values_list("number", "text"))["1.11"] == (
        "sub-contracting and consortia building will be considered where appropriate"
    )
    assert list(plan.themes.values_list("name", flat=True)) == [
        "Strengthening communities",
        "Transforming public services",
    ]
