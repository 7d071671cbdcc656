"""The plan beside its critique: the whole plan at a glance, and every comment on one section, on
one theme or on the plan as a whole, a page at a time; the critique in figures."""

from collections.abc import Callable
from dataclasses import dataclass, replace

from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse

from critique.figures import chosen_filters
from critique.readers import with_officers_tools
from critique.reading import reads_a_plan
from marginalia.pagination import paginate
from plans.chapters import FOLD_ABOVE, chapters_of
from plans.models import Plan
from reports.permissions import can_export
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


plan_page = reads_a_plan(_plan_named, generation_of_page=_generation_of_plan_named)


@plan_page
def plan_detail(request, reading):
    return render(
        request,
        "critique/plan.html",
        {
            "plan": reading.plan,
            "can_export": can_export(request.user),
            "officer": reading.officer,
            "body": reading.shared(_plan_critique),
        },
    )


def contents_by_chapter(entries):
    """The plan page's contents, folded by chapter when the plan is long: each chapter's
    sections' entries (SectionCritique) and the comments on them all; None for a short plan."""
    if len(entries) <= FOLD_ABOVE:
        return None
    by_pk = {entry.section.pk: entry for entry in entries}
    sections = [entry.section for entry in entries]
    chapters = []
    for chapter in chapters_of(sections, every=sections):
        chosen = [by_pk[section.pk] for section in chapter.sections]
        chapters.append(
            {"label": chapter.label, "entries": chosen, "total": sum(e.total for e in chosen)}
        )
    return chapters


def _plan_critique(reading):
    """The plan's contents, filters and critique: its parts, each with its figures and its
    most recent comments."""
    plan, request = reading.plan, reading.request
    themes = list(plan.themes.all())
    sections = list(plan.sections.in_natural_order().select_related("theme"))
    comment_filter = reading.comments(themes=themes, sections=sections)
    figures = reading.figures(comment_filter, recent=PREVIEWS_PER_PART)
    context = {
        "plan": plan,
        "critique": plan_preview(
            plan=plan,
            themes=themes,
            sections=sections,
            comments=comment_filter.qs,
            counts=figures.counts,
            recent=figures.recent,
        ),
        "excerpts": EXCERPT_WORDS,
        "general_url": reverse("critique:general", kwargs={"slug": plan.slug}),
    }
    contents = {**context, "chapters": contents_by_chapter(context["critique"].sections)}
    return {
        "comment_total": figures.counts.total,
        "contents": render_to_string("critique/_plan_contents.html", contents, request),
        # The same for every reader of the class: kept with the body rather than reversed again.
        "links": render_to_string(
            "critique/_plan_links.html", {"plan": plan, "officer": reading.officer}, request
        ),
        "filters": render_to_string(
            "critique/_comment_filters.html", {"filter": comment_filter}, request
        ),
        "critique": render_to_string("critique/_plan_critique.html", context, request),
    }


@plan_page
def plan_overview(request, reading):
    return render(
        request,
        "critique/overview.html",
        {"plan": reading.plan, "body": reading.shared(_overview)},
    )


def _overview(reading):
    themes = list(reading.plan.themes.all())
    counts = reading.figures(reading.comments(themes=themes)).counts
    overview = overview_of_plan(plan=reading.plan, counts=counts, themes=themes)
    return render_to_string(
        "critique/_overview.html", {"plan": reading.plan, "overview": overview}, reading.request
    )


@plan_page
def section_detail(request, reading, number):
    return render(
        request,
        "critique/section.html",
        {"plan": reading.plan, "officer": reading.officer, **reading.shared(_section_page, number)},
    )


def _section_page(reading, number):
    """The section numbered `number` (none: 404), its neighbours' numbers and its body: all of
    it shared, so the page from the cache reads no section."""
    section, previous_number, next_number = section_with_neighbours(
        plan=reading.plan, number=number
    )
    if section is None:
        raise Http404("No section with that number in this plan.")
    return {
        "section": section,
        "previous_number": previous_number,
        "next_number": next_number,
        "body": _section_body(reading, section),
    }


def _section_body(reading, section):
    context = _page_of_comments(
        reading,
        Part(
            name=f"section {section.number}",
            description="",
            key=("section", section.pk),
            choose=lambda comments: section_comments(section=section, comments=comments),
            count=lambda counts: counts.of_section(section.pk),
        ),
    )
    context |= {"section": section, "quotes": quotes_of_section(section, context["page"])}
    return render_to_string("critique/_section_body.html", context, reading.request)


@plan_page
def theme_detail(request, reading, pk):
    theme = get_object_or_404(reading.plan.themes, pk=pk)
    on_theme = ThemeLink.objects.filter(theme=theme).values("comment_id")
    return _comments_on(
        reading,
        Part(
            name=f"the theme ‘{theme.name}’",
            description=theme.description,
            key=("theme", theme.pk),
            choose=lambda comments: comments.filter(pk__in=on_theme),
            count=lambda counts: counts.of_theme(theme.pk),
        ),
    )


@plan_page
def general_comments(request, reading):
    return _comments_on(
        reading,
        Part(
            name="the whole plan",
            description="Comments that critique no section and no theme, but the plan as a whole.",
            key=("plan",),
            choose=lambda comments: comments.on_the_whole_plan(),
            count=lambda counts: counts.of_plan(),
        ),
    )


@dataclass(frozen=True)
class Part:
    """A part of the plan whose comments a page lists: its name, what it is, what tells it
    from the other parts in the cache (`key`), which of the comments the reader may read are on
    it (`choose`), and its counts of the plan's figures (`count` of CommentCounts)."""

    name: str
    description: str
    key: tuple
    choose: Callable
    count: Callable


def _comments_on(reading, part):
    """A page of the comments on one part of the plan."""
    return render(
        reading.request,
        "critique/comments_on.html",
        {
            "plan": reading.plan,
            "part": part.name,
            "description": part.description,
            "body": reading.shared(_comments_of_part, part),
        },
    )


def _comments_of_part(reading, part):
    context = _page_of_comments(
        reading,
        replace(
            part,
            choose=lambda comments: part.choose(comments).prefetch_related(
                section_links_in_order()
            ),
        ),
    )
    context |= {"part": part.name, "section": None, "empty": "No comments here yet."}
    return render_to_string("critique/_comment_page.html", context, reading.request)


def _page_of_comments(reading, part):
    """What a page of comments on one part of the plan draws: the reader's tools and filters,
    the page of the comments `part.choose` picks from those the reader may read (filtered),
    and their counts by stance (reading.part_figures, which also count the pages).

    A campaign's members each count, but its copies are listed once (read_once): the pages
    are then counted by the database, as the figures count more comments than are listed."""
    plan = reading.plan
    comment_filter = reading.comments()
    chosen = part.choose(comment_filter.qs)
    counts = reading.part_figures(comment_filter, chosen, part=part.key, of_counts=part.count)
    comments = read_once(chosen) if reading.has_campaigns else chosen
    page = paginate(
        reading.request,
        with_officers_tools(comments) if reading.officer else comments,
        count=None if reading.has_campaigns else sum(counts.values()),
    )
    if reading.has_campaigns:
        count_campaign_copies(page.object_list, among=chosen)
    return {
        **reading.tools,
        "plan": plan,
        "filter": comment_filter,
        "page": page,
        "comment_total": sum(counts.values()),
        "stance_counts": counts,
        "filtered": bool(chosen_filters(comment_filter.form)),
    }
