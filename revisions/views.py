"""A plan's revisions: the list, a revision brought in from its document (intake's outline
preview), the officer's correction of its matches, and what changed beside what was asked."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_POST

from marginalia.pagination import paginate
from officers.permissions import can_annotate, officer_required, reader_class
from plan_import.forms import OutlineFormSet
from plan_import.views import OUTLINE_PREFIX, corrected_outline, outline_of_form, outline_page
from plans.chapters import FOLD_ABOVE
from plans.models import Plan, Theme
from plans.outline import Outline
from responses.caching import cached_page, cached_page_of_generation, shared_fragment
from revisions import selectors, services
from revisions.forms import (
    MatchesForm,
    OutcomeForm,
    PlaceQuoteForm,
    RevisionDetailsForm,
    RevisionDocumentForm,
)
from revisions.models import PlanVersion, QuoteFollowing
from revisions.tasks import request_following, resume_stalled_following

DETAILS_PREFIX = "version"
SECTIONS_PER_PAGE = 10
QUOTES_PER_PAGE = 10


def _version_or_404(slug, number):
    return get_object_or_404(
        PlanVersion.objects.select_related("plan"), plan__slug=slug, number=number
    )


def versions(request, slug):
    plan = get_object_or_404(Plan, slug=slug)
    return render(
        request,
        "revisions/versions.html",
        {"plan": plan, "versions": plan.versions.all()},
    )


def what_changed(request, slug, number):
    """A revision beside the version before it, section by section, with what was asked. The
    public's from the cache, under the plan's generation, which is all such a page reads."""

    def respond():
        version = _version_or_404(slug, number)
        if version.quotes_followed_at is None:
            # Following whose worker died is taken up again when someone looks.
            resume_stalled_following(QuoteFollowing.objects.filter(plan=version.plan_id))
        return _what_changed(request, version)

    if request.user.is_authenticated:  # never from the cache: no need of the generation
        return respond()
    found = Plan.objects.generation_by_slug(slug)
    if found is None:
        raise Http404("No such plan.")
    return cached_page_of_generation(request, found, respond)


def _what_changed(request, version):
    def render_body():
        every_row = selectors.what_changed(version=version, viewer=request.user)
        form = OutcomeForm(request.GET, counts=selectors.outcome_counts(every_row))
        outcome = form.cleaned_data["show"] if form.is_valid() else ""
        rows = [row for row in every_row if not outcome or row.outcome == outcome]
        page = paginate(request, rows, per_page=SECTIONS_PER_PAGE)
        selectors.with_comments(page.object_list, version=version, viewer=request.user)
        return render_to_string(
            "revisions/_what_changed_body.html",
            {"plan": version.plan, "version": version, "form": form, "page": page}
            | _reader(request),
            request,
        )

    return render(
        request,
        "revisions/what_changed.html",
        {
            "plan": version.plan,
            "version": version,
            "can_correct": request.user.has_perm("plans.add_plan"),
            "quotes_to_check": (
                version.quotes.filter(to_check=True).count() if can_annotate(request.user) else 0
            ),
            "body": _shared(request, version.plan, render_body),
        },
    )


def _reader(request):
    return {"officer": can_annotate(request.user)}


def _shared(request, plan, render_body):
    """The page's body, shared by readers who read alike (responses.caching.shared_fragment)."""
    user = request.user
    return shared_fragment(
        request,
        plan,
        render_body,
        readers=reader_class(user),
        reader_owns_responses=user.is_authenticated
        and plan.responses.filter(owner_id=user.pk).exists(),
    )


def revised_section(request, slug, number, section):
    """One section of a revision beside what it was, and what was said of it: the address a
    comment's quote followed into the revision is annotated at (opendata's collection)."""
    version = _version_or_404(slug, number)
    return cached_page(request, version.plan, lambda: _revised_section(request, version, section))


def _revised_section(request, version, section):
    rows = [
        row
        for row in selectors.what_changed(version=version, viewer=request.user)
        if row.change.new_section and row.change.new_section.number == section
    ]
    if not rows:
        raise Http404("No such section in this version.")

    def render_body():
        selectors.with_comments(rows, version=version, viewer=request.user)
        return render_to_string(
            "revisions/_revised_section_body.html",
            {"plan": version.plan, "version": version, "rows": rows} | _reader(request),
            request,
        )

    return render(
        request,
        "revisions/revised_section.html",
        {
            "plan": version.plan,
            "version": version,
            "section": rows[0].change.new_section,
            "body": _shared(request, version.plan, render_body),
        },
    )


@login_required
@permission_required("plans.add_plan", raise_exception=True)
def import_revision(request, slug):
    """Step 1: the revised plan's document. Its outline is shown, not saved."""
    plan = get_object_or_404(Plan, slug=slug)
    form = RevisionDocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid() and (outline := outline_of_form(form)):
        details = {key: form[key].value() for key in RevisionDetailsForm.base_fields}
        return _outline_page(request, details, outline.sections, preamble=outline.preamble)
    return render(request, "revisions/import_revision.html", {"plan": plan, "form": form})


