"""Searching comments, with the same filters as the plan pages."""

from django.db.models import Exists, OuterRef
from django.shortcuts import render
from django.template.loader import render_to_string

from critique.readers import filtered_comments, reader_tools, with_officers_tools
from critique.search import (
    RankedResults,
    capped_count,
    full_text_search_available,
    search_comments,
    with_headlines,
)
from marginalia.pagination import paginate
from officers.permissions import reader_class
from plans.models import Plan
from responses.caching import (
    cached_page,
    cached_page_of_generation,
    shared_fragment,
    with_reader_ownership,
)
from responses.models import Campaign
from responses.selectors import (
    count_campaign_copies,
    read_once,
    section_links_in_order,
    visible_comments,
)

MAX_QUERY_LENGTH = 200
# A search of every plan lists this many of each plan's best matches.
BEST_OF_EACH_PLAN = 3


def search(request):
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    slug = request.GET.get("plan")
    if slug and not request.user.is_authenticated:
        # The public's search of a plan, from the cache: its generation is all that needs.
        found = Plan.objects.generation_by_slug(slug)
        if found is not None:
            return cached_page_of_generation(
                request, found, lambda: _search_page(request, *_plan_among(request, slug), query)
            )
    plan, plans = _plan_among(request, slug)
    if plan is None:
        return _search_page(request, None, plans, query)
    return cached_page(request, plan, lambda: _search_page(request, plan, plans, query))


def _plan_among(request, slug):
    """The plan called `slug` and every plan, which the page offers to search instead: one
    query. With no plan named, the only plan, or None to search them all."""
    plans = list(_plans(request))
    named = [plan for plan in plans if plan.slug == slug]
    if named:
        return named[0], plans
    return (plans[0] if len(plans) == 1 else None), plans


def _plans(request):
    # Whether each has campaigns, whose copies the results list once.
    campaigns = Campaign.objects.filter(plan=OuterRef("pk"))
    plans = Plan.objects.annotate(has_campaigns=Exists(campaigns))
    return with_reader_ownership(plans, request.user)


def _search_page(request, plan, plans, query):
    tools = reader_tools(request)
    comment_filter = filtered_comments(request, plan, officer=tools["officer"]) if plan else None

    def render_results():
        """The filters and what they find: the same for every reader of a class who asks this
        URL (the filters' choices are the plan's sections, themes and tags)."""
        if plan is None:
            found = _results_by_plan(request, plans, query, officer=tools["officer"])
        else:
            found = _results(request, plan, query, comment_filter, officer=tools["officer"])
        return {
            "filters": render_to_string(
                "critique/_comment_filters.html",
                {"filter": comment_filter, "query": query},
                request,
            )
            if comment_filter
            else "",
            "results": render_to_string(
                "critique/_search_results.html",
                {**tools, "query": query, "plan": plan, **found},
                request,
            ),
        }

    if plan is None or not request.user.is_authenticated:
        # The public's whole page is kept (cached_page); a search with no plan is not.
        body = render_results()
    else:
        # A signed-in reader's results are kept for every reader of their class who asks the
        # same search since the last change, as the plan's other pages keep their bodies.
        body = shared_fragment(
            request,
            plan,
            render_results,
            readers=reader_class(request.user),
            reader_owns_responses=plan.reader_owns_responses,
        )
    return render(
        request,
        "critique/search.html",
        {
            **tools,
            "query": query,
            "plan": plan,
            "plans": plans,
            "body": body,
            "full_text": full_text_search_available(),
        },
    )


def _shown(query, *, officer):
    def shown(found):
        found = with_headlines(found, query).prefetch_related(section_links_in_order())
        return with_officers_tools(found) if officer else found

    return shown


def _results_by_plan(request, plans, query, *, officer):
    """A search of every plan the reader may read: for each plan with a match, how many and the
    best few, with a link to the rest in that plan's own search."""
    if not query:
        return {"page": None, "count": None}
    results = search_comments(
        comments=visible_comments(request.user), query=query, viewer=request.user
    )
    shown = _shown(query, officer=officer)
    groups = []
    for plan in plans:
        in_plan = results.filter(response__plan=plan)
        count = capped_count(in_plan)
        if count.shown:
            groups.append(
                {"plan": plan, "count": count, "best": list(shown(in_plan)[:BEST_OF_EACH_PLAN])}
            )
    return {"groups": groups, "count": None, "page": None}


def _results(request, plan, query, comment_filter, *, officer):
    """The page of comments found, and how many there are (capped)."""
    if not query:
        return {"page": None, "count": None}
    comments = comment_filter.qs if comment_filter else visible_comments(request.user)
    results = search_comments(comments=comments, query=query, viewer=request.user)
    shown = _shown(query, officer=officer)

    count = capped_count(results)
    if plan and plan.has_campaigns:
        # A campaign's copies found are listed once, saying how many; each still counts.
        listed = read_once(results)
        page = paginate(
            request, RankedResults(listed, shown=shown), count=capped_count(listed).shown
        )
        count_campaign_copies(page.object_list, among=results)
    else:
        page = paginate(request, RankedResults(results, shown=shown), count=count.shown)
    return {"page": page, "count": count}
