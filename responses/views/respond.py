"""The respondent's journey: who responds, the comments (section by section, or pasted and
linked for them), review beside the plan, submit."""

from functools import wraps
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from plans.models import Plan
from responses.consent import ConsentNotGiven, record_consent
from responses.drafts import (
    ConsultationClosed,
    DraftConflict,
    NothingToSubmit,
    import_prose,
    remembered_respondent,
    save_comments,
    start_response,
    submit_response,
)
from responses.forms import CommentFormSet, ConsentForm, PasteForm, RespondentForm
from responses.models import Response
from responses.selectors import draft_comment_initial, plan_critique, visible_comments

SUBMITTED_MESSAGE = "This response has been submitted, so it can no longer be changed."


def _get_own_response(request, pk):
    """The user's own response, or 404: nobody else learns that it exists."""
    return get_object_or_404(
        Response.objects.select_related("plan", "respondent"), pk=pk, owner=request.user
    )


def own_draft_required(view):
    """Sign-in required; the view receives the user's own draft, or a submitted response's
    owner is sent to read it instead."""

    @wraps(view)
    @login_required
    def wrapper(request, pk):
        response = _get_own_response(request, pk)
        if not response.is_draft:
            messages.info(request, SUBMITTED_MESSAGE)
            return redirect(response)
        return view(request, response)

    return wrapper


def _posted_version(request):
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return -1  # a missing or tampered version is treated as stale: a conflict, not a 500


def _closed(request, plan):
    return render(request, "responses/respond/closed.html", {"plan": plan}, status=403)


def _section_asked(request, plan):
    """The section a reader came to comment on ("Comment on this section"), if it is the plan's."""
    number = request.POST.get("section") or request.GET.get("section") or ""
    return plan.sections.filter(number=number[:20]).first() if number else None


def _comments_url(draft, section=None):
    url = reverse("responses:edit_comments", args=[draft.pk])
    return f"{url}?{urlencode({'section': section.number})}#last-comment" if section else url


@login_required
def start(request, slug):
    plan = get_object_or_404(Plan, slug=slug)
    if not plan.is_open():
        return _closed(request, plan)
    section = _section_asked(request, plan)
    if section and request.method == "GET":
        draft = Response.objects.filter(
            owner=request.user, plan=plan, status=Response.Status.DRAFT
        ).first()
        if draft:  # continuing the reader's draft, with a comment on this section added
            return redirect(_comments_url(draft, section))
    if request.method == "POST":
        form = RespondentForm(request.POST)
        if form.is_valid():
            draft = start_response(
                plan=plan,
                user=request.user,
                kind=form.cleaned_data["kind"],
                name=form.cleaned_data["name"],
                description=form.cleaned_data["description"],
            )
            if form.cleaned_data["method"] == "paste":
                return redirect("responses:paste", pk=draft.pk)
            return redirect(_comments_url(draft, section))
    else:
        respondent = remembered_respondent(request.user)
        initial = {"name": request.user.get_full_name()}
        if respondent:
            initial = {f: getattr(respondent, f) for f in ("kind", "name", "description")}
        form = RespondentForm(initial=initial)
    return render(
        request,
        "responses/respond/start.html",
        {"plan": plan, "form": form, "section": section},
    )


@own_draft_required
def edit_comments(request, draft):
    plan = draft.plan
    conflict = None
    if request.method == "POST":
        formset = CommentFormSet(
            request.POST, initial=draft_comment_initial(draft), plan=plan, prefix="comments"
        )
        if formset.is_valid():
            kept = [
                form.cleaned_data
                for form in formset.forms
                if form.cleaned_data.get("text") and form not in formset.deleted_forms
            ]
            try:
                save_comments(response=draft, version=_posted_version(request), comments=kept)
            except DraftConflict as error:
                conflict = error.draft
            else:
                return _after_saving_comments(request, draft)
    else:
        initial = draft_comment_initial(draft)
        section = _section_asked(request, plan)
        formset = CommentFormSet(
            initial=initial,
            plan=plan,
            prefix="comments",
            new_comment={"sections": [section]} if section else {},
        )
        if request.GET.get("add") or (section and initial):
            formset.extra = 1
    version = conflict.version if conflict else draft.version
    return render(
        request,
        "responses/respond/comments.html",
        {
            "plan": plan,
            "response": draft,
            "formset": formset,
            "version": version,
            "conflict": conflict,
            "saved_comments": conflict.comments.all() if conflict else None,
        },
        status=409 if conflict else 200,
    )


