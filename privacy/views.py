"""Admins' pages for respondents' personal data: find a respondent, download their data for a
subject access request, erase it (with the tombstones of erasures past), and set a plan's
retention date; and a respondent's own download of their data."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header

from marginalia.pagination import paginate
from plans.models import Plan
from privacy import access
from privacy.erasure import CannotErase, erase_respondent
from privacy.forms import EraseForm, FindRespondentForm, RetentionForm
from privacy.models import Erasure
from privacy.retention import erasure_due_at
from responses.models import Respondent, Response

# Respondents listed for a search, at most.
FOUND_AT_MOST = 50


def eraser_required(view):
    """Admins only: anonymous visitors sign in, everyone else gets 403."""

    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        if not request.user.has_perm("privacy.erase_respondent"):
            raise PermissionDenied("Only admins may read or erase a respondent's personal data.")
        return view(request, *args, **kwargs)

    return wrapper


@eraser_required
def respondents(request):
    form = FindRespondentForm(request.GET)
    found = None
    if form.is_valid() and (words := form.cleaned_data["q"].strip()):
        found = (
            Respondent.objects.filter(
                Q(name__icontains=words)
                | Q(user__email__iexact=words)
                | Q(responses__contact_name__icontains=words)
                | Q(responses__reference__iexact=words)
                | Q(responses__owner__email__iexact=words)
            )
            .filter(erased_at=None)
            .select_related("user")
            .annotate(response_count=Count("responses", distinct=True))
            .order_by("name", "pk")
            .distinct()[:FOUND_AT_MOST]
        )
    return render(
        request,
        "privacy/respondents.html",
        {
            "form": form,
            "found": found,
            "erasures": paginate(request, Erasure.objects.select_related("erased_by", "plan")),
            "plans": Plan.objects.order_by("title"),
        },
    )


@eraser_required
def erase(request, pk):
    respondent = get_object_or_404(Respondent.objects.select_related("user"), pk=pk)
    responses = respondent.responses.select_related("plan").annotate(
        comment_count=Count("comments")
    )
    form = EraseForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            erasure = erase_respondent(
                respondent,
                by=request.user,
                reason=form.cleaned_data["reason"],
                scope=form.cleaned_data["scope"],
            )
        except CannotErase as refusal:
            form.add_error(None, str(refusal))
        else:
            counted = ", ".join(erasure.counted)
            messages.success(request, f"The respondent's data was erased: {counted}.")
            return redirect("privacy:respondents")
    return render(
        request,
        "privacy/erase.html",
        {"respondent": respondent, "responses": responses, "form": form},
    )


def _zip(content, name):
    response = HttpResponse(content, content_type="application/zip")
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response


@eraser_required
def respondent_data(request, pk):
    respondent = get_object_or_404(Respondent, pk=pk)
    content = access.archive(access.responses_of(respondent=respondent), user=respondent.user)
    return _zip(content, f"respondent-{respondent.pk}-data.zip")


@login_required
def my_data(request):
    responses = access.responses_of(user=request.user).select_related("plan")
    return render(request, "privacy/my_data.html", {"responses": responses})


@login_required
def my_data_download(request):
    content = access.archive(access.responses_of(user=request.user), user=request.user)
    return _zip(content, f"your-data-{timezone.localdate():%Y-%m-%d}.zip")


@eraser_required
def retention(request, slug):
    plan = get_object_or_404(Plan, slug=slug)
    form = RetentionForm(
        request.POST if request.method == "POST" else None,
        initial={"kept_until": plan.personal_data_kept_until},
    )
    if form.is_valid():
        plan.personal_data_kept_until = form.cleaned_data["kept_until"]
        plan.save(update_fields=["personal_data_kept_until"])  # queues the runner (privacy.tasks)
        if plan.personal_data_kept_until is None:
            messages.success(request, "Respondents' personal details are kept: no date is set.")
        else:
            messages.success(
                request,
                "Respondents' personal details will be erased from "
                f"{erasure_due_at(plan):%-d %B %Y}.",
            )
        return redirect("privacy:retention", slug=plan.slug)
    kept = plan.responses.filter(respondent__erased_at=None)
    return render(
        request,
        "privacy/retention.html",
        {
            "plan": plan,
            "form": form,
            "due_at": plan.personal_data_kept_until and erasure_due_at(plan),
            "respondents_kept": kept.values("respondent").distinct().count(),
            "responses_kept": kept.exclude(status=Response.Status.DRAFT).count(),
            "erasures": Erasure.objects.filter(plan=plan).select_related("erased_by"),
        },
    )
