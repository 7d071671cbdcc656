"""Erasing respondents' personal data, at their request (an admin's `erase_respondent`) or when
their plan's retention period ends (privacy.retention), leaving a tombstone (privacy.Erasure)
that holds nothing of them.

What goes, from every table and from history:
- the respondent's name and description (the respondent is then ERASED_NAME, its name hidden
  from the public), and the account they signed in with (unless it is an officer's or still
  responds for someone else), with its sign-in records;
- each response's contact, greeting and signature, and the documents it came in (a survey's
  whole file, which holds this row among others: its rows as read stay with their responses);
- either the comments too (`EVERYTHING`: the responses are deleted, and the counts with them), or
  the comments anonymised (`DETAILS`): the respondent's names and whatever the personal data
  finder or an officer's redaction marks are replaced by ERASED, in the text itself;
- the history of every record of theirs, and the plan's saved reports, which quote them; a
  campaign's shared letter loses their names too.
"""

import re
from collections import Counter

from django.apps import apps
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from intake.models import ImportBatch, ImportedDocument
from officers.models import CommentTag, Moderation, Redaction, Review
from officers.personal_data import find_personal_data
from officers.redactions import cover
from plans.models import Plan
from privacy.models import Erasure
from reports.models import ReportJob
from responses.models import Campaign, Comment, Respondent, Response, SectionLink, ThemeLink

ERASED = "[erased]"
ERASED_NAME = "Erased respondent"
# Responses erased in one go: their comments are read into memory a chunk at a time.
CHUNK = 200
# Records of each of these hold what a respondent wrote, or what officers made of it: their
# history goes with them. (model, the field that names the response or comment)
HISTORIES = [
    (Response, "id", "response"),
    (Moderation, "response_id", "response"),
    (Comment, "id", "comment"),
    (SectionLink, "comment_id", "comment"),
    (ThemeLink, "comment_id", "comment"),
    (CommentTag, "comment_id", "comment"),
    (Review, "comment_id", "comment"),
    (Redaction, "comment_id", "comment"),
]


class CannotErase(Exception):
    """Why an erasure was refused; nothing was erased."""


def erase_respondent(respondent: Respondent, *, by, reason: str, scope: str) -> Erasure:
    """Erase `respondent`'s personal data from every response of theirs, at their request: their
    comments too when `scope` is Erasure.Scope.EVERYTHING. The tombstone."""
    if not reason.strip():
        raise CannotErase("Say why the respondent's data is erased: who asked, and when.")
    if scope not in Erasure.Scope.values:
        raise CannotErase("Choose whether to erase their comments or keep them anonymised.")
    if respondent.erased_at is not None and scope == Erasure.Scope.DETAILS:
        raise CannotErase("This respondent's personal details were erased already.")
    return _erase(
        respondent.responses.all(),
        by=by,
        reason=reason,
        scope=scope,
        cause=Erasure.Cause.REQUEST,
        kind=respondent.kind,
    )


def erase_details_of_plan(plan: Plan, *, reason: str) -> Erasure | None:
    """Erase the personal details of the respondents to `plan` not erased yet, keeping their
    comments anonymised (its retention period ended); the tombstone, or None if none was left."""
    responses = plan.responses.filter(respondent__erased_at=None)
    if not responses.exists():
        return None
    return _erase(
        responses,
        by=None,
        reason=reason,
        scope=Erasure.Scope.DETAILS,
        cause=Erasure.Cause.RETENTION,
        plan=plan,
    )


