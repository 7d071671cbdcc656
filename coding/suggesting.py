"""Suggested themes and codes asked for, read and stored: which comments a ThemeSuggesting reads
(the officers' filters it was asked with, as the officer who asked reads them, or a suggested
theme's comments to split it), and its themes written in one transaction (coding.themes reads
them); a code suggested for each comment not yet coded, from those officers coded."""

from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.http import QueryDict
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from coding.code_suggestions import FEWEST_CODES, FEWEST_PER_CODE, Coded, suggest_codes
from coding.filters import chosen_comments
from coding.models import (
    BY_OFFICERS,
    Assignment,
    Code,
    CodeSuggesting,
    SuggestedMember,
    SuggestedTheme,
    ThemeSuggesting,
)
from coding.publication import coding_changed
from coding.themes import Read, suggest_themes
from responses.models import Comment, Response
from responses.selectors import visible_comments

READ_CHUNK = 2_000
WRITE_BATCH = 5_000
# Suggestions are written again from the start this many times at most when an officer's
# coding of the same comments meanwhile clashes with them.
WRITE_ATTEMPTS = 3


def comments_of(suggesting: ThemeSuggesting):
    """The comments the suggesting reads, as a queryset."""
    if suggesting.split_from_id is not None:
        return Comment.objects.filter(
            pk__in=SuggestedMember.objects.filter(theme=suggesting.split_from_id).values(
                "comment_id"
            )
        )
    plan = suggesting.plan
    if suggesting.requested_by is not None:
        comments = visible_comments(suggesting.requested_by).filter(response__plan=plan)
    else:
        comments = Comment.objects.filter(
            response__plan=plan,
            response__status__in=[Response.Status.SUBMITTED, Response.Status.PUBLISHED],
        )
    if suggesting.filters:
        data = QueryDict(suggesting.filters, mutable=True)
        data.pop("sort", None)
        _chosen, comments = chosen_comments(data, comments, plan=plan)
    return comments


def read_and_store(suggesting: ThemeSuggesting) -> int:
    """Read the suggesting's comments for themes and store them in place of any it had; how
    many comments were read (a campaign's near-copies once). TooFewComments when too few."""
    rows = comments_of(suggesting).order_by("pk").values_list("pk", "text", "response__campaign_id")
    comments = [Read(pk, text, campaign) for pk, text, campaign in rows.iterator(READ_CHUNK)]
    themes = suggest_themes(comments, wanted=suggesting.themes_wanted)
    read = len({c.campaign if c.campaign is not None else -c.pk for c in comments})
    with transaction.atomic():
        suggesting.themes.all().delete()
        for position, theme in enumerate(themes, start=1):
            stored = SuggestedTheme.objects.create(
                suggesting=suggesting,
                position=position,
                label=theme.label[:200],
                phrases=theme.phrases,
                comment_count=theme.count,
                representative=theme.representative,
            )
            SuggestedMember.objects.bulk_create(
                [SuggestedMember(theme=stored, comment_id=pk, score=s) for pk, s in theme.members],
                batch_size=5_000,
            )
        ThemeSuggesting.objects.filter(pk=suggesting.pk).update(comments_read=read)
    return read


def uncoded_comments(plan):
    """The plan's submitted and published comments no code of its frame was given."""
    return _received(plan).exclude(codings__code__plan=plan)


def _received(plan):
    return Comment.objects.filter(
        response__plan=plan,
        response__status__in=[Response.Status.SUBMITTED, Response.Status.PUBLISHED],
    )


# The codes suggested by an earlier suggesting of codes that no officer has confirmed or quoted
# since: suggesting again replaces them. The rest (the officers', a suggested theme's accepted,
# a quoted one) it leaves as they are.
REPLACEABLE = Q(origin=Assignment.Origin.SUGGESTED, suggested_in__isnull=False, quoted=False)


def _replaceable(plan):
    return Assignment.objects.filter(REPLACEABLE, code__plan=plan)


