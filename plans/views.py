"""Pages that show a plan beside its critique."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from plans.models import Plan, Section
from responses.selectors import (
    neighbouring_sections,
    plan_critique,
    quotes_of_section,
    section_comments,
)

COMMENTS_PER_PAGE = 20


def plan_list(request):
    return render(request, "plans/plan_list.html", {"plans": Plan.objects.all()})


def plan_detail(request, slug):
    plan = get_object_or_404(Plan, slug=slug)
    return render(
        request,
        "plans/plan_detail.html",
        {"plan": plan, "critique": plan_critique(plan=plan, viewer=request.user)},
    )


def section_detail(request, slug, number):
    section = get_object_or_404(
        Section.objects.select_related("plan", "theme"), plan__slug=slug, number=number
    )
    comments = section_comments(section=section, viewer=request.user)
    page = Paginator(comments, COMMENTS_PER_PAGE).get_page(request.GET.get("page"))
    previous_number, next_number = neighbouring_sections(section)
    return render(
        request,
        "plans/section_detail.html",
        {
            "plan": section.plan,
            "section": section,
            "page": page,
            "quotes": quotes_of_section(section, page),
            "previous_number": previous_number,
            "next_number": next_number,
        },
    )