@transaction.atomic
def _erase(responses, *, by, reason, scope, cause, plan=None, kind=""):
    counts = Counter()
    everything = scope == Erasure.Scope.EVERYTHING
    response_ids = list(responses.values_list("pk", flat=True))
    respondents = {
        r.pk: r for r in Respondent.objects.filter(responses__in=response_ids).distinct()
    }
    accounts = _accounts_of(Response.objects.filter(pk__in=response_ids))
    plan_ids = set(Plan.objects.filter(responses__in=response_ids).values_list("pk", flat=True))
    named = {}  # each response's words that name its respondent
    for start in range(0, len(response_ids), CHUNK):
        chunk = Response.objects.filter(pk__in=response_ids[start : start + CHUNK])
        identifiers = _identifiers(chunk)
        named.update(identifiers)
        counts["documents"] += _erase_documents(chunk, counts)
        if not everything:
            counts["comments anonymised"] += _anonymise_comments(chunk, identifiers)
    counts["campaign letters"] = _scrub_letters(response_ids, named)
    comment_ids = list(
        Comment.objects.filter(response__in=response_ids).values_list("pk", flat=True)
    )
    if everything:
        counts["comments"] = len(comment_ids)
        counts["responses"] = len(response_ids)
        campaigns = set(
            Response.objects.filter(pk__in=response_ids)
            .exclude(campaign=None)
            .values_list("campaign_id", flat=True)
        )
        Response.objects.filter(pk__in=response_ids).delete()
        Campaign.objects.filter(pk__in=campaigns, members=None).delete()
    else:
        counts["responses anonymised"] = Response.objects.filter(pk__in=response_ids).update(
            owner=None,
            contact_name="",
            letter_furniture="",
            source_sha256=None,
            hide_respondent_name=True,
        )
    # One respondent's words are few enough to look for in the admin's log and the reason.
    said = set().union(*named.values()) if len(respondents) == 1 else set()
    counts["respondents"] = _erase_respondents(respondents.values(), response_ids, everything)
    counts["accounts"] = _erase_accounts(accounts)
    counts["history records"] = _forget_history(response_ids, comment_ids)
    counts["admin log entries"] = _forget_admin_log(respondents, response_ids, said)
    counts["saved reports"] = ReportJob.objects.filter(plan__in=plan_ids).delete()[0]
    Plan.objects.filter(pk__in=plan_ids).bump_generation()
    return Erasure.objects.create(
        erased_by=by,
        cause=cause,
        scope=scope,
        plan=plan,
        reason=_scrub(reason.strip(), said)[:500],
        respondent_kind=kind,
        counts=dict(counts),
    )


def _identifiers(responses):
    """Each response's words that name its respondent: their name, contact, the account's email
    and names, what a document's reading guessed of its sender. {response id: {words}}"""
    named = {}
    documents = {
        document.response_id: document
        for document in ImportedDocument.objects.filter(response__in=responses)
    }
    for response in responses.select_related("respondent__user", "owner"):
        words = {response.respondent.name, response.contact_name}
        for user in {response.respondent.user, response.owner} - {None}:
            words |= {user.email, user.username, user.get_full_name()}
        if document := documents.get(response.pk):
            words |= {
                document.respondent_name,
                document.respondent_email,
                document.respondent_contact,
            }
        if response.respondent.erased_at is not None:
            words.discard(response.respondent.name)
        named[response.pk] = {" ".join(word.split()) for word in words if len(word.strip()) >= 4}
    return named


def _scrub(text, identifiers, quoted=(), redacted=()):
    """`text` with the `identifiers`, whatever the personal data finder reads as personal data
    (but the plan's `quoted` words) and the `redacted` places replaced by ERASED."""
    places = [(found.start, found.end) for found in find_personal_data(text, quoted=quoted)]
    for words in identifiers:
        pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, words.split())) + r"(?!\w)"
        places += [match.span() for match in re.finditer(pattern, text, re.IGNORECASE)]
    places += list(redacted)
    return cover(text, places, ERASED) if places else text


def _anonymise_comments(responses, identifiers):
    comments = list(
        Comment.objects.filter(response__in=responses).prefetch_related(
            "section_links", "redactions"
        )
    )
    for comment in comments:
        words = identifiers[comment.response_id]
        quoted = [link.exact for link in comment.section_links.all() if link.exact]
        redacted = [
            (r.start, r.end)
            for r in comment.redactions.all()
            if r.state == Redaction.State.REDACTED and comment.text[r.start : r.end] == r.exact
        ]
        comment.text = _scrub(comment.text, words, quoted, redacted)
        comment.proposed_wording = _scrub(comment.proposed_wording, words)
        comment.public_text = None
        comment.stance_evidence = _scrub(comment.stance_evidence, words)
    Comment.objects.bulk_update(
        comments, ["text", "proposed_wording", "public_text", "stance_evidence"], batch_size=CHUNK
    )
    words_of = {comment.pk: identifiers[comment.response_id] for comment in comments}
    # What the link detector and officers wrote of each comment may hold its words too.
    for model, fields in (
        (SectionLink, ["evidence"]),
        (ThemeLink, ["evidence"]),
        (Review, ["note", "plan_change"]),
    ):
        for record in model.objects.filter(comment__in=comments):
            scrubbed = {
                field: _scrub(getattr(record, field), words_of[record.comment_id])
                for field in fields
            }
            if any(scrubbed[field] != getattr(record, field) for field in fields):
                model.objects.filter(pk=record.pk).update(**scrubbed)
    # The redactions held the words they covered, now gone from the text.
    Redaction.objects.filter(comment__in=comments).delete()
    return len(comments)


