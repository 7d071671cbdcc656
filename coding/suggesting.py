"""Suggested themes and codes asked for, read and stored: which comments a ThemeSuggesting reads
(the officers' filters it was asked with, as the officer who asked reads them, or a suggested
theme's comments to split it), and its themes written in one transaction (coding.themes reads
them); a code suggested for each comment not yet coded, from those officers coded."""

from django.db import transaction
from django.http import QueryDict
from simple_history.utils import bulk_create_with_history

from coding.filters import chosen_comments
from coding.models import (
    Assignment,
    CodeSuggesting,
    SuggestedMember,
    SuggestedTheme,
    ThemeSuggesting,
)
from coding.themes import Read, suggest_codes, suggest_themes
from responses.models import Comment, Response
from responses.selectors import visible_comments

READ_CHUNK = 2_000


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
    return Comment.objects.filter(
        response__plan=plan,
        response__status__in=[Response.Status.SUBMITTED, Response.Status.PUBLISHED],
    ).exclude(codings__code__plan=plan)


def suggest_codes_for(suggesting: CodeSuggesting) -> int:
    """Suggest a code for each comment of the plan not yet coded, from those officers gave or
    confirmed; how many were suggested one."""
    plan = suggesting.plan
    coded = {}
    for code, text in (
        Assignment.objects.filter(
            code__plan=plan, origin__in=[Assignment.Origin.CONFIRMED, Assignment.Origin.OFFICER]
        )
        .values_list("code_id", "comment__text")
        .iterator(READ_CHUNK)
    ):
        coded.setdefault(code, []).append(text)
    uncoded = [
        Read(pk, text)
        for pk, text in uncoded_comments(plan).values_list("pk", "text").iterator(READ_CHUNK)
    ]
    suggested = suggest_codes(coded, uncoded)
    with transaction.atomic():
        bulk_create_with_history(
            [
                Assignment(
                    comment_id=comment,
                    code_id=code,
                    origin=Assignment.Origin.SUGGESTED,
                    score=score,
                )
                for comment, code, score in suggested
            ],
            Assignment,
            batch_size=5_000,
            ignore_conflicts=True,
        )
        CodeSuggesting.objects.filter(pk=suggesting.pk).update(suggested=len(suggested))
    return len(suggested)