def _settled(plan):
    return Assignment.objects.filter(code__plan=plan).exclude(REPLACEABLE)


def enough_coded_to_suggest(plan) -> bool:
    """Whether officers gave enough of the plan's codes to enough comments each for codes to
    be suggested (coding.code_suggestions' rule, asked of the database)."""
    return (
        Assignment.objects.filter(code__plan=plan, origin__in=BY_OFFICERS)
        .values("code")
        .annotate(given=Count("comment", distinct=True))
        .filter(given__gte=FEWEST_PER_CODE)[:FEWEST_CODES]
        .count()
        == FEWEST_CODES
    )


def suggest_codes_for(suggesting: CodeSuggesting) -> int:
    """Suggest a code for each comment of the plan officers have not coded, from those they
    gave or confirmed, and say how sure, in place of what an earlier suggesting suggested and
    no officer confirmed or quoted since; how many were suggested one. CannotSuggest when too
    few comments are coded to measure how sure."""
    plan = suggesting.plan
    given = {}
    for pk, code, text in (
        Assignment.objects.filter(code__plan=plan, origin__in=BY_OFFICERS)
        .values_list("comment_id", "code_id", "comment__text")
        .iterator(READ_CHUNK)
    ):
        given.setdefault(pk, (text, set()))[1].add(code)
    coded = [Coded(pk, text, frozenset(codes)) for pk, (text, codes) in given.items()]
    to_read = _received(plan).exclude(pk__in=_settled(plan).values("comment_id"))
    uncoded = [
        Read(pk, text) for pk, text in to_read.values_list("pk", "text").iterator(READ_CHUNK)
    ]
    suggested = suggest_codes(coded, uncoded)
    for attempt in range(1, WRITE_ATTEMPTS + 1):
        try:
            return _store(suggesting, suggested)
        except IntegrityError:  # an officer coded one of them the same way meanwhile
            if attempt == WRITE_ATTEMPTS:
                raise


@transaction.atomic
def _store(suggesting, suggested) -> int:
    """Write the suggestions in place of the earlier ones they replace; how many."""
    plan = suggesting.plan
    # What an officer coded, confirmed or quoted while the machine read is left to them, and
    # a code removed meanwhile suggested to nobody. (Not with ignore_conflicts: simple-history
    # would look each one written up again by its fields.)
    settled = set(_settled(plan).values_list("comment", flat=True))
    codes = set(Code.objects.filter(plan=plan).values_list("pk", flat=True))
    earlier = {
        (coding.comment_id, coding.code_id): coding
        for coding in _replaceable(plan).select_for_update()
    }
    new, again = [], []
    for comment, code, sure in suggested.codings:
        if comment in settled or code not in codes:
            continue
        coding = earlier.pop((comment, code), None)
        if coding is None:
            new.append(
                Assignment(
                    comment_id=comment,
                    code_id=code,
                    origin=Assignment.Origin.SUGGESTED,
                    score=sure,
                    suggested_in=suggesting,
                )
            )
        else:
            coding.score, coding.suggested_in, coding.at = sure, suggesting, timezone.now()
            again.append(coding)
    # Those no longer suggested are taken off, each with its history.
    gone = [coding.pk for coding in earlier.values()]
    for start in range(0, len(gone), WRITE_BATCH):
        Assignment.objects.filter(pk__in=gone[start : start + WRITE_BATCH]).delete()
    bulk_update_with_history(
        again, Assignment, ["score", "suggested_in", "at"], batch_size=WRITE_BATCH
    )
    bulk_create_with_history(new, Assignment, batch_size=WRITE_BATCH)
    coding_changed(plan.pk)
    CodeSuggesting.objects.filter(pk=suggesting.pk).update(
        suggested=len(new) + len(again),
        withdrawn=len(earlier),
        likeness_needed=suggested.likeness_needed,
        checked_on=suggested.checked_on,
    )
    return len(new) + len(again)
