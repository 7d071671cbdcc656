"""Bringing a plan in from its document (marginalia.documents): its outline read, previewed and
corrected, and saved only when the officer confirms (plans.outline, plans.services)."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from plan_import.forms import (
    OutlineFormSet,
    OutlineSectionForm,
    PlanDetailsForm,
    PlanDocumentForm,
    themes_of,
)
from plans.chapters import FOLD_ABOVE, chapters_of
from plans.outline import (
    Outline,
    OutlineSection,
    merge_into_previous,
    outline_doubts,
    read_outline,
    split_section,
)
from plans.services import PlanExists, save_outline

OUTLINE_PREFIX = "sections"
DETAILS_PREFIX = "plan"


@login_required
@permission_required("plans.add_plan", raise_exception=True)
def import_plan(request):
    """Step 1: the plan's details and its document. Its outline is shown, not saved."""
    form = PlanDocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid() and (outline := outline_of_form(form)):
        details = {key: form.cleaned_data[key] for key in PlanDetailsForm.base_fields}
        return _outline_page(request, details, outline.sections, preamble=outline.preamble)
    return render(request, "plan_import/import_plan.html", {"form": form})


def outline_of_form(form):
    """The outline of the plan's document a valid PlanTextForm holds, for a new plan or a
    revision; None, with the form's error saying why, when it has no numbered section."""
    outline = read_outline(form.cleaned_data["plan_text"])
    if outline.sections:
        return outline
    form.add_error(
        "document",
        "No numbered sections were found. Start each section's line with its number "
        "(1, 1.3, Section 3.5), or use Word's numbered headings.",
    )
    return None


@require_POST
@login_required
@permission_required("plans.add_plan", raise_exception=True)
def import_outline(request):
    """Step 2: the outline corrected (merge, split, renumber, retitle, theme) and saved."""
    details = PlanDetailsForm(request.POST, prefix=DETAILS_PREFIX)
    shown, sections = corrected_outline(request, details, page=_outline_page)
    if shown is not None:
        return shown
    outline = Outline(sections=sections, themes=themes_of(sections), preamble=[])
    try:
        plan = save_outline(
            outline,
            slug=details.cleaned_data["slug"],
            title=details.cleaned_data["title"],
            reference_prefix=details.cleaned_data["reference_prefix"],
            **{field: details.cleaned_data[field] for field in PlanDetailsForm.PLAN_DETAILS},
        )
    except (PlanExists, ValidationError) as error:
        details.add_error(
            None, error.messages if isinstance(error, ValidationError) else str(error)
        )
        return _outline_page(request, details, OutlineFormSet(request.POST, prefix=OUTLINE_PREFIX))
    messages.success(
        request, f"{plan.title} is saved with {len(sections)} sections. Its page is below."
    )
    return redirect(plan)


def corrected_outline(request, details, *, page):
    """The outline step's post, for a new plan or a plan's revision: (the page to show again,
    None) after a merge, a split or an error, where `page(request, details, sections or
    formset)` draws it; (None, the sections) when the officer saves a valid outline."""
    formset = OutlineFormSet(request.POST, prefix=OUTLINE_PREFIX)
    action = request.POST.get("action", "")
    if not formset.is_valid() and formset.non_form_errors():
        # Tampered management data or too many rows: nothing to correct, start again.
        messages.error(request, " ".join(formset.non_form_errors()))
        return redirect(request.path.removesuffix("outline/")), None
    if action.startswith(("merge-", "split-")):
        sections = _edited(formset.sections_as_typed(), action)
        return page(request, _as_typed(details), sections), None
    if not (details.is_valid() and formset.is_valid()):
        return page(request, details, formset), None
    return None, formset.sections()


def _as_typed(form):
    return {name: form[name].value() for name in form.fields}


def _row_action(action):
    """The row action the officer pressed, as ("merge", [3]) or ("split", [3, 2]); None for
    anything else (saving, or a tampered value)."""
    verb, *numbers = (action or "").split("-")
    if not numbers or not all(number.isdigit() for number in numbers):
        return None
    return verb, [int(number) for number in numbers]


def _edited(sections, action):
    """The outline after the row action the officer pressed ("merge-3", "split-3-2")."""
    match _row_action(action):
        case ("merge", [index]):
            return merge_into_previous(sections, index)
        case ("split", [index, paragraph]):
            return split_section(sections, index, paragraph)
    return sections


def _outline_page(request, details, sections_or_formset, *, preamble=()):
    """The preview of a new plan's outline."""
    if not isinstance(details, PlanDetailsForm):
        details = PlanDetailsForm(initial=details, prefix=DETAILS_PREFIX)
    return outline_page(
        request,
        details,
        sections_or_formset,
        preamble=preamble,
        save_label="Save the plan",
        details_heading="The plan",
        action=reverse("plan_import:import_outline"),
    )


@dataclass
class OutlineRow:
    """One section of the outline on the check page: its form, as read or typed, and its doubts.
    `number` places a section without one in the chapter of the section before it."""

    index: int
    form: OutlineSectionForm
    section: OutlineSection
    doubts: list
    number: str
    opened: bool

    @property
    def heading(self):
        return self.section.heading


def _rows(forms, sections, doubts, *, opened):
    rows, number = [], ""
    for index, (form, section, found) in enumerate(zip(forms, sections, doubts, strict=True)):
        number = section.number or number
        shown = bool(found or form.errors) or index in opened
        rows.append(OutlineRow(index, form, section, found, number, shown))
    return rows


def _opened_by(action):
    """The rows a merge or split just changed, shown open on a folded outline."""
    match _row_action(action):
        case ("merge", [index]):
            return {index - 1}
        case ("split", [index, _paragraph]):
            return {index, index + 1}
    return set()


def outline_page(
    request,
    details,
    sections_or_formset,
    *,
    save_label,
    details_heading,
    action,
    preamble=(),
    known_themes=(),
):
    """The preview: the outline beside the plan's wording, every row correctable; `details`
    (the plan's, or a revision's) beside it, and `action` where it posts. A revision's
    `known_themes`, its plan's, are offered first and the outline's themes checked against them."""
    if isinstance(sections_or_formset, OutlineFormSet):
        formset = sections_or_formset
        sections = formset.sections_as_typed()
    else:
        sections = sections_or_formset
        formset = OutlineFormSet(
            initial=[OutlineSectionForm.initial_of(section) for section in sections],
            prefix=OUTLINE_PREFIX,
        )
    doubts = outline_doubts(sections, known_themes=known_themes)
    rows = _rows(formset.forms, sections, doubts, opened=_opened_by(request.POST.get("action")))
    folded = len(rows) > FOLD_ABOVE
    return render(
        request,
        "plan_import/import_outline.html",
        {
            "details": details,
            "formset": formset,
            "rows": rows,
            "folded": folded,
            "chapters": (
                chapters_of(rows, every=[row.section for row in rows if row.section.number])
                if folded
                else []
            ),
            "to_check": [row for row in rows if row.doubts or row.form.errors],
            "unsure": sum(1 for found in doubts if found),
            "themes": themes_of(sections),
            "offered_themes": list(dict.fromkeys([*known_themes, *themes_of(sections)])),
            "preamble": preamble,
            "save_label": save_label,
            "details_heading": details_heading,
            "action": action,
        },
    )
