"""Searching comments, with the same filters as the plan pages."""

from django.shortcuts import render

from critique.readers import filtered_comments, reader_tools
from critique.search import capped_count, full_text_search_available, search_comments
from marginalia.pagination import paginate
from officers.selectors import with_annotations
from plans.models import Plan
from responses.caching import cached_page
from responses.selectors import (
    count_campaign_copies,
    read_once,
    section_links_in_order,
    visible_comments,
)

MAX_QUERY_LENGTH = 200


def search(request):
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    plan = Plan.objects.filter(slug=request.GET.get("plan")).first() or Plan.objects.first()
    if plan is None:
        return _search_page(request, None, query)
    return cached_page(request, plan, lambda: _search_page(request, plan, query))


def _search_page(request, plan, query):
    tools = reader_tools(request)
    comment_filter = filtered_comments(request, plan, officer=tools["officer"]) if plan else None
    page = count = None
    if query:
        comments = comment_filter.qs if comment_filter else visible_comments(request.user)
        results = search_comments(
            comments=comments, query=query, viewer=request.user
        ).prefetch_related(section_links_in_order())
        if tools["officer"]:
            results = with_annotations(results)
        count = capped_count(results)
        if plan and plan.campaigns.exists():
            # A campaign's copies found are listed once, saying how many; each still counts.
            listed = read_once(results)
            page = paginate(request, listed, count=capped_count(listed).shown)
            count_campaign_copies(page.object_list, among=results)
        else:
            page = paginate(request, results, count=count.shown)
    return render(
        request,
        "critique/search.html",
        {
            **tools,
            "query": query,
            "plan": plan,
            "filter": comment_filter,
            "page": page,
            "count": count,
            "full_text": full_text_search_available(),
        },
    )
