"""Searching comments, with the same filters as the plan pages."""

from django.core.paginator import Paginator
from django.shortcuts import render

from critique.readers import filtered_comments, reader_tools
from critique.search import full_text_search_available, search_comments
from officers.selectors import with_annotations
from plans.models import Plan
from responses.selectors import section_links_in_order, visible_comments

RESULTS_PER_PAGE = 20
MAX_QUERY_LENGTH = 200


def search(request):
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    plan = Plan.objects.filter(slug=request.GET.get("plan")).first() or Plan.objects.first()
    tools = reader_tools(request)
    comment_filter = filtered_comments(request, plan, officer=tools["officer"]) if plan else None
    page = None
    if query:
        comments = comment_filter.qs if comment_filter else visible_comments(request.user)
        results = search_comments(comments=comments, query=query).prefetch_related(
            section_links_in_order()
        )
        if tools["officer"]:
            results = with_annotations(results)
        page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "critique/search.html",
        {
            **tools,
            "query": query,
            "plan": plan,
            "filter": comment_filter,
            "page": page,
            "full_text": full_text_search_available(),
        },
    )