def _after_saving_comments(request, draft):
    action = request.POST.get("action")
    if action == "add":
        return redirect(reverse("responses:edit_comments", args=[draft.pk]) + "?add=1#last-comment")
    if action == "review":
        return redirect("responses:consent", pk=draft.pk)
    messages.success(request, "Your draft has been saved. You can come back to it at any time.")
    return redirect("responses:edit_comments", pk=draft.pk)


@own_draft_required
def paste(request, draft):
    form = PasteForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            draft = import_prose(
                response=draft, version=_posted_version(request), prose=form.cleaned_data["prose"]
            )
        except DraftConflict:
            form.add_error(
                None,
                "Your draft was changed in another tab or window since you opened this page, "
                "so nothing was replaced. Check your draft, then paste again.",
            )
        else:
            count = draft.comments.count()
            messages.success(
                request,
                f"Your response is now {count} comment{'s' if count != 1 else ''}, one per "
                "paragraph. Check the sections and themes we suggest for each, then save.",
            )
            return redirect("responses:edit_comments", pk=draft.pk)
    return render(
        request,
        "responses/respond/paste.html",
        {
            "plan": draft.plan,
            "response": draft,
            "form": form,
            "comment_count": draft.comments.count(),
        },
    )


@own_draft_required
def consent(request, draft):
    """Before the check: whether the respondent agrees to publication, with or without their
    name (Response.Consent)."""
    form = ConsentForm(
        request.POST if request.method == "POST" else None,
        initial={"publication_consent": draft.publication_consent},
    )
    if request.method == "POST" and form.is_valid():
        record_consent(draft, form.cleaned_data["publication_consent"], by=None)
        return redirect("responses:review", pk=draft.pk)
    return render(
        request,
        "responses/respond/consent.html",
        {"plan": draft.plan, "response": draft, "form": form},
    )


@own_draft_required
def review(request, draft):
    critique = plan_critique(
        plan=draft.plan, comments=visible_comments(request.user).filter(response=draft)
    )
    return render(
        request,
        "responses/respond/review.html",
        {"plan": draft.plan, "response": draft, "critique": critique},
    )


@require_POST
@login_required
def submit(request, pk):
    response = _get_own_response(request, pk)
    try:
        submitted = submit_response(
            response=response,
            version=_posted_version(request),
            responses_page_url=request.build_absolute_uri(reverse("responses:mine")),
        )
    except ConsultationClosed:
        return _closed(request, response.plan)
    except NothingToSubmit:
        messages.error(request, "Add at least one comment before you submit.")
        return redirect("responses:edit_comments", pk=response.pk)
    except ConsentNotGiven:
        messages.error(request, "Say whether we may publish your response before you submit it.")
        return redirect("responses:consent", pk=response.pk)
    except DraftConflict:
        messages.error(
            request,
            "Your draft was changed in another tab or window since you opened this page. "
            "Check it below, then submit again.",
        )
        return redirect("responses:review", pk=response.pk)
    return redirect("responses:submitted", pk=submitted.pk)


@login_required
def submitted(request, pk):
    response = _get_own_response(request, pk)
    if response.is_draft:
        return redirect("responses:review", pk=response.pk)
    return render(
        request, "responses/respond/submitted.html", {"plan": response.plan, "response": response}
    )
