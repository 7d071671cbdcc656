"""Agreement between officers: a sample of coded comments drawn for a second officer, coded
again without the first coding shown, measured per code and overall as scikit-learn's
cohen_kappa_score measures it, and its disagreements resolved."""

import html

import pytest
from sklearn.metrics import cohen_kappa_score

from coding.agreement import measure
from coding.models import AgreementSample, Assignment, Code
from tests.arranging import comment_on
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
PLAN = "noms-third-sector-action-plan"
PERMISSIONS = ["officers.annotate_comment", "responses.view_submitted_response"]


@pytest.fixture
def coded(seed):
    """Twelve comments coded by a first officer: funding on the first six, housing on every
    third."""
    plan, _ = seed
    section = plan.sections.get(number="3.5")
    first = UserFactory(username="first", permissions=PERMISSIONS)
    second = UserFactory(username="second", permissions=PERMISSIONS)
    funding = Code.objects.create(plan=plan, name="Funding")
    housing = Code.objects.create(plan=plan, name="Housing")
    comments = [comment_on(section, text=f"Comment {n}.") for n in range(12)]
    for n, comment in enumerate(comments):
        if n < 6:
            Assignment.objects.create(comment=comment, code=funding, origin="officer", by=first)
        if n % 3 == 0:
            Assignment.objects.create(comment=comment, code=housing, origin="officer", by=first)
    return first, second, funding, housing


def _text(page):
    return html.unescape(page.content.decode())


def _second_code(client, sample, choose):
    """Code each comment of the sample through the second coder's page: choose(first codes)
    gives the codes to tick."""
    for item in sample.items.order_by("position"):
        page = client.get(f"/samples/{sample.pk}/code/")
        assert "You are not shown how it was coded first" in _text(page)
        for code in item.first_codes:  # the first coding is not shown
            assert f'value="{code}" checked' not in page.content.decode()
        client.post(f"/samples/{sample.pk}/code/", {"codes": choose(item)})


def test_a_sample_coded_twice_is_measured_as_scikit_learn_measures_it(client, coded):
    first, second, funding, housing = coded
    client.force_login(first)
    drawn = client.post(f"/plans/{PLAN}/agreement/", {"size": "8", "second_coder": second.pk})
    sample = AgreementSample.objects.get()
    assert drawn["Location"] == f"/samples/{sample.pk}/"
    assert sample.items.count() == 8

    client.force_login(second)
    # The second officer agrees on funding but for one comment, and never gives housing.
    disagree_on = next(i for i in sample.items.order_by("position") if funding.pk in i.first_codes)
    _second_code(
        client,
        sample,
        lambda item: (
            [] if item == disagree_on else [c for c in item.first_codes if c == funding.pk]
        ),
    )
    page = _text(client.get(f"/samples/{sample.pk}/"))

    items = list(sample.items.order_by("position"))
    overall, per_code = measure(sample)
    for row in per_code:
        firsts = [int(row.code.pk in i.first_codes) for i in items]
        seconds = [int(row.code.pk in i.second_codes) for i in items]
        assert row.kappa == pytest.approx(cohen_kappa_score(firsts, seconds))
        assert row.agreed == pytest.approx(
            sum(a == b for a, b in zip(firsts, seconds, strict=True)) / 8
        )
    pooled_first = [int(c.pk in i.first_codes) for c in (funding, housing) for i in items]
    pooled_second = [int(c.pk in i.second_codes) for c in (funding, housing) for i in items]
    assert overall.kappa == pytest.approx(cohen_kappa_score(pooled_first, pooled_second))
    assert f"{overall.kappa:.2f}" in page
    assert "8 of 8 comments coded a second time" in page
    assert "Disagreements" in page and str(disagree_on.comment) in page


def test_a_disagreement_resolved_sets_the_comments_codes_and_is_recorded(client, coded):
    first, second, funding, housing = coded
    client.force_login(first)
    client.post(f"/plans/{PLAN}/agreement/", {"size": "5", "second_coder": second.pk})
    sample = AgreementSample.objects.get()
    client.force_login(second)
    _second_code(client, sample, lambda item: [housing.pk])
    item = next(i for i in sample.items.all() if i.disagrees)

    client.force_login(first)
    client.post(
        f"/sample-items/{item.pk}/resolve/",
        {f"item-{item.pk}-codes": [housing.pk], f"item-{item.pk}-note": "Housing it is"},
    )

    item.refresh_from_db()
    assert item.resolved_codes == [housing.pk] and item.resolved_by == first
    assert set(Assignment.objects.filter(comment=item.comment).values_list("code", flat=True)) == {
        housing.pk
    }
    assert "Housing it is" in _text(client.get(f"/samples/{sample.pk}/"))


def test_only_the_second_officer_codes_the_sample_and_a_draw_needs_another(client, coded):
    first, second, _funding, _housing = coded
    client.force_login(first)
    refused = client.post(f"/plans/{PLAN}/agreement/", {"size": "5"})
    assert "Choose the officer to code the sample a second time." in _text(refused)
    assert second.username in _text(refused) and f'value="{first.pk}"' not in _text(refused)
    client.post(f"/plans/{PLAN}/agreement/", {"size": "5", "second_coder": second.pk})
    sample = AgreementSample.objects.get()

    assert client.get(f"/samples/{sample.pk}/code/").status_code == 403
