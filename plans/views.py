"""Pages that show a plan beside its critique."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from annotations.permissions import can_annotate
from plans.models import Plan, Section
from responses.filters import CommentFilter
from responses.overview import overview_of_plan, stance_counts_by_section
from responses.selectors import (
    neighbouring_sections,
    plan_critique,
    quotes_of_section,
    section_comments,
    visible_comments,
)

COMMENTS_PER_PAGE = 20


def plan_list(request):
    return render(request, "plans/plan_list.html", {"plans": Plan.objects.all()})


def _filtered_comments(request, plan, *, officer):
    """The plan's comments the user may read, filtered and sorted by the page's GET parameters."""
    comments = visible_comments(request.user).filter(response__plan=plan)
    return CommentFilter(request.GET or None, queryset=comments, plan=plan, officer=officer)


def plan_detail(request, slug):
    plan = get_object_or_404(Plan, slug=slug)
    officer = can_annotate(request.user)
    comment_filter = _filtered_comments(request, plan, officer=officer)
    return render(
        request,
        "plans/plan_detail.html",
        {
            "plan": plan,
            "filter": comment_filter,
            "critique": plan_critique(
                plan=plan, comments=comment_filter.qs, with_annotations=officer
            ),
            "stance_counts": stance_counts_by_section(plan=plan, comments=comment_filter.qs)
            if officer
            else None,
        },
    )


def plan_overview(request, slug):
    plan = get_object_or_404(Plan, slug=slug)
    comments = visible_comments(request.user).filter(response__plan=plan)
    return render(
        request,
        "plans/overview.html",
        {"plan": plan, "overview": overview_of_plan(plan=plan, comments=comments)},
    )


def section_detail(request, slug, number):
    section = get_object_or_404(
        Section.objects.select_related("plan", "theme"), plan__slug=slug, number=number
    )
    officer = can_annotate(request.user)
    comment_filter = _filtered_comments(request, section.plan, officer=officer)
    comments = section_comments(
        section=section, comments=comment_filter.qs, with_annotations=officer
    )
    page = Paginator(comments, COMMENTS_PER_PAGE).get_page(request.GET.get("page"))
    previous_number, next_number = neighbouring_sections(section)
    return render(
        request,
        "plans/section_detail.html",
        {
            "plan": section.plan,
            "section": section,
            "filter": comment_filter,
            "page": page,
            "quotes": quotes_of_section(section, page),
            "stance_counts": stance_counts_by_section(
                plan=section.plan, comments=comment_filter.qs
            ).get(section.pk, {})
            if officer
            else None,
            "previous_number": previous_number,
            "next_number": next_number,
        },
    )
