"""The coding frame as the report tells it: per code, how many of the report's comments have it,
by stance and by respondent kind, and the comments that stand for it (those officers chose to
quote, else those the machine read most surely)."""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import F

from coding.models import Code, in_frame_order

QUOTES_PER_CODE = 2


@dataclass
class CodeSummary:
    code: Code
    count: int = 0
    by_stance: Counter = field(default_factory=Counter)
    by_kind: Counter = field(default_factory=Counter)
    quoted: list = field(default_factory=list)  # comments


def code_summaries(plan, comments, codings) -> list[CodeSummary]:
    """The plan's codes, themes each before their sub-themes, over `comments` (a queryset) and
    the `codings` the reader may read (coding.publication): a few queries however many."""
    summaries = {code.pk: CodeSummary(code) for code in in_frame_order(plan)}
    codings = codings.filter(comment__in=comments)
    for code, stance, kind in codings.values_list(
        "code_id", "comment__stance", "comment__response__respondent__kind"
    ):
        summary = summaries[code]
        summary.count += 1
        summary.by_stance[stance] += 1
        summary.by_kind[kind] += 1
    chosen = {}
    for code, comment in codings.order_by(
        "code_id", "-quoted", F("score").desc(nulls_last=True), "comment_id"
    ).values_list("code_id", "comment_id"):
        picked = chosen.setdefault(code, [])
        if len(picked) < QUOTES_PER_CODE:
            picked.append(comment)
    shown = {
        comment.pk: comment
        for comment in comments.filter(pk__in=[pk for pks in chosen.values() for pk in pks])
    }
    for code, pks in chosen.items():
        summaries[code].quoted = [shown[pk] for pk in pks if pk in shown]
    return list(summaries.values())
