"""Every list that runs to pages, paged alike: the page a request asks for (?page=, a page
past the end or not a number gives the last or the first), its page links elided as GOV.UK's
pagination pattern does (1 … 4 5 6 … 500), and the number of items told rather than counted
again when the page's figures already counted them. templates/_pagination.html draws them."""

from functools import cached_property

from django.core.paginator import Paginator

COMMENTS_PER_PAGE = 20


class CountedPaginator(Paginator):
    """A paginator told how many items there are, so it need not count them with a query."""

    def __init__(self, object_list, per_page, *, count):
        super().__init__(object_list, per_page)
        self.known_count = count

    @cached_property
    def count(self):
        return self.known_count


def paginate(request, items, *, per_page=COMMENTS_PER_PAGE, count=None):
    """The page of `items` the request asks for (?page=), with `numbers`: the page links to show,
    Paginator.ELLIPSIS standing for those left out."""
    paginator = (
        Paginator(items, per_page)
        if count is None
        else CountedPaginator(items, per_page, count=count)
    )
    page = paginator.get_page(request.GET.get("page"))
    page.numbers = list(paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1))
    return page