@require_POST
@login_required
@permission_required("plans.add_plan", raise_exception=True)
def import_revision_outline(request, slug):
    """Step 2: the revision's outline corrected and saved as the plan's next version."""
    plan = get_object_or_404(Plan, slug=slug)
    details = RevisionDetailsForm(request.POST, prefix=DETAILS_PREFIX)
    shown, sections = corrected_outline(request, details, page=_outline_page)
    if shown is not None:
        return shown
    try:
        with transaction.atomic():
            version = services.save_revision(
                plan,
                Outline(sections=sections, themes=[], preamble=[]),
                label=details.cleaned_data["label"],
                published_on=details.cleaned_data["published_on"],
            )
            request_following(plan.pk)
    except ValidationError as error:
        details.add_error(None, error.messages)
        return _outline_page(request, details, OutlineFormSet(request.POST, prefix=OUTLINE_PREFIX))
    messages.success(
        request,
        f"{version.label} is saved as version {version.number}, each section matched to the "
        "version before. Check the matches below; the comments' quotes are being followed "
        "into it.",
    )
    return redirect("revisions:what_changed", slug=plan.slug, number=version.number)


def _outline_page(request, details, sections_or_formset, *, preamble=()):
    if not isinstance(details, RevisionDetailsForm):
        details = RevisionDetailsForm(initial=details, prefix=DETAILS_PREFIX)
    slug = request.resolver_match.kwargs["slug"]
    return outline_page(
        request,
        details,
        sections_or_formset,
        preamble=preamble,
        save_label="Save the revised version",
        details_heading="The revised version",
        action=reverse("revisions:import_outline", args=[slug]),
        known_themes=list(
            Theme.objects.filter(plan__slug=slug).order_by("name").values_list("name", flat=True)
        ),
    )


@login_required
@permission_required("plans.add_plan", raise_exception=True)
def correct_matches(request, slug, number):
    """Which old section each section of the revision succeeds, as the officer corrects it. On a
    long plan only the matches worth checking are asked (services.matches_to_check), the rest
    kept as they are, unless the officer asks for every one (?every=1)."""
    version = _version_or_404(slug, number)
    changes = list(version.changes.select_related("new_section"))
    to_check = services.matches_to_check(version, changes)
    sections = list(version.sections.all())
    numbers = [section.number for section in sections]
    every = len(numbers) <= FOLD_ABOVE or request.GET.get("every") == "1"
    pairs = services.pairs_of(version)
    form = MatchesForm(
        request.POST if request.method == "POST" else None,
        new_numbers=numbers if every else [number for number in numbers if number in to_check],
        old_sections=[(s.number, s.heading) for s in services.sections_before(version)],
        pairs=pairs,
        hints={
            section.number: f"{to_check[section.number]} Its wording: “{_first_words(section)}”"
            for section in sections
            if section.number in to_check
        },
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            services.correct_matches(version, {**pairs, **form.pairs()})
            request_following(version.plan_id)
        messages.success(request, "The matches are saved; the quotes are being followed again.")
        return redirect("revisions:what_changed", slug=slug, number=number)
    return render(
        request,
        "revisions/correct_matches.html",
        {
            "plan": version.plan,
            "version": version,
            "form": form,
            "every": every,
            "to_check": to_check,
            "sure": [
                change
                for change in changes
                if change.new_section
                and change.new_section.number not in to_check
                and change.kind != "merged"
            ],
        },
    )


def _first_words(section, words=20):
    said = section.text.split()
    return " ".join(said[:words]) + (" …" if len(said) > words else "")


@officer_required
def quotes_to_check(request, slug, number):
    """The version's quotes the matcher could not place surely: each with its candidate places,
    for an officer to place one (a form per quote; no script needed)."""
    version = _version_or_404(slug, number)
    invalid = None
    if request.method == "POST":
        quote = version.quotes.filter(pk=request.POST.get("quote") or None, to_check=True).first()
        if quote is None:
            messages.info(request, "That quote was placed already; here are those still to check.")
            return redirect(request.get_full_path())
        form = PlaceQuoteForm(request.POST, quote=quote)
        if form.is_valid():
            try:
                with transaction.atomic():
                    placed = services.place_quote(quote, form.choice)
                    request_following(version.plan_id, version.number + 1)
            except services.AlreadyPlaced:
                messages.info(request, "That quote was placed already; here it is no more.")
            else:
                messages.success(request, _placed_message(placed))
            return redirect(request.get_full_path())
        invalid = (quote.pk, form)
    page = paginate(request, selectors.quotes_to_check(version), per_page=QUOTES_PER_PAGE)
    rows = selectors.with_options(page.object_list, version)
    for row in rows:
        row.form = invalid[1] if invalid and invalid[0] == row.quote.pk else None
    return render(
        request,
        "revisions/quotes_to_check.html",
        {
            "plan": version.plan,
            "version": version,
            "page": page,
            "rows": rows,
            "invalid": invalid[1] if invalid else None,
            "invalid_quote": invalid[0] if invalid else None,
        },
        status=400 if invalid else 200,
    )


def _placed_message(quote):
    reference = f"{quote.link.comment.response.reference}, comment {quote.link.comment.position}"
    if quote.section is None:
        return f"The quote of {reference} is marked as not in this version."
    return f"The quote of {reference} is placed in section {quote.section.number}."
