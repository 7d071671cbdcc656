"""Officers' pages of the coding frame: the frame (its codes, counted, one added; themes asked
for), the themes suggested (accepted, merged, split or discarded), a code's comments (confirmed
or taken off), a comment's codes, and a code given to every comment a list's filters choose."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Case, Count, F, Q, When
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from coding import files
from coding.agreement import draw_sample, measure, next_to_code, resolve, second_code
from coding.code_suggestions import SURE_ENOUGH, TOO_FEW_CODED
from coding.filters import chosen_comments
from coding.forms import AcceptForm, BulkCodeForm, CodeForm, CodesForm, SampleForm, SuggestForm
from coding.frame import (
    CannotCode,
    accept,
    add_code,
    change_code,
    code_comments,
    confirm,
    discard,
    quote,
    remove_code,
    uncode,
)
from coding.models import (
    AgreementSample,
    Assignment,
    Code,
    CodeSuggesting,
    PublishedFrame,
    SampleItem,
    SuggestedTheme,
    ThemeSuggesting,
)
from coding.publication import publish, unpublish
from coding.suggesting import enough_coded_to_suggest, uncoded_comments
from coding.tasks import (
    request_code_suggestions,
    request_suggestions,
    resume_stalled_code_suggestings,
    resume_stalled_suggestings,
)
from marginalia.next_url import safe_next_url
from marginalia.pagination import paginate
from officers.permissions import can_publish, officer_required
from plans.models import Plan
from responses.models import Comment
from responses.selectors import visible_comments

# The comments chosen to code at once that the page shows, so the officer sees what they are.
BULK_SHOWN = 10
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
            "published": PublishedFrame.objects.filter(plan=plan).first(),
            "uncoded": uncoded_comments(plan).count(),
            "code_suggesting": _latest_code_suggesting(plan),
            "sure_enough": round(SURE_ENOUGH * 100),
            "can_publish": can_publish(request.user),
        },
    )


def _latest_code_suggesting(plan):
    resume_stalled_code_suggestings(CodeSuggesting.objects.filter(plan=plan))
    return plan.code_suggestings.first()


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


@require_POST
@officer_required
def suggest_codes(request, slug):
    """Ask for a code to be suggested for each comment of the plan not coded yet."""
    plan = get_object_or_404(Plan, slug=slug)
    if not enough_coded_to_suggest(plan):
        messages.error(request, TOO_FEW_CODED)
    else:
        request_code_suggestions(plan=plan, requested_by=request.user)
        messages.success(
            request,
            "Codes are being suggested for the comments not coded yet. They wait on each code's "
            "page for an officer to confirm them.",
        )
    return redirect("coding:frame", slug=plan.slug)


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
        .order_by(
            Case(When(origin=Origin.SUGGESTED, then=0), default=1),
            F("score").desc(nulls_last=True),
            "comment_id",
        )
    )
    return render(
        request,
        "coding/code.html",
        {"plan": plan, "code": code, "form": form, "page": paginate(request, assignments)},
    )


def _change_code(request, code, form):
    if request.POST.get("action") == "remove":
        name = str(code)
        remove_code(code)
        messages.success(request, f"Removed the code “{name}” and its coding.")
        return redirect("coding:frame", slug=code.plan.slug)
    try:
        change_code(
            code,
            name=form.cleaned_data["name"],
            parent=form.cleaned_data["parent"],
            description=form.cleaned_data["description"],
        )
    except CannotCode as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, f"Saved the code “{code}”.")
    return redirect("coding:code", pk=code.pk)


@require_POST
@officer_required
def publication(request, slug):
    """Publish the plan's coding frame (the public reads the codes officers gave or confirmed),
    or stop."""
    plan = get_object_or_404(Plan, slug=slug)
    if not can_publish(request.user):
        raise PermissionDenied("Only policy officers who publish responses may publish codes.")
    if request.POST.get("action") == "unpublish":
        unpublish(plan)
        messages.success(
            request, "The coding frame is no longer published: only officers read codes."
        )
    else:
        publish(plan, by=request.user)
        messages.success(
            request,
            "The coding frame is published: the public reads the codes officers gave or "
            "confirmed in the report, the API and the Web Annotation collection.",
        )
    return redirect("coding:frame", slug=plan.slug)


@require_POST
@officer_required
def assignment(request, pk):
    """Confirm a suggested code of a comment, quote it for the code in the report (or stop), or
    take the code off it."""
    found = get_object_or_404(Assignment.objects.select_related("code", "comment"), pk=pk)
    back = safe_next_url(request, reverse("coding:code", kwargs={"pk": found.code_id}))
    try:
        if request.POST.get("action") == "confirm":
            confirm(found, by=request.user)
            messages.success(request, f"Confirmed “{found.code}” for {found.comment}.")
        elif request.POST.get("action") in ("quote", "unquote"):
            quote(found, request.POST["action"] == "quote")
            messages.success(
                request,
                f"{found.comment} is quoted for “{found.code}” in the report."
                if found.quoted
                else f"{found.comment} is no longer quoted for “{found.code}”.",
            )
        elif request.POST.get("action") == "remove":
            uncode(found)
            messages.success(request, f"Took “{found.code}” off {found.comment}.")
        else:
            messages.error(request, "Choose whether to confirm the code or take it off.")
    except CannotCode as refusal:
        messages.error(request, str(refusal))
    return redirect(back)


@officer_required
def comment_codes(request, pk):
    """One comment's codes, where each came from, and a code given to it."""
    comment = get_object_or_404(
        visible_comments(request.user).select_related("response__plan"), pk=pk
    )
    plan = comment.response.plan
    form = BulkCodeForm(request.POST if request.method == "POST" else None, plan=plan, one=True)
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
    chosen, comments = chosen_comments(
        data, visible_comments(request.user).filter(response__plan=plan), plan=plan
    )
    # Prefixed: the filters have a "code" of their own.
    form = BulkCodeForm(
        request.POST if request.method == "POST" else None, plan=plan, prefix="coding"
    )
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
            "words": data.get("q", "").strip(),
            "count": comments.count(),
            "shown": comments.select_related("response")[:BULK_SHOWN],
            "has_codes": form.fields["code"].queryset.exists(),
            "form": form,
            "suggest_form": SuggestForm(),
            "filters": data.urlencode(),
        },
    )


