"""An officer's import of responses: the files chosen, the batch's progress while workers read
and import it, the review of each document's respondent, and each original kept to download."""

from django.contrib import messages
from django.db.models import Case, Count, IntegerField, Value, When
from django.db.models.functions import Substr
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from intake.forms import ImportForm, MappingForm, RecordForm, ReviewRowForm, SurveyForm
from intake.models import ImportBatch, ImportedDocument
from intake.selectors import comments_to_check, why_to_check
from intake.services import (
    BatchRefused,
    Upload,
    confirm_batch,
    confirm_links,
    guessed_mapping,
    progress_of,
    set_mapping,
    start_batch,
    start_survey,
)
from intake.surveys import SurveyUnreadable
from intake.tasks import enqueue_work, resume_stalled_batches
from marginalia.fields import is_database_id
from marginalia.pagination import paginate
from officers.permissions import officer_required
from plans.models import Plan
from responses.received import CannotRecord, record_response

# Without JavaScript, a batch at work reloads its page this often (seconds).
REFRESH_SECONDS = 3


@officer_required
def new_import(request, slug):
    plan = get_object_or_404(Plan, slug=slug)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        uploads = [Upload(upload.name, upload.read()) for upload in form.cleaned_data["files"]]
        try:
            batch = start_batch(
                plan=plan,
                user=request.user,
                uploads=uploads,
                channel=form.cleaned_data["channel"],
                received_on=form.cleaned_data["received_on"],
            )
        except BatchRefused as error:
            form.add_error("files", str(error))
        else:
            enqueue_work(batch)
            return redirect("intake:batch", pk=batch.pk)
    return render(request, "intake/new_import.html", {"plan": plan, "form": form})


def _batch_or_404(pk):
    return get_object_or_404(ImportBatch.objects.select_related("plan"), pk=pk)


@officer_required
def batch_detail(request, pk, mapping_form=None):
    """The batch as it stands: a survey's columns to assign, progress while at work, the review
    table, or what it imported."""
    batch = _batch_or_404(pk)
    resume_stalled_batches(ImportBatch.objects.filter(pk=pk))
    batch.refresh_from_db()
    documents = (
        batch.documents.defer("content", "text", "cells")
        .select_related("response")
        .order_by(
            Case(
                When(state=ImportedDocument.State.FAILED, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            ),
            "position",
        )
    )
    rows = []
    if batch.stage == ImportBatch.Stage.MAPPING and mapping_form is None:
        mapping_form = MappingForm(batch=batch, initial_mapping=guessed_mapping(batch))
    if batch.stage == ImportBatch.Stage.REVIEW:
        rows = [
            (document, _review_form(document)) for document in _read_documents(batch).defer("cells")
        ]
    return render(
        request,
        "intake/batch.html",
        {
            "batch": batch,
            "plan": batch.plan,
            "progress": progress_of(batch),
            "documents": documents,
            "rows": rows,
            "mapping_form": mapping_form,
            "mapping_rows": list(zip(mapping_form, _samples(batch), strict=True))
            if mapping_form
            else [],
            "refresh_seconds": REFRESH_SECONDS,
            "at_work": batch.at_work,
        },
    )


def _samples(batch):
    """Each column's answers in the survey's first rows, to show beside its <select>."""
    rows = list(batch.documents.order_by("position").values_list("cells", flat=True)[:3])
    return [
        [row[index] for row in rows if index < len(row) and row[index]]
        for index in range(len(batch.columns))
    ]


# The review table shows each document's first words: this many characters of its text are read.
PREVIEW_CHARACTERS = 400


def _read_documents(batch):
    """The batch's documents read and waiting for review, without their files (20 MB each) or
    their texts (as long): only the start of each text (`text_start`), which the table shows."""
    return (
        batch.documents.filter(state=ImportedDocument.State.READ)
        .defer("content", "text")
        .annotate(text_start=Substr("text", 1, PREVIEW_CHARACTERS))
    )


def _review_form(document, data=None):
    return ReviewRowForm(
        data,
        prefix=f"document-{document.pk}",
        initial={
            "include": True,
            "name": document.respondent_name,
            "kind": document.respondent_kind,
        },
    )


@require_POST
@officer_required
def confirm(request, pk):
    """The review confirmed: the batch imports in the background."""
    batch = _batch_or_404(pk)
    if batch.stage != ImportBatch.Stage.REVIEW:
        return redirect("intake:batch", pk=batch.pk)
    corrections = {}
    for document in _read_documents(batch).only("pk", "respondent_name", "respondent_kind"):
        form = _review_form(document, request.POST)
        if form.is_valid():
            data = form.cleaned_data
            corrections[document.pk] = (data["name"], data["kind"], data["include"])
    batch = confirm_batch(batch=batch, corrections=corrections)
    enqueue_work(batch)
    messages.success(request, "The import has started. You can leave this page: it goes on.")
    return redirect("intake:batch", pk=batch.pk)


@officer_required
def progress(request, pk):
    """The batch's progress for the page's script, which updates the bar without a reload."""
    batch = _batch_or_404(pk)
    resume_stalled_batches(ImportBatch.objects.filter(pk=pk))
    batch.refresh_from_db()
    figures = progress_of(batch)
    return JsonResponse(
        {"stage": batch.stage, "done": figures["done"], "total": figures["total"]},
        headers={"Cache-Control": "no-store"},
    )


@officer_required
def original(request, pk):
    """The document as it arrived, to download."""
    document = get_object_or_404(ImportedDocument.objects.select_related("batch"), pk=pk)
    if document.cells is not None:  # a survey's row: the survey's file as it came
        content, filename = document.batch.survey_file, document.batch.survey_filename
    else:
        content, filename = document.content, document.filename
    if not content:  # erased with a respondent's personal data (privacy)
        return render(request, "intake/original_erased.html", {"document": document}, status=410)
    response = HttpResponse(bytes(content), content_type="application/octet-stream")
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


@officer_required
def batches(request, slug):
    """The plan's imports, newest first."""
    plan = get_object_or_404(Plan, slug=slug)
    found = plan.import_batches.annotate(document_count=Count("documents")).select_related(
        "created_by"
    )
    return render(
        request,
        "intake/batches.html",
        {"plan": plan, "batches": found, "to_check": comments_to_check(plan).count()},
    )


@officer_required
def record(request, slug):
    """One response received outside the site, recorded by an officer: its links suggested, for
    the officer to check next."""
    plan = get_object_or_404(Plan, slug=slug)
    form = RecordForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            response = record_response(
                plan=plan,
                name=data["name"],
                kind=data["kind"],
                prose=data["prose"],
                channel=data["channel"],
                received_on=data["received_on"],
                publication_consent=data["publication_consent"],
                recorded_by=request.user,
            )
        except CannotRecord as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                f"Response {response.reference} from {response.respondent.name} is recorded. "
                "Check the links we suggested for its comments.",
            )
            return redirect(
                f"{reverse('intake:links_to_check', kwargs={'slug': plan.slug})}"
                f"?response={response.pk}"
            )
    return render(request, "intake/record.html", {"plan": plan, "form": form})


