"""Redacting personal data from what the public reads of a comment, as an overlay: the
respondent's text is never edited. Each comment is read by the personal data finder
(officers.personal_data) when it is saved, and an import's comments in the background; what it
finds is proposed, for an officer to redact or set aside. An officer may also redact words of
their own choosing. The public text (Comment.public_text) is the text with every redaction laid
over it, worked out again at each change, which moves the plan's generation so no cached page
shows the old words.

Words that quote the plan are the plan's: they are never proposed, and an officer cannot redact
them by accident.
"""

from django.db import transaction
from django.utils import timezone

from officers.models import Redaction
from officers.personal_data import find_personal_data, quoted_spans
from plans.models import Plan
from responses.models import Comment, Respondent

# What the public reads in place of redacted words.
REDACTED = "[redacted]"
# Comments read per query when scanning many (an import, the command).
SCAN_CHUNK = 500


class CannotRedact(Exception):
    """The words given cannot be redacted, and why."""


def scan_comment(comment: Comment) -> list[Redaction]:
    """Read `comment`'s text for personal data: each new finding is proposed; a proposal whose
    words are no longer there (a draft rewritten) goes. Decided redactions are kept as they are.
    """
    found = find_personal_data(
        comment.text, own_names=_own_names(comment.response), quoted=_quoted(comment)
    )
    with transaction.atomic():
        known = {(r.start, r.end): r for r in comment.redactions.all()}
        stale = [
            r.pk
            for r in known.values()
            if r.state == Redaction.State.PROPOSED and comment.text[r.start : r.end] != r.exact
        ]
        Redaction.objects.filter(pk__in=stale).delete()
        fresh = [
            Redaction(
                comment=comment,
                start=each.start,
                end=each.end,
                exact=each.words(comment.text),
                kind=each.kind,
                found_by_finder=True,
            )
            for each in found
            if (each.start, each.end) not in known or known[(each.start, each.end)].pk in stale
        ]
        for redaction in fresh:
            redaction.save()
        Comment.objects.filter(pk=comment.pk).update(personal_data_scanned_at=timezone.now())
    return fresh


def scan_unscanned(comments) -> int:
    """Scan each of `comments` (a queryset) not yet read by the finder; how many were read."""
    scanned = 0
    pending = comments.filter(personal_data_scanned_at=None).select_related("response__respondent")
    while batch := list(pending.order_by("pk")[:SCAN_CHUNK]):
        for comment in batch:
            scan_comment(comment)
        scanned += len(batch)
    return scanned


def _own_names(response):
    """The respondent's own name, when a person's, and an organisation's contact: theirs to
    keep out of what is published."""
    names = [response.contact_name]
    if response.respondent.kind == Respondent.Kind.INDIVIDUAL:
        names.append(response.respondent.name)
    return [name for name in names if name]


def _quoted(comment):
    return [link.exact for link in comment.section_links.all() if link.exact]


@transaction.atomic
def decide(redaction: Redaction, state: str, *, by, reason="") -> Redaction:
    """Redact, set aside or lift `redaction` (a Redaction.State), by officer `by`, with their
    reason; the public text follows."""
    if state not in (Redaction.State.REDACTED, Redaction.State.SET_ASIDE, Redaction.State.LIFTED):
        raise CannotRedact("Choose whether to redact the words, set them aside or lift it.")
    if state == Redaction.State.LIFTED and redaction.state != Redaction.State.REDACTED:
        raise CannotRedact("Only a redaction can be lifted.")
    if state == Redaction.State.REDACTED:
        _check_not_quoting_the_plan(redaction.comment, redaction.start, redaction.end)
    _decided(redaction, state, by=by, reason=reason)
    refresh_public_text(redaction.comment)
    return redaction


@transaction.atomic
def redact_words(comment: Comment, words: str, *, by, reason="", kind=Redaction.Kind.OTHER):
    """Redact every place `comment`'s text holds `words` (as typed, any case); the
    Redactions made. CannotRedact when the text does not hold them, or they quote the plan."""
    words = words.strip()
    if not words:
        raise CannotRedact("Enter the words to redact, as the comment has them.")
    places = _places(comment.text, words)
    if not places:
        raise CannotRedact(f"The comment does not say “{words}”: copy the words from it.")
    made = []
    for start, end in places:
        _check_not_quoting_the_plan(comment, start, end)
        redaction, _ = Redaction.objects.get_or_create(
            comment=comment,
            start=start,
            end=end,
            defaults={"exact": comment.text[start:end], "kind": kind},
        )
        made.append(_decided(redaction, Redaction.State.REDACTED, by=by, reason=reason))
    refresh_public_text(comment)
    return made


@transaction.atomic
def redact_in_campaign(campaign, words: str, *, by, reason="", kind=Redaction.Kind.OTHER) -> int:
    """Redact `words` once for a campaign's shared letter: in every comment of every member that
    says them (redact_words each); how many comments. CannotRedact, and nothing redacted, when
    no member's comment says them, or one quotes the plan with them."""
    words = words.strip()
    if not words:
        raise CannotRedact("Enter the words to redact, as the letter has them.")
    comments = Comment.objects.filter(
        response__campaign=campaign, text__icontains=words
    ).select_related("response")
    redacted = 0
    for comment in comments:
        redact_words(comment, words, by=by, reason=reason, kind=kind)
        redacted += 1
    if not redacted:
        raise CannotRedact(f"No member's letter says “{words}”: copy the words from it.")
    return redacted


def _places(text, words):
    lowered, wanted = text.lower(), words.lower()
    places, start = [], lowered.find(wanted)
    while start != -1:
        places.append((start, start + len(wanted)))
        start = lowered.find(wanted, start + len(wanted))
    return places


def _check_not_quoting_the_plan(comment, start, end):
    for quote in _quoted(comment):
        for at, until in quoted_spans(comment.text, [quote]):
            if start < until and at < end:
                raise CannotRedact(
                    f"“{comment.text[start:end]}” quotes the plan (“{quote}”): the plan's "
                    "words are not personal data."
                )


def _decided(redaction, state, *, by, reason):
    redaction.state = state
    redaction.reason = reason.strip()[:300]
    redaction.decided_by = by
    redaction.decided_at = timezone.now()
    redaction.save()
    return redaction


def public_text_of(text, redactions) -> str | None:
    """`text` with each redacted place laid over by REDACTED (places that overlap or touch
    become one); None when nothing is redacted."""
    places = [
        (r.start, r.end)
        for r in redactions
        if r.state == Redaction.State.REDACTED and text[r.start : r.end] == r.exact
    ]
    return cover(text, places, REDACTED) if places else None


def cover(text, places, mark) -> str:
    """`text` with each of `places` ((start, end) pairs) laid over by `mark`: places that
    overlap or touch become one."""
    merged = []
    for start, end in sorted(places):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    pieces, position = [], 0
    for start, end in merged:
        pieces += [text[position:start], mark]
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def refresh_public_text(comment: Comment) -> None:
    """Work the public text out again from the comment's redactions, and move its plan's
    generation: no cached page, figure or search result shows the words it had."""
    public = public_text_of(comment.text, comment.redactions.all())
    Comment.objects.filter(pk=comment.pk).update(public_text=public)
    comment.public_text = public
    Plan.objects.filter(pk=comment.response.plan_id).bump_generation()