@officer_required
def samples(request, slug):
    """The plan's samples for agreement between officers, and a new one drawn."""
    plan = get_object_or_404(Plan, slug=slug)
    form = SampleForm(request.POST if request.method == "POST" else None, user=request.user)
    if form.is_valid():
        try:
            sample = draw_sample(
                plan,
                size=form.cleaned_data["size"],
                drawn_by=request.user,
                second_coder=form.cleaned_data["second_coder"],
            )
        except CannotCode as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(
                request,
                f"Drew {sample.items.count():,} comments for "
                f"{sample.second_coder.get_username()} to code a second time.",
            )
            return redirect("coding:sample", pk=sample.pk)
    drawn = plan.agreement_samples.select_related("second_coder", "drawn_by").annotate(
        size=Count("items"), coded=Count("items", filter=Q(items__second_codes__isnull=False))
    )
    return render(request, "coding/samples.html", {"plan": plan, "form": form, "samples": drawn})


@officer_required
def sample(request, pk):
    """How far the two codings of a sample agree, per code and overall, and the comments they
    disagree on, to resolve."""
    found = get_object_or_404(
        AgreementSample.objects.select_related("plan", "second_coder", "drawn_by"), pk=pk
    )
    overall, per_code = measure(found)
    items = list(
        found.items.filter(second_codes__isnull=False).select_related("comment", "resolved_by")
    )
    names = {
        code.pk: str(code) for code in Code.objects.filter(plan=found.plan).select_related("parent")
    }
    disagreements = []
    for item in items:
        if not item.disagrees:
            continue
        item.first_names = [names.get(pk, "a removed code") for pk in item.first_codes]
        item.second_names = [names.get(pk, "a removed code") for pk in item.second_codes]
        item.resolved_names = [names.get(pk, "a removed code") for pk in item.resolved_codes or []]
        item.form = CodesForm(
            plan=found.plan,
            with_note=True,
            prefix=f"item-{item.pk}",
            initial={"codes": item.second_codes},
        )
        disagreements.append(item)
    return render(
        request,
        "coding/sample.html",
        {
            "plan": found.plan,
            "sample": found,
            "overall": overall,
            "per_code": per_code,
            "coded": len(items),
            "size": found.items.count(),
            "disagreements": disagreements,
            "second_coder": request.user == found.second_coder,
        },
    )