LINKS_PER_PAGE = 25


@officer_required
def links_to_check(request, slug):
    """The plan's received comments whose suggested links nobody has confirmed and that most
    need it; ticked ones are confirmed as they stand, a link corrects one on its own page."""
    plan = get_object_or_404(Plan, slug=slug)
    comments = comments_to_check(plan)
    response_id = request.GET.get("response", "")
    if is_database_id(response_id):
        comments = comments.filter(response_id=int(response_id))
    if request.method == "POST":
        ids = [int(value) for value in request.POST.getlist("confirm") if is_database_id(value)]
        confirmed = confirm_links(plan=plan, comment_ids=ids)
        messages.success(
            request,
            f"{confirmed} comment{'s' if confirmed != 1 else ''} confirmed: "
            f"{'they leave' if confirmed != 1 else 'it leaves'} the queue.",
        )
        return redirect(request.get_full_path())
    page = paginate(request, comments, per_page=LINKS_PER_PAGE)
    return render(
        request,
        "intake/links_to_check.html",
        {
            "plan": plan,
            "page": page,
            "rows": [(comment, why_to_check(comment)) for comment in page],
            "filtered_to": response_id if is_database_id(response_id) else "",
        },
    )


@officer_required
def new_survey(request, slug):
    """A survey tool's export: each row a response, once its columns are assigned."""
    plan = get_object_or_404(Plan, slug=slug)
    form = SurveyForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        survey = form.cleaned_data["survey"]
        try:
            batch = start_survey(
                plan=plan,
                user=request.user,
                name=survey.name,
                content=survey.read(),
                channel=form.cleaned_data["channel"],
                received_on=form.cleaned_data["received_on"],
            )
        except SurveyUnreadable as error:
            form.add_error("survey", str(error))
        else:
            return redirect("intake:batch", pk=batch.pk)
    return render(request, "intake/new_survey.html", {"plan": plan, "form": form})


@require_POST
@officer_required
def mapping(request, pk):
    """The survey's columns assigned: its rows are read in the background."""
    batch = _batch_or_404(pk)
    if batch.stage != ImportBatch.Stage.MAPPING:
        return redirect("intake:batch", pk=batch.pk)
    form = MappingForm(request.POST, batch=batch, initial_mapping=guessed_mapping(batch))
    if not form.is_valid():
        return batch_detail(request, pk, mapping_form=form)
    batch = set_mapping(batch=batch, mapping=form.cleaned_data["mapping"])
    enqueue_work(batch)
    return redirect("intake:batch", pk=batch.pk)