def _erase_documents(responses, counts):
    """The documents the responses came in, emptied: their files, text and what was read of
    their senders. A survey's file holds every respondent's row: it goes whole."""
    documents = ImportedDocument.objects.filter(response__in=responses)
    surveys = ImportBatch.objects.filter(
        documents__in=documents.filter(cells__isnull=False)
    ).distinct()
    counts["survey files"] += surveys.exclude(survey_file=None).update(survey_file=None)
    return documents.update(
        filename="Erased document",
        content=b"",
        text="",
        reason="",
        respondent_name="",
        respondent_email="",
        respondent_contact="",
        guessed_from="",
        cells=None,
    )


def _scrub_letters(response_ids, named):
    """A campaign's shared letter, without the names of its members erased; how many changed."""
    members = {}
    for pk, campaign in (
        Response.objects.filter(pk__in=response_ids)
        .exclude(campaign=None)
        .values_list("pk", "campaign_id")
    ):
        members.setdefault(campaign, set()).update(named.get(pk, ()))
    changed = 0
    for campaign in Campaign.objects.filter(pk__in=members):
        scrubbed = _scrub(campaign.shared_text, members[campaign.pk])
        if scrubbed != campaign.shared_text:
            changed += Campaign.objects.filter(pk=campaign.pk).update(shared_text=scrubbed)
    return changed


def _erase_respondents(respondents, response_ids, everything):
    """Erase each respondent's name and description, or the respondent itself when nothing of
    theirs is left. A respondent who still answers another plan keeps them, and the responses
    erased move to a respondent of their own, erased."""
    erased = 0
    now = timezone.now()
    for respondent in respondents:
        if respondent.erased_at is not None and not everything:
            continue
        others = respondent.responses.exclude(pk__in=response_ids)
        if everything and not respondent.responses.exists():
            respondent.delete()
        elif others.exists():
            if not everything:
                stand_in = Respondent.objects.create(
                    name=ERASED_NAME, kind=respondent.kind, erased_at=now
                )
                Response.objects.filter(pk__in=response_ids, respondent=respondent).update(
                    respondent=stand_in
                )
            continue
        else:
            Respondent.objects.filter(pk=respondent.pk).update(
                name=ERASED_NAME, description="", user=None, erased_at=now
            )
        erased += 1
    return erased


def _accounts_of(responses):
    ids = set(responses.exclude(owner=None).values_list("owner_id", flat=True))
    ids |= set(
        responses.exclude(respondent__user=None).values_list("respondent__user_id", flat=True)
    )
    return list(get_user_model().objects.filter(pk__in=ids))


def _erase_accounts(accounts):
    """Delete the respondents' accounts, with their sign-in records, but an officer's or admin's,
    or one that still responds for someone else or to another plan."""
    erased = 0
    for user in accounts:
        if (
            user.is_staff
            or user.is_superuser
            or user.user_permissions.exists()
            or user.groups.exclude(name="Respondents").exists()
            or user.respondents.exists()
            or user.responses.exists()
        ):
            continue
        names = {user.username, user.email} - {""}
        for model in ("AccessAttempt", "AccessLog", "AccessFailureLog"):
            apps.get_model("axes", model).objects.filter(username__in=names).delete()
        LogEntry.objects.filter(user=user).delete()
        user.delete()
        erased += 1
    return erased


def _forget_history(response_ids, comment_ids):
    ids = {"response": response_ids, "comment": comment_ids}
    forgotten = 0
    for model, field, of in HISTORIES:
        forgotten += model.history.filter(**{f"{field}__in": ids[of]}).delete()[0]
    return forgotten


def _forget_admin_log(respondents, response_ids, said):
    """The admin's log of changes to these records names them (its object_repr)."""
    types = ContentType.objects.get_for_models(Respondent, Response)
    entries = LogEntry.objects.filter(
        Q(content_type=types[Respondent], object_id__in=[str(pk) for pk in respondents])
        | Q(content_type=types[Response], object_id__in=[str(pk) for pk in response_ids])
    )
    for words in said:
        entries |= LogEntry.objects.filter(
            Q(object_repr__icontains=words) | Q(change_message__icontains=words)
        )
    return entries.delete()[0]
