"""An officer's import of responses: the files chosen, the batch's progress while workers read
and import it, the review of each document's respondent, and each original kept to download."""

from django.contrib import messages
from django.db.models import Case, IntegerField, Value, When
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from intake.forms import ImportForm, ReviewRowForm
from intake.models import ImportBatch, ImportedDocument
from intake.services import BatchRefused, Upload, confirm_batch, progress_of, start_batch
from intake.tasks import enqueue_work, resume_stalled_batches
from officers.permissions import officer_required
from plans.models import Plan

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
def batch_detail(request, pk):
    """The batch as it stands: progress while at work, the review table, or what it imported."""
    batch = _batch_or_404(pk)
    resume_stalled_batches()
    batch.refresh_from_db()
    documents = (
        batch.documents.defer("content", "text")
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
    if batch.stage == ImportBatch.Stage.REVIEW:
        rows = [
            (document, _review_form(document))
            for document in batch.documents.filter(state=ImportedDocument.State.READ)
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
            "refresh_seconds": REFRESH_SECONDS,
            "at_work": batch.stage in (ImportBatch.Stage.READING, ImportBatch.Stage.IMPORTING),
        },
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
    for document in batch.documents.filter(state=ImportedDocument.State.READ):
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
    resume_stalled_batches()
    batch.refresh_from_db()
    figures = progress_of(batch)
    return JsonResponse(
        {"stage": batch.stage, "done": figures["done"], "total": figures["total"]},
        headers={"Cache-Control": "no-store"},
    )


@officer_required
def original(request, pk):
    """The document as it arrived, to download."""
    document = get_object_or_404(ImportedDocument, pk=pk)
    response = HttpResponse(bytes(document.content), content_type="application/octet-stream")
    response["Content-Disposition"] = _attachment(document.filename)
    return response


def _attachment(filename):
    return content_disposition_header(as_attachment=True, filename=filename)
