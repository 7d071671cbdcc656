"""Officers' pages of the coding frame: the frame (its codes, counted, one added; themes asked
for), the themes suggested (accepted, merged, split or discarded), a code's comments (confirmed
or taken off), a comment's codes, and a code given to every comment a list's filters choose."""

from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from coding.forms import AcceptForm, BulkCodeForm, CodeForm, SuggestForm
from coding.frame import CannotCode, accept, add_code, code_comments, confirm, discard, uncode
from coding.models import Assignment, Code, SuggestedTheme, ThemeSuggesting
from coding.tasks import request_suggestions, resume_stalled_suggestings
from marginalia.pagination import paginate
from officers.filters import OfficerCommentFilter
from officers.permissions import officer_required
from plans.models import Plan
from responses.models import Comment
from responses.selectors import visible_comments

# Without JavaScript, the suggestions' page reloads itself this often (seconds) while at work.
REFRESH_SECONDS = 5
Origin = Assignment.Origin


def _counted(codes):
    return codes.annotate(
        coded=Count("assignments"),
        suggested=Count("assignments", filter=Q(assignments__origin=Origin.SUGGESTED)),
    )


@officer_required
def frame(request, slug):
    plan = get_object_or_404(Plan, slug=slug)
    form = CodeForm(request.POST if request.method == "POST" else None, plan=plan)
    if form.is_valid():
        try:
            code = add_code(
                plan,
                form.cleaned_data["name"],
                parent=form.cleaned_data["parent"],
                description=form.cleaned_data["description"],
            )
        except CannotCode as refusal:
            form.add_error("name", str(refusal))
        else:
            messages.success(request, f"Added the code “{code}”.")
            return redirect("coding:frame", slug=plan.slug)
    themes = list(_counted(plan.codes.filter(parent=None)))
    children = {}
    for child in _counted(plan.codes.exclude(parent=None)):
        children.setdefault(child.parent_id, []).append(child)
    for theme in themes:
        theme.subthemes = children.get(theme.pk, [])
    return render(
        request,
        "coding/frame.html",
        {
            "plan": plan,
            "themes": themes,
            "form": form,
            "suggest_form": SuggestForm(),
            "suggestings": plan.theme_suggestings.select_related("requested_by")[:10],
        },
    )


@require_POST
@officer_required
def suggest(request, slug):
    """Ask for themes to be suggested from the plan's comments that the list's filters (in the
    query string) choose, in the background."""
    plan = get_object_or_404(Plan, slug=slug)
    form = SuggestForm(request.POST)
    filters = request.POST.get("filters", "")[:1000]
    if not form.is_valid():
        for error in form.errors.get("themes_wanted", []):
            messages.error(request, error)
        return redirect("coding:frame", slug=plan.slug)
    suggesting = request_suggestions(
        plan=plan,
        requested_by=request.user,
        filters=filters,
        described=request.POST.get("described", "")[:300] or "every comment on the plan",
        themes_wanted=form.cleaned_data["themes_wanted"],
    )
    return redirect("coding:suggestions", pk=suggesting.pk)


@officer_required
def suggestions(request, pk):
    suggesting = get_object_or_404(ThemeSuggesting.objects.select_related("plan"), pk=pk)
    resume_stalled_suggestings(ThemeSuggesting.objects.filter(pk=pk))
    plan = suggesting.plan
    themes = list(suggesting.themes.select_related("code__parent"))
    shown = {
        comment.pk: comment
        for comment in visible_comments(request.user).filter(
            pk__in=[pk for theme in themes for pk in theme.representative]
        )
    }
    for theme in themes:
        theme.examples = [shown[pk] for pk in theme.representative if pk in shown]
        theme.form = AcceptForm(
            plan=plan, prefix=f"theme-{theme.pk}", initial={"name": theme.label[:120]}
        )
    return render(
        request,
        "coding/suggestions.html",
        {
            "plan": plan,
            "suggesting": suggesting,
            "themes": themes,
            "refresh_seconds": REFRESH_SECONDS,
        },
    )


@require_POST
@officer_required
def decide_theme(request, pk):
    """Accept a suggested theme (as a new code, or into one there is), discard it, or split it
    (its comments read again for two to five themes)."""
    theme = get_object_or_404(SuggestedTheme.objects.select_related("suggesting__plan"), pk=pk)
    suggesting, plan = theme.suggesting, theme.suggesting.plan
    back = reverse("coding:suggestions", kwargs={"pk": suggesting.pk})
    action = request.POST.get("action")
    try:
        if action == "discard":
            discard(theme)
            messages.success(request, f"Discarded “{theme.label}”.")
        elif action == "split":
            split = request_suggestions(
                plan=plan,
                requested_by=request.user,
                described=f"the comments of “{theme.label}”",
                themes_wanted=_parts(request.POST.get("parts")),
                split_from=theme,
            )
            return redirect("coding:suggestions", pk=split.pk)
        elif action == "accept":
            form = AcceptForm(request.POST, plan=plan, prefix=f"theme-{theme.pk}")
            if not form.is_valid():
                for errors in form.errors.values():
                    for error in errors:
                        messages.error(request, f"“{theme.label}”: {error}")
                return redirect(back)
            code = accept(
                theme,
                name=form.cleaned_data["name"],
                parent=form.cleaned_data["parent"],
                into=form.cleaned_data["into"],
            )
            messages.success(
                request,
                f"“{theme.label}” is the code “{code}”: {theme.members.count():,} comments "
                "suggested for it, to confirm.",
            )
        else:
            messages.error(request, "Choose whether to accept, split or discard the theme.")
    except CannotCode as refusal:
        messages.error(request, str(refusal))
    return redirect(back)


