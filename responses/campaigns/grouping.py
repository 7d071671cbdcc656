"""A plan's campaigns: its responses grouped by near-copies (near_copies.py) and written as
`Campaign`s; a member split out by an officer.

Grouping reads every submitted and published response of the plan (100,000 of them, as plain
rows: never a model object each), and replaces the plan's campaigns in one transaction, so a
reader sees the old campaigns or the new ones, never half of either. A response an officer split
out (`Response.kept_apart`) is never grouped again. Responses that arrive later join no campaign
until an officer groups again: regrouping 100,000 responses takes a minute or more, too long to
do on every import or submission. Each change locks the plan's CampaignGrouping row, so a split
and a grouping never interleave.
"""

from dataclasses import dataclass
from decimal import Decimal
from itertools import groupby
from operator import itemgetter

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from plans.models import Plan
from responses.campaigns.near_copies import group_near_copies, shared_text
from responses.models import Campaign, CampaignGrouping, Comment, Response

# A campaign's letter is what at least this share of its members sent: among thousands of
# members each changing a sentence of their own, little is shared by every one of them. It is
# read from this many members at most, spread evenly over the campaign: what most of them sent,
# most of all the members sent, and reading 2,000 would take seconds a campaign.
LETTER_SHARE = 0.5
LETTER_SAMPLE = 200
# Responses given their campaign per UPDATE (a campaign's, at most), and comments read per
# round trip.
UPDATE_BATCH = 1_000
READ_CHUNK = 5_000
GROUPED_STATUSES = (Response.Status.SUBMITTED, Response.Status.PUBLISHED)


@dataclass(frozen=True)
class GroupingResult:
    responses: int  # read and compared
    campaigns: int
    members: int  # responses in a campaign


def response_text(comment_texts):
    """A response's whole text: its comments' texts in position order, a blank line between."""
    return "\n\n".join(comment_texts)


def texts_to_group(plan):
    """{response id: its text} of the plan's submitted and published responses that no officer
    kept apart, read as rows a chunk at a time."""
    rows = (
        Comment.objects.filter(
            response__plan=plan,
            response__status__in=GROUPED_STATUSES,
            response__kept_apart=False,
        )
        .order_by("response_id", "position")
        .values_list("response_id", "text")
    )
    return {
        response_id: response_text(text for _, text in comments)
        for response_id, comments in groupby(
            rows.iterator(chunk_size=READ_CHUNK), key=itemgetter(0)
        )
    }


def group_campaigns(*, plan, threshold) -> GroupingResult:
    """Group the plan's responses into campaigns of near-copies at `threshold` (0.5 to 1), in
    place of the campaigns it had, and record when and at what threshold on its
    CampaignGrouping. A group of one is no campaign."""
    texts = texts_to_group(plan)
    groups = group_near_copies(texts, threshold=float(threshold))
    letters = [
        shared_text((texts[pk] for pk in _spread(group, LETTER_SAMPLE)), share=LETTER_SHARE)
        for group in groups
    ]
    read = len(texts)
    del texts
    with transaction.atomic():
        grouping = _lock_grouping(plan, threshold=threshold)
        Response.objects.filter(plan=plan, campaign__isnull=False).update(campaign=None)
        Campaign.objects.filter(plan=plan).delete()
        campaigns = Campaign.objects.bulk_create(
            Campaign(plan=plan, shared_text=letter) for letter in letters
        )
        # Read again under the lock: a response split out while the texts were compared.
        kept_apart = set(
            Response.objects.filter(plan=plan, kept_apart=True).values_list("pk", flat=True)
        )
        members = 0
        for campaign, group in zip(campaigns, groups, strict=True):
            joining = [pk for pk in group if pk not in kept_apart]
            for start in range(0, len(joining), UPDATE_BATCH):
                batch = joining[start : start + UPDATE_BATCH]
                Response.objects.filter(pk__in=batch).update(campaign=campaign)
            members += len(joining)
        _delete_campaigns_of_one(Campaign.objects.filter(plan=plan))
        grouping.grouped_at = timezone.now()
        grouping.grouped_threshold = Decimal(threshold)
        grouping.responses_read = read
        grouping.save(update_fields=["grouped_at", "grouped_threshold", "responses_read"])
        Plan.objects.filter(pk=plan.pk).bump_generation()
        campaign_count = Campaign.objects.filter(plan=plan).count()
    return GroupingResult(responses=read, campaigns=campaign_count, members=members)


def split_out(*, response):
    """Take `response` out of its campaign and keep it apart from every later grouping; a
    campaign left with one member is no campaign. Returns the campaign if it still stands."""
    with transaction.atomic():
        CampaignGrouping.objects.select_for_update().filter(plan_id=response.plan_id).first()
        response = Response.objects.select_for_update().get(pk=response.pk)
        campaign_id = response.campaign_id
        response.campaign = None
        response.kept_apart = True
        response.save(update_fields=["campaign", "kept_apart"])
        _delete_campaigns_of_one(Campaign.objects.filter(pk=campaign_id))
        Plan.objects.filter(pk=response.plan_id).bump_generation()
        return Campaign.objects.filter(pk=campaign_id).first()


def _spread(items, count):
    """At most `count` of `items`, spread evenly from the first to the last."""
    if len(items) <= count:
        return items
    return [items[i * (len(items) - 1) // (count - 1)] for i in range(count)]


def _lock_grouping(plan, *, threshold):
    """The plan's CampaignGrouping, made if it has none, locked until the transaction ends."""
    grouping, _ = CampaignGrouping.objects.get_or_create(
        plan=plan, defaults={"threshold": threshold, "state": CampaignGrouping.State.DONE}
    )
    return CampaignGrouping.objects.select_for_update().get(pk=grouping.pk)


def _delete_campaigns_of_one(campaigns):
    """Delete those of `campaigns` left with fewer than two members: one letter is no campaign."""
    lonely = campaigns.annotate(member_count=Count("members")).filter(member_count__lt=2)
    Campaign.objects.filter(pk__in=list(lonely.values_list("pk", flat=True))).delete()
