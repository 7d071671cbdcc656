"""Every list that runs to pages is paged alike (marginalia.pagination): the page asked for, or
the nearest there is, with its neighbours, the first and the last linked and the rest elided."""

from django.core.paginator import Paginator
from django.test import RequestFactory

from marginalia.pagination import paginate

GAP = Paginator.ELLIPSIS


def page_of(query, count=200, per_page=20, **options):
    request = RequestFactory().get("/", query)
    return paginate(request, list(range(count)), per_page=per_page, **options)


def test_the_page_links_are_the_ends_the_neighbours_and_gaps():
    page = page_of({"page": "5"})

    assert page.number == 5
    assert page.numbers == [1, GAP, 4, 5, 6, GAP, 10]


def test_a_page_past_the_end_or_not_a_number_gives_the_last_or_the_first():
    assert page_of({"page": "99"}).number == 10
    assert page_of({"page": "x"}).number == 1
    assert page_of({}).number == 1


def test_a_count_told_is_not_counted_again():
    request = RequestFactory().get("/", {"page": "2"})

    page = paginate(request, list(range(50)), per_page=20, count=1_000)

    assert page.paginator.num_pages == 50
    assert page.numbers[-1] == 50
