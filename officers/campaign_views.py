"""Officers' pages of a plan's campaigns (responses sent as near-copies of one letter): the
threshold and the grouping, the campaigns each once, a campaign's letter and what each member
added, and a member split out."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from marginalia.next_url import safe_next_url
from marginalia.pagination import paginate
from officers.campaign_forms import GroupingForm
from officers.models import Redaction
from officers.permissions import officer_required
from officers.redactions import CannotRedact, redact_in_campaign
from plans.models import Plan
from responses.campaigns.grouping import GROUPED_STATUSES, split_out
from responses.campaigns.tasks import request_grouping, resume_stalled_groupings
from responses.models import Campaign, CampaignGrouping, Response
from responses.selectors import campaign_members, campaigns_of, with_additions

CAMPAIGNS_PER_PAGE = 50
MEMBERS_PER_PAGE = 50
# Without JavaScript, the page reloads itself this often (seconds) while grouping is at work.
REFRESH_SECONDS = 5


@officer_required
def campaigns(request, slug):
    plan = get_object_or_404(Plan, slug=slug)
    # A grouping whose worker died is taken up again when an officer looks.
    resume_stalled_groupings(CampaignGrouping.objects.filter(plan=plan))
    grouping = CampaignGrouping.objects.filter(plan=plan).first()
    form = GroupingForm(
        request.POST or None,
        initial={"threshold": (grouping or CampaignGrouping()).threshold},
    )
    if request.method == "POST" and form.is_valid():
        request_grouping(plan=plan, threshold=form.cleaned_data["threshold"])
        messages.success(request, "Grouping has started. This page shows how it stands.")
        return redirect("officers:campaigns", slug=plan.slug)
    arrived_since = (
        Response.objects.filter(
            plan=plan, status__in=GROUPED_STATUSES, submitted_at__gt=grouping.grouped_at
        ).count()
        if grouping and grouping.grouped_at
        else None
    )
    return render(
        request,
        "officers/campaigns.html",
        {
            "plan": plan,
            "grouping": grouping,
            "form": form,
            "page": paginate(request, campaigns_of(plan), per_page=CAMPAIGNS_PER_PAGE),
            "arrived_since": arrived_since,
            "refresh_seconds": REFRESH_SECONDS,
        },
    )


@officer_required
def campaign(request, pk):
    campaign = get_object_or_404(Campaign.objects.select_related("plan"), pk=pk)
    page = paginate(
        request,
        campaign_members(campaign=campaign, viewer=request.user),
        per_page=MEMBERS_PER_PAGE,
    )
    page.object_list = with_additions(page.object_list, campaign=campaign)
    return render(
        request,
        "officers/campaign.html",
        {
            "campaign": campaign,
            "plan": campaign.plan,
            "page": page,
            "kinds": Redaction.Kind.choices,
        },
    )


@require_POST
@officer_required
def campaign_redactions(request, pk):
    """Words redacted once for the campaign's letter: in every member's comments that say them."""
    campaign = get_object_or_404(Campaign, pk=pk)
    kind = request.POST.get("kind")
    try:
        redacted = redact_in_campaign(
            campaign,
            request.POST.get("words", ""),
            by=request.user,
            reason=request.POST.get("reason", ""),
            kind=kind if kind in Redaction.Kind.values else Redaction.Kind.OTHER,
        )
    except CannotRedact as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(
            request,
            f"Redacted in {redacted:,} member{'s' if redacted != 1 else ''}' letters: the public "
            "reads “[redacted]” in their place.",
        )
    return redirect("officers:campaign", pk=campaign.pk)


@require_POST
@officer_required
def split_out_member(request, pk):
    response = get_object_or_404(
        Response.objects.visible_to(request.user).select_related("plan"), pk=pk
    )
    plan_campaigns = reverse("officers:campaigns", kwargs={"slug": response.plan.slug})
    if response.campaign_id is None:
        messages.error(request, f"{response} is in no campaign: there is nothing to split it from.")
        return redirect(plan_campaigns)
    campaign = split_out(response=response)
    if campaign is None:
        messages.success(
            request,
            f"{response} is split out and will not be grouped again. Its campaign had no other "
            "member left, so it is a campaign no more.",
        )
        return redirect(plan_campaigns)
    messages.success(
        request, f"{response} is split out of the campaign and will not be grouped again."
    )
    return redirect(
        safe_next_url(request, reverse("officers:campaign", kwargs={"pk": campaign.pk}))
    )