def _parts(typed):
    return int(typed) if typed in {"2", "3", "4", "5"} else 2


@officer_required
def code_page(request, pk):
    """A code: its comments, suggested ones first, strongest first; each confirmed or taken off;
    the code renamed, moved or removed."""
    code = get_object_or_404(Code.objects.select_related("plan", "parent"), pk=pk)
    plan = code.plan
    form = CodeForm(
        request.POST if request.method == "POST" else None,
        plan=plan,
        code=code,
        initial={"name": code.name, "parent": code.parent, "description": code.description},
    )
    if form.is_valid():
        return _change_code(request, code, form)
    assignments = (
        code.assignments.select_related("comment__response__respondent", "by")
        .filter(comment__in=visible_comments(request.user))
        .order_by("origin", "-score", "comment_id")
    )
    return render(
        request,
        "coding/code.html",
        {"plan": plan, "code": code, "form": form, "page": paginate(request, assignments)},
    )


def _change_code(request, code, form):
    if request.POST.get("action") == "remove":
        name = str(code)
        code.delete()
        messages.success(request, f"Removed the code “{name}” and its coding.")
        return redirect("coding:frame", slug=code.plan.slug)
    parent = form.cleaned_data["parent"]
    if parent is not None and code.children.exists():
        messages.error(request, "A theme with sub-themes cannot become a sub-theme.")
        return redirect("coding:code", pk=code.pk)
    code.name = " ".join(form.cleaned_data["name"].split())[:120]
    code.parent, code.description = parent, form.cleaned_data["description"]
    try:
        code.full_clean()
    except Exception as error:  # a clash with another code's name
        messages.error(request, f"“{code.name}” could not be saved: {error}")
        return redirect("coding:code", pk=code.pk)
    code.save()
    messages.success(request, f"Saved the code “{code}”.")
    return redirect("coding:code", pk=code.pk)


@require_POST
@officer_required
def assignment(request, pk):
    """Confirm a suggested code of a comment, or take a code off it."""
    found = get_object_or_404(Assignment.objects.select_related("code", "comment"), pk=pk)
    back = request.POST.get("next") or reverse("coding:code", kwargs={"pk": found.code_id})
    try:
        if request.POST.get("action") == "confirm":
            confirm(found, by=request.user)
            messages.success(request, f"Confirmed “{found.code}” for {found.comment}.")
        elif request.POST.get("action") == "remove":
            uncode(found)
            messages.success(request, f"Took “{found.code}” off {found.comment}.")
        else:
            messages.error(request, "Choose whether to confirm the code or take it off.")
    except CannotCode as refusal:
        messages.error(request, str(refusal))
    return redirect(back if back.startswith("/") and not back.startswith("//") else "/")


@officer_required
def comment_codes(request, pk):
    """One comment's codes, where each came from, and a code given to it."""
    comment = get_object_or_404(
        visible_comments(request.user).select_related("response__plan"), pk=pk
    )
    plan = comment.response.plan
    form = BulkCodeForm(request.POST if request.method == "POST" else None, plan=plan)
    if form.is_valid():
        added = code_comments(
            Comment.objects.filter(pk=comment.pk), form.cleaned_data["code"], by=request.user
        )
        code = form.cleaned_data["code"]
        messages.success(request, f"Coded it “{code}”." if added else f"Confirmed “{code}” for it.")
        return redirect("coding:comment", pk=comment.pk)
    return render(
        request,
        "coding/comment.html",
        {
            "plan": plan,
            "comment": comment,
            "codings": comment.codings.select_related("code__parent", "by"),
            "form": form,
        },
    )


@officer_required
def code_in_bulk(request, slug):
    """Every comment the list's filters choose (the officers' filters, and words they hold),
    given a code at once; themes asked for from them."""
    plan = get_object_or_404(Plan, slug=slug)
    data = request.GET.copy()
    data.pop("page", None)
    chosen = OfficerCommentFilter(
        data or None, queryset=visible_comments(request.user).filter(response__plan=plan), plan=plan
    )
    comments = chosen.qs
    words = data.get("q", "").strip()
    if words:
        comments = comments.filter(text__icontains=words)
    form = BulkCodeForm(request.POST if request.method == "POST" else None, plan=plan)
    if form.is_valid():
        code = form.cleaned_data["code"]
        added = code_comments(comments, code, by=request.user)
        messages.success(
            request, f"Coded {added:,} more comment{'s' if added != 1 else ''} “{code}”."
        )
        return redirect(f"{request.path}?{data.urlencode()}")
    return render(
        request,
        "coding/bulk.html",
        {
            "plan": plan,
            "filter": chosen,
            "words": words,
            "count": comments.count(),
            "form": form,
            "suggest_form": SuggestForm(),
            "filters": data.urlencode(),
        },
    )
