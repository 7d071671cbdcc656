"""How far two officers agree in coding the same comments: a sample of comments the first coding
covers (confirmed or given by officers) drawn at random, coded again by a second officer who is
not shown the first coding, then measured as professional coders measure it, with scikit-learn's
Cohen's kappa: for each code, over whether each comment of the sample has it in each coding;
overall, over every (comment, code) decision of the sample pooled; with the share of those
decisions on which the two agree. The comments they disagree on are resolved by an officer, and
the codes that stand replace the comment's first coding.
"""

import math
import random
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from sklearn.metrics import cohen_kappa_score

from coding.frame import CannotCode, code_comments
from coding.models import BY_OFFICERS, AgreementSample, Assignment, Code, SampleItem
from coding.publication import coding_changed
from responses.models import Comment

SAMPLE_SIZES = (5, 500)


@transaction.atomic
def draw_sample(plan, *, size: int, drawn_by, second_coder) -> AgreementSample:
    """`size` comments of the plan with a first coding, drawn at random (the same draw for the
    same sample), each with the codes it has now; for `second_coder`, who is not `drawn_by`."""
    if second_coder is None or second_coder == drawn_by:
        raise CannotCode("Choose another officer to code the sample a second time.")
    coded = sorted(
        set(
            Assignment.objects.filter(code__plan=plan, origin__in=BY_OFFICERS).values_list(
                "comment_id", flat=True
            )
        )
    )
    if not coded:
        raise CannotCode("No comment of this plan is coded yet: code some first.")
    sample = AgreementSample.objects.create(plan=plan, drawn_by=drawn_by, second_coder=second_coder)
    chosen = sorted(random.Random(sample.pk).sample(coded, min(size, len(coded))))
    first = {}
    for comment, code in Assignment.objects.filter(
        comment__in=chosen, code__plan=plan, origin__in=BY_OFFICERS
    ).values_list("comment_id", "code_id"):
        first.setdefault(comment, []).append(code)
    SampleItem.objects.bulk_create(
        [
            SampleItem(
                sample=sample, position=position, comment_id=pk, first_codes=sorted(first[pk])
            )
            for position, pk in enumerate(chosen, start=1)
        ]
    )
    return sample


def next_to_code(sample):
    return sample.items.filter(second_codes__isnull=True).select_related("comment").first()


def second_code(item: SampleItem, codes, *, by) -> SampleItem:
    """The second officer's codes of a comment of their sample."""
    if by != item.sample.second_coder:
        raise CannotCode("Only the officer the sample was drawn for codes it a second time.")
    item.second_codes = sorted(code.pk for code in codes)
    item.second_coded_at = timezone.now()
    item.save(update_fields=["second_codes", "second_coded_at"])
    return item


@transaction.atomic
def resolve(item: SampleItem, codes, *, by, note="") -> SampleItem:
    """Settle a disagreement: the codes that stand are the comment's coding from now on (those
    given as by `by`, the others taken off), and the resolution is recorded."""
    if not item.disagrees:
        raise CannotCode("The two codings of this comment agree: there is nothing to resolve.")
    standing = {code.pk for code in codes}
    plan_codes = Code.objects.filter(plan=item.sample.plan_id)
    Assignment.objects.filter(comment=item.comment_id, code__in=plan_codes).exclude(
        code__in=standing
    ).delete()
    for code in plan_codes.filter(pk__in=standing):
        code_comments(Comment.objects.filter(pk=item.comment_id), code, by=by)
    coding_changed(item.sample.plan_id)
    item.resolved_codes = sorted(standing)
    item.resolved_by, item.resolved_at = by, timezone.now()
    item.resolution_note = note.strip()[:300]
    item.save()
    return item


@dataclass
class Agreement:
    """Of one code (None: every code pooled): Cohen's kappa (None when it cannot be worked out:
    every decision alike), the share of decisions agreed, and how many comments each coding gave
    it."""

    code: Code | None
    kappa: float | None
    agreed: float
    first: int
    second: int


def measure(sample: AgreementSample) -> tuple[Agreement | None, list[Agreement]]:
    """The sample's agreement overall and per code (the codes either coding gave), over the
    comments coded a second time; (None, []) before any is."""
    items = list(sample.items.filter(second_codes__isnull=False))
    if not items:
        return None, []
    used = sorted({pk for item in items for pk in [*item.first_codes, *item.second_codes]})
    codes = {code.pk: code for code in Code.objects.filter(pk__in=used).select_related("parent")}
    per_code, pooled_first, pooled_second = [], [], []
    for pk in used:
        first = [int(pk in item.first_codes) for item in items]
        second = [int(pk in item.second_codes) for item in items]
        pooled_first += first
        pooled_second += second
        per_code.append(_agreement(codes.get(pk), first, second))
    return _agreement(None, pooled_first, pooled_second), per_code


def _agreement(code, first, second):
    kappa = cohen_kappa_score(first, second) if len(set(first) | set(second)) > 1 else None
    if kappa is not None and math.isnan(kappa):
        kappa = None
    agreed = sum(a == b for a, b in zip(first, second, strict=True)) / len(first)
    return Agreement(code, kappa, agreed, sum(first), sum(second))
