"""The plan beside its critique: the whole plan, one section, and the critique in figures."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from critique.caching import cached_for_the_public
from critique.readers import filtered_comments, reader_tools
from officers.selectors import load_annotations, with_annotations
from plans.models import Plan
from reports.permissions import can_export
from responses.overview import overview_of_plan, stance_counts_by_section
from responses.selectors import (
    neighbouring_sections,
    plan_critique,
    quotes_of_section,
    section_comments,
    visible_comments,
)

COMMENTS_PER_PAGE = 20


def _plan_named(slug, **_):
    return Plan.objects.filter(slug=slug)


@cached_for_the_public(_plan_named)
def plan_detail(request, slug, plan):
    tools = reader_tools(request)
    comment_filter = filtered_comments(request, plan, officer=tools["officer"])
    critique = plan_critique(plan=plan, comments=comment_filter.qs)
    if tools["officer"]:
        load_annotations(critique.all_comments)
    return render(
        request,
        "critique/plan.html",
        {
            **tools,
            "plan": plan,
            "filter": comment_filter,
            "critique": critique,
            "stance_counts": stance_counts_by_section(plan=plan, comments=comment_filter.qs)
            if tools["officer"]
            else None,
            "can_export": can_export(request.user),
        },
    )


@cached_for_the_public(_plan_named)
def plan_overview(request, slug, plan):
    comments = visible_comments(request.user).filter(response__plan=plan)
    return render(
        request,
        "critique/overview.html",
        {"plan": plan, "overview": overview_of_plan(plan=plan, comments=comments)},
    )


@cached_for_the_public(_plan_named)
def section_detail(request, slug, number, plan):
    section = get_object_or_404(plan.sections.select_related("theme"), number=number)
    section.plan = plan
    tools = reader_tools(request)
    comment_filter = filtered_comments(request, plan, officer=tools["officer"])
    comments = section_comments(section=section, comments=comment_filter.qs)
    if tools["officer"]:
        comments = with_annotations(comments)
    page = Paginator(comments, COMMENTS_PER_PAGE).get_page(request.GET.get("page"))
    previous_number, next_number = neighbouring_sections(section)
    return render(
        request,
        "critique/section.html",
        {
            **tools,
            "plan": plan,
            "section": section,
            "filter": comment_filter,
            "page": page,
            "quotes": quotes_of_section(section, page),
            "stance_counts": stance_counts_by_section(plan=plan, comments=comment_filter.qs).get(
                section.pk, {}
            )
            if tools["officer"]
            else None,
            "previous_number": previous_number,
            "next_number": next_number,
        },
    )
