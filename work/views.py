"""An officer's home: what waits for them in each plan, each queue a link to its page; and the
moderation queue, where submitted responses wait to be published."""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Case, CharField, Exists, Min, OuterRef, Q, Value, When
from django.db.models.functions import Cast, Concat
from django.shortcuts import get_object_or_404, redirect, render

from marginalia.fields import is_database_id
from marginalia.pagination import paginate
from officers.models import Redaction
from officers.moderation import (
    approve,
    awaiting_moderation,
    read_for_personal_data,
    reject,
    waiting_responses,
)
from officers.permissions import can_publish, officer_required
from plans.models import Plan
from responses.models import Response
from work.queues import work_of_plans


@officer_required
def home(request):
    return render(request, "work/home.html", {"plans": work_of_plans()})


# The answers a moderator filters by; "none" for a response whose answer nobody recorded.
CONSENT_FILTERS = [("", "Any"), *Response.Consent.choices, ("none", "Not recorded")]


@dataclass
class Waiting:
    """One row of the moderation queue: a response, or a campaign's waiting near-copies."""

    key: str
    responses: list

    @property
    def first(self):
        return self.responses[0]

    @property
    def campaign(self):
        return self.first.campaign if self.key.startswith("c-") else None

    @property
    def to_decide(self):
        return sum(response.to_decide for response in self.responses)

    @property
    def redacted(self):
        return sum(response.redacted for response in self.responses)


def _rows(responses):
    rows, campaigns = [], {}
    for response in responses:
        if response.campaign_id is None:
            rows.append(Waiting(f"r-{response.pk}", [response]))
        elif response.campaign_id in campaigns:
            campaigns[response.campaign_id].responses.append(response)
        else:
            campaigns[response.campaign_id] = Waiting(f"c-{response.campaign_id}", [response])
            rows.append(campaigns[response.campaign_id])
    return rows


def _row_keys(waiting):
    """The queue's rows as the database groups them, oldest first: a response's key ("r-<id>"),
    or for a campaign's near-copies their campaign's ("c-<id>"), so that a page of rows is read
    without reading every waiting response."""
    key = Case(
        When(campaign_id=None, then=Concat(Value("r-"), Cast("pk", CharField()))),
        default=Concat(Value("c-"), Cast("campaign_id", CharField())),
        output_field=CharField(),
    )
    return (
        waiting.order_by()
        .annotate(row=key)
        .values("row")
        .annotate(first_at=Min("submitted_at"), first=Min("pk"))
        .order_by("first_at", "first")
        .values_list("row", flat=True)
    )


def _page_of_rows(request, plan, waiting):
    page = paginate(request, _row_keys(waiting))
    keys = list(page.object_list)
    members = awaiting_moderation(plan).filter(pk__in=waiting.values("pk")) & _keyed(plan, keys)
    rows = {row.key: row for row in _rows(members)}
    page.object_list = [rows[key] for key in keys if key in rows]
    return page


@officer_required
def moderation(request, slug):
    """The plan's submitted responses waiting to be published: each with its respondent's
    consent and the personal data found in it; approve (publish) or reject with a reason, one
    or many at once. A campaign's near-copies are one row, moderated together."""
    plan = get_object_or_404(Plan, slug=slug)
    if request.method == "POST":
        return _moderate(request, plan)
    read_for_personal_data(plan)
    waiting = waiting_responses(plan)
    consent = request.GET.get("consent", "")
    if consent in Response.Consent.values:
        waiting = waiting.filter(publication_consent=consent)
    elif consent == "none":
        waiting = waiting.filter(publication_consent="")
    if request.GET.get("personal_data"):
        waiting = waiting.filter(_findings_to_decide())
    every = waiting_responses(plan)
    return render(
        request,
        "work/moderation.html",
        {
            "plan": plan,
            "page": _page_of_rows(request, plan, waiting),
            "counts": {
                "waiting": every.count(),
                "to_decide": every.filter(_findings_to_decide()).count(),
                "not_recorded": every.filter(publication_consent="").count(),
                "withheld": every.filter(publication_consent=Response.Consent.WITHHELD).count(),
            },
            "consent_filters": CONSENT_FILTERS,
            "chosen_consent": consent,
            "only_personal_data": bool(request.GET.get("personal_data")),
            "can_publish": can_publish(request.user),
        },
    )


def _moderate(request, plan):
    if not can_publish(request.user):
        raise PermissionDenied("Only policy officers who publish responses may moderate them.")
    back = request.get_full_path()
    chosen = _chosen(plan, request.POST.getlist("chosen"))
    action, reason = request.POST.get("action"), request.POST.get("reason", "").strip()
    if not chosen:
        messages.error(request, "Choose the responses to approve or reject.")
        return redirect(back)
    if action == "reject":
        if not reason:
            messages.error(request, "Say why the responses are rejected.")
            return redirect(back)
        done = reject(chosen, by=request.user, reason=reason).done
        messages.success(request, f"Rejected {_count(done)}: they will not be published.")
    elif action == "approve":
        outcome = approve(chosen, by=request.user)
        if outcome.done:
            messages.success(request, f"Published {_count(outcome.done)}.")
        for response, why in outcome.refused:
            messages.error(request, f"{response.reference} was not published. {why}")
    else:
        messages.error(request, "Choose whether to approve or reject them.")
    return redirect(back)


def _chosen(plan, keys):
    """The waiting responses the rows chosen stand for (a campaign's row: its members)."""
    return list(awaiting_moderation(plan) & _keyed(plan, keys))


def _keyed(plan, keys):
    """The plan's responses the row keys stand for: "r-<id>" a response, "c-<id>" a campaign's."""
    ids = {int(key[2:]) for key in keys if key.startswith("r-") and is_database_id(key[2:])}
    campaigns = {int(key[2:]) for key in keys if key.startswith("c-") and is_database_id(key[2:])}
    return Response.objects.filter(plan=plan).filter(Q(pk__in=ids) | Q(campaign_id__in=campaigns))


def _findings_to_decide():
    return Exists(
        Redaction.objects.filter(comment__response=OuterRef("pk"), state=Redaction.State.PROPOSED)
    )


def _count(responses):
    return f"{len(responses)} response{'s' if len(responses) != 1 else ''}"
