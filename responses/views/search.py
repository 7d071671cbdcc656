"""Searching comments, with the same filters as the plan pages."""

from django.core.paginator import Paginator
from django.shortcuts import render

from annotations.permissions import can_annotate
from plans.models import Plan
from responses.filters import CommentFilter
from responses.search import full_text_search_available, search_comments
from responses.selectors import ANNOTATIONS, visible_comments

RESULTS_PER_PAGE = 20
MAX_QUERY_LENGTH = 200


def search(request):
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    plan = Plan.objects.filter(slug=request.GET.get("plan")).first() or Plan.objects.first()
    officer = can_annotate(request.user)
    comments = visible_comments(request.user)
    if plan:
        comments = comments.filter(response__plan=plan)
    comment_filter = (
        CommentFilter(request.GET, queryset=comments, plan=plan, officer=officer) if plan else None
    )
    page = None
    if query:
        results = search_comments(
            comments=comment_filter.qs if comment_filter else comments, query=query, officer=officer
        ).prefetch_related("section_links__section__plan", *(ANNOTATIONS if officer else []))
        page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "responses/search.html",
        {
            "query": query,
            "plan": plan,
            "filter": comment_filter,
            "page": page,
            "full_text": full_text_search_available(),
        },
    )
