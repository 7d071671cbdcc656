"""The plan beside its critique: the whole plan at a glance, and every comment on one section, on
one theme or on the plan as a whole, a page at a time; the critique in figures."""

from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse

from critique.figures import plan_figures
from critique.readers import filtered_comments, reader_tools
from marginalia.pagination import paginate
from officers.permissions import reader_class
from officers.selectors import with_annotations
from plans.models import Plan
from reports.permissions import can_export
from responses.caching import cached_for_the_public, shared_fragment
from responses.models import Campaign, ThemeLink
from responses.overview import overview_of_plan
from responses.selectors import (
    count_campaign_copies,
    plan_preview,
    quotes_of_section,
    read_once,
    section_comments,
    section_links_in_order,
    section_with_neighbours,
)

# The plan page previews the most recent comments on every part, without the officers' tools
# (each part's own page has them), and only their first words when they are long: so the page
# stays small however many comments, and however long, the plan gathers.
PREVIEWS_PER_PART = 2
EXCERPT_WORDS = 100


def _plan_named(slug, **_):
    # Whether it has campaigns, whose copies its lists show once (read_once).
    return Plan.objects.filter(slug=slug).annotate(
        has_campaigns=Exists(Campaign.objects.filter(plan=OuterRef("pk")))
    )


def _generation_of_plan_named(slug, **_):
    return Plan.objects.generation_by_slug(slug)


def plan_page(view):
    """A page of the plan the URL names, read by the public from the cache."""
    return cached_for_the_public(_plan_named, generation_of_page=_generation_of_plan_named)(view)


@plan_page
def plan_detail(request, slug, plan):
    def render_critique():
        themes = list(plan.themes.all())
        comment_filter = filtered_comments(
            request, plan, officer=reader_tools(request)["officer"], themes=themes
        )
        figures = plan_figures(
            user=request.user, plan=plan, comment_filter=comment_filter, recent=PREVIEWS_PER_PART
        )
        context = {
            "plan": plan,
            "critique": plan_preview(
                plan=plan,
                themes=themes,
                comments=comment_filter.qs,
                counts=figures.counts,
                recent=figures.recent,
            ),
            "excerpts": EXCERPT_WORDS,
            "general_url": reverse("critique:general", kwargs={"slug": plan.slug}),
        }
        return {
            "comment_total": figures.counts.total,
            "contents": render_to_string("critique/_plan_contents.html", context, request),
            "filters": render_to_string(
                "critique/_comment_filters.html", {"filter": comment_filter}, request
            ),
            "critique": render_to_string("critique/_plan_critique.html", context, request),
        }

    return render(
        request,
        "critique/plan.html",
        {
            "plan": plan,
            "can_export": can_export(request.user),
            "officer": reader_tools(request)["officer"],
            "body": shared_fragment(
                request, plan, render_critique, readers=reader_class(request.user)
            ),
        },
    )


@plan_page
def plan_overview(request, slug, plan):
    def render_overview():
        themes = list(plan.themes.all())
        comment_filter = filtered_comments(
            request, plan, officer=reader_tools(request)["officer"], themes=themes
        )
        counts = plan_figures(user=request.user, plan=plan, comment_filter=comment_filter).counts
        overview = overview_of_plan(plan=plan, counts=counts, themes=themes)
        return render_to_string(
            "critique/_overview.html", {"plan": plan, "overview": overview}, request
        )

    return render(
        request,
        "critique/overview.html",
        {
            "plan": plan,
            "body": shared_fragment(
                request, plan, render_overview, readers=reader_class(request.user)
            ),
        },
    )


@plan_page
def section_detail(request, slug, number, plan):
    section, previous_number, next_number = section_with_neighbours(plan=plan, number=number)
    if section is None:
        raise Http404("No section with that number in this plan.")

    def render_section():
        context = _page_of_comments(
            request,
            plan,
            choose=lambda comments: section_comments(section=section, comments=comments),
            count=lambda counts: counts.of_section(section.pk),
        )
        context |= {"section": section, "quotes": quotes_of_section(section, context["page"])}
        return render_to_string("critique/_section_body.html", context, request)

    return render(
        request,
        "critique/section.html",
        {
            "plan": plan,
            "section": section,
            "previous_number": previous_number,
            "next_number": next_number,
            "body": shared_fragment(
                request, plan, render_section, readers=reader_class(request.user)
            ),
        },
    )


@plan_page
def theme_detail(request, slug, pk, plan):
    theme = get_object_or_404(plan.themes, pk=pk)
    on_theme = ThemeLink.objects.filter(theme=theme).values("comment_id")
    return _comments_on(
        request,
        plan,
        part=f"the theme ‘{theme.name}’",
        description=theme.description,
        choose=lambda comments: comments.filter(pk__in=on_theme),
        count=lambda counts: counts.of_theme(theme.pk),
    )


@plan_page
def general_comments(request, slug, plan):
    return _comments_on(
        request,
        plan,
        part="the whole plan",
        description="Comments that critique no section and no theme, but the plan as a whole.",
        choose=lambda comments: comments.on_the_whole_plan(),
        count=lambda counts: counts.of_plan(),
    )


def _comments_on(request, plan, *, part, description, choose, count):
    """A page of the comments on one part of `plan` that `choose` picks from those the reader
    may read (filtered), with their counts by stance (`count` of the plan's CommentCounts)."""

    def render_comments():
        context = _page_of_comments(
            request,
            plan,
            choose=lambda comments: choose(comments).prefetch_related(section_links_in_order()),
            count=count,
        )
        context |= {"part": part, "section": None, "empty": "No comments here yet."}
        return render_to_string("critique/_comment_page.html", context, request)

    return render(
        request,
        "critique/comments_on.html",
        {
            "plan": plan,
            "part": part,
            "description": description,
            "body": shared_fragment(
                request, plan, render_comments, readers=reader_class(request.user)
            ),
        },
    )


def _page_of_comments(request, plan, *, choose, count):
    """What a page of comments on one part of `plan` draws: the reader's tools and filters, the
    page of the comments `choose` picks from those the reader may read (filtered), and their
    counts by stance (`count` of the plan's CommentCounts, which also counts the pages).

    A campaign's members each count, but its copies are listed once (read_once): the pages
    are then counted by the database, as the figures count more comments than are listed."""
    tools = reader_tools(request)
    comment_filter = filtered_comments(request, plan, officer=tools["officer"])
    counts = count(plan_figures(user=request.user, plan=plan, comment_filter=comment_filter).counts)
    chosen = choose(comment_filter.qs)
    comments = read_once(chosen) if plan.has_campaigns else chosen
    page = paginate(
        request,
        with_annotations(comments) if tools["officer"] else comments,
        count=None if plan.has_campaigns else sum(counts.values()),
    )
    if plan.has_campaigns:
        count_campaign_copies(page.object_list, among=chosen)
    return {
        **tools,
        "plan": plan,
        "filter": comment_filter,
        "page": page,
        "comment_total": sum(counts.values()),
        "stance_counts": counts,
    }