@officer_required
def second_coding(request, pk):
    """The second officer codes the sample's comments one at a time, not shown the first
    coding."""
    found = get_object_or_404(AgreementSample.objects.select_related("plan"), pk=pk)
    if request.user != found.second_coder:
        raise PermissionDenied("Only the officer the sample was drawn for codes it again.")
    item = next_to_code(found)
    if item is None:
        messages.success(request, "You have coded every comment of the sample.")
        return redirect("coding:sample", pk=found.pk)
    form = CodesForm(request.POST if request.method == "POST" else None, plan=found.plan)
    if form.is_valid():
        second_code(item, form.cleaned_data["codes"], by=request.user)
        return redirect("coding:second_coding", pk=found.pk)
    return render(
        request,
        "coding/second_coding.html",
        {
            "plan": found.plan,
            "sample": found,
            "item": item,
            "form": form,
            "left": found.items.filter(second_codes__isnull=True).count(),
        },
    )


@require_POST
@officer_required
def resolve_item(request, pk):
    item = get_object_or_404(SampleItem.objects.select_related("sample__plan"), pk=pk)
    form = CodesForm(request.POST, plan=item.sample.plan, with_note=True, prefix=f"item-{item.pk}")
    if form.is_valid():
        try:
            resolve(
                item, form.cleaned_data["codes"], by=request.user, note=form.cleaned_data["note"]
            )
        except CannotCode as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, f"Resolved {item.comment}: its codes are those chosen.")
    else:
        messages.error(request, "Choose the codes that stand: reload the page and try again.")
    return redirect("coding:sample", pk=item.sample_id)


def _csv(chunks, name):
    response = StreamingHttpResponse(chunks, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response


@officer_required
def frame_download(request, slug):
    plan = get_object_or_404(Plan, slug=slug)
    return _csv(files.frame_csv(plan), f"{plan.slug}-coding-frame.csv")


@officer_required
def codings_download(request, slug):
    plan = get_object_or_404(Plan, slug=slug)
    comments = visible_comments(request.user).filter(response__plan=plan)
    return _csv(files.codings_csv(plan, comments), f"{plan.slug}-codings.csv")


@require_POST
@officer_required
def upload(request, slug):
    """A coding frame or codings read back from their CSV: all of it, or nothing and why."""
    plan = get_object_or_404(Plan, slug=slug)
    sent = request.FILES.get("file")
    if sent is None:
        messages.error(request, "Choose the CSV file of a coding frame or of codings.")
        return redirect("coding:frame", slug=plan.slug)
    if sent.size > settings.MAX_CODING_CSV_BYTES:
        megabytes = settings.MAX_CODING_CSV_BYTES // (1024 * 1024)
        messages.error(request, f"The file must be smaller than {megabytes} MB.")
        return redirect("coding:frame", slug=plan.slug)
    try:
        read = files.read_csv(
            plan,
            sent.read(),
            by=request.user,
            comments=visible_comments(request.user),
        )
    except CannotCode as refusal:
        messages.error(request, f"Nothing was imported: {refusal}")
        return redirect("coding:frame", slug=plan.slug)
    if read.errors:
        messages.error(request, "Nothing was imported. " + " ".join(read.errors))
    else:
        messages.success(
            request,
            f"Imported {read.codes:,} new code{'s' if read.codes != 1 else ''} and "
            f"{read.codings:,} coding{'s' if read.codings != 1 else ''}.",
        )
    return redirect("coding:frame", slug=plan.slug)
