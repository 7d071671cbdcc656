"""Responses received outside the site (by email, post, at an event, from a survey tool),
recorded by an officer or imported from their documents or a survey's rows: submitted at once,
one comment per paragraph (or per answer), each linked as the link detector suggests (or to the
section its question names), with the words that suggested it, for officers to check."""

import uuid
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from marginalia.text import without_control_characters
from plans.models import Plan
from responses import letters
from responses.linking import MAX_TEXT_LENGTH, Evidence, ParagraphLinks
from responses.models import Respondent, Response
from responses.services import create_linked_comments, suggest_links

# As many comments as a respondent's own draft may hold.
MAX_COMMENTS = 300


class CannotRecord(Exception):
    """The response cannot be recorded; str(error) says why."""


class AlreadyRecorded(CannotRecord):
    """The document was imported before: its response is `response`."""

    def __init__(self, response):
        super().__init__(f"Already imported as {response.reference}.")
        self.response = response


def respondent_named(*, name, kind) -> Respondent:
    """The respondent of that name and kind, made if there is none: an organisation that answers
    by email and by post is one respondent."""
    respondent = Respondent.objects.filter(name=name, kind=kind).order_by("pk").first()
    return respondent or Respondent.objects.create(name=name, kind=kind)


@dataclass(frozen=True)
class Answer:
    """A survey's answer: its text, and the section number or theme name its question asked
    about (neither: the whole plan, linked as the detector suggests); `question` says which."""

    text: str
    question: str
    section: str = ""
    theme: str = ""


def record_response(
    *,
    plan: Plan,
    name,
    kind,
    channel,
    prose="",
    answers=(),
    received_on=None,
    source_sha256=None,
    contact_name="",
    publication_consent="",
    recorded_by=None,
) -> Response:
    """A submitted response by `name` made of `prose` (a comment per paragraph) or of a
    survey's `answers` (a comment per answer), all of it or (on any refusal) nothing.

    With `source_sha256`, a document already recorded for this plan raises AlreadyRecorded
    instead of adding it twice, whoever (another worker, a retry) recorded it first.

    `publication_consent`: what its respondent said about publication, as the officer
    `recorded_by` records it; blank (not recorded, so not published) unless given.
    """
    # Comments are made in bulk, which no save signal sees: the text is made storable here.
    prose = without_control_characters(prose)
    answers = [
        Answer(without_control_characters(a.text), a.question, a.section, a.theme) for a in answers
    ]
    length = len(prose) + sum(len(answer.text) for answer in answers)
    if length > MAX_TEXT_LENGTH:
        raise CannotRecord(
            f"The response is {length:,} characters long; at most {MAX_TEXT_LENGTH:,} are "
            "read. Split it into parts."
        )
    paragraphs, furniture = (
        _letter_parts(suggest_links(plan=plan, text=prose)) if prose else ([], [])
    )
    paragraphs += [links for answer in answers for links in _answer_links(plan, answer)]
    if not paragraphs:
        raise CannotRecord("The response has no text.")
    try:
        with transaction.atomic():
            response = Response.objects.create(
                plan=plan,
                respondent=respondent_named(name=name.strip()[:200], kind=kind),
                status=Response.Status.SUBMITTED,
                submitted_at=timezone.now(),
                reference=f"pending-{uuid.uuid4().hex}",  # its own below, once it has an id
                channel=channel,
                received_on=received_on,
                source_sha256=source_sha256,
                contact_name=contact_name.strip()[:200],
                letter_furniture="\n\n".join(furniture),
                # No account to email: nothing to confirm.
                confirmed_at=timezone.now(),
                publication_consent=publication_consent,
                consent_recorded_at=timezone.now() if publication_consent else None,
                consent_recorded_by=recorded_by if publication_consent else None,
            )
            response.reference = response.reference_of_its_own()
            response.save(update_fields=["reference"])
            create_linked_comments(response=response, paragraphs=_at_most(paragraphs))
            Plan.objects.filter(pk=plan.pk).bump_generation()
    except IntegrityError:
        existing = source_sha256 and (
            Response.objects.filter(plan=plan, source_sha256=source_sha256).first()
        )
        if existing:
            raise AlreadyRecorded(existing) from None
        raise
    return response


# A paragraph of fewer words than this that links to nothing is a letter's furniture (its
# letterhead, "Dear Sir,", "Yours sincerely,", a name, a job title), not a comment of its own.
FURNITURE_WORDS = 12
# How far from the end (in paragraphs) a sign-off is looked for.
SIGNATURE_REACH = 8


def _letter_parts(paragraphs):
    """The paragraphs of a letter or email as (comments, furniture): the letterhead and address
    above its greeting, the greeting, cover notes ("Please find attached …") and the sign-off
    with the signature after it are furniture, kept apart; every other short paragraph that
    links to nothing joins the next comment (a heading, before its point) or, at the end, the
    one before it, so that no word is lost. A letter that would have no comment left keeps
    its furniture as comments."""
    furniture = [False] * len(paragraphs)
    greeting = next(
        (index for index, links in enumerate(paragraphs[:6]) if letters.is_greeting(links.text)),
        None,
    )
    # Furniture is short and refers to nothing: "Dear Sir, on 1.3 we …" is a comment.
    if greeting is not None and _is_short_and_unlinked(paragraphs[greeting]):
        for index in range(greeting + 1):
            furniture[index] = _is_short_and_unlinked(paragraphs[index])
    start = max(0, len(paragraphs) - SIGNATURE_REACH)
    for index in range(len(paragraphs) - 1, start - 1, -1):
        if letters.is_sign_off(paragraphs[index].text):
            if all(_is_short_and_unlinked(links) for links in paragraphs[index:]):
                furniture[index:] = [True] * (len(paragraphs) - index)
            break
    for index, links in enumerate(paragraphs):
        if not _links_anything(links) and letters.is_cover_note(links.text):
            furniture[index] = True
    kept = [links for links, aside in zip(paragraphs, furniture, strict=True) if not aside]
    if not kept:
        return _joined_short(paragraphs), []
    aside = [
        links.text for links, set_aside in zip(paragraphs, furniture, strict=True) if set_aside
    ]
    return _joined_short(kept), aside


def _is_short_and_unlinked(links):
    return len(links.text.split()) < FURNITURE_WORDS and not _links_anything(links)


def _joined_short(paragraphs):
    """Each short paragraph that links to nothing joined to the next comment or, at the end,
    to the one before it, so that no comment is a lone heading and no word is lost."""
    comments, waiting = [], []
    for links in paragraphs:
        if _is_short_and_unlinked(links):
            waiting.append(links)
            continue
        comments.append(_joined([*waiting, links]))
        waiting = []
    if waiting:
        comments = [*comments[:-1], _joined([*comments[-1:], *waiting])]
    return comments


def _links_anything(links):
    return bool(links.sections or links.themes or links.quotes)


def _joined(paragraphs):
    """One ParagraphLinks of several: their texts a blank line apart, their links together."""
    if len(paragraphs) == 1:
        return paragraphs[0]

    def together(field):
        return tuple(dict.fromkeys(item for links in paragraphs for item in getattr(links, field)))

    return ParagraphLinks(
        text="\n\n".join(links.text for links in paragraphs),
        sections=together("sections"),
        themes=together("themes"),
        quotes=together("quotes"),
        evidence=together("evidence"),
    )


def _answer_links(plan, answer):
    """The comments one answer makes: one, linked to the section or theme its question names,
    or, for the whole plan, one per paragraph as the detector suggests."""
    evidence_words = f"the survey's question “{answer.question}”"[:300]
    if answer.section:
        evidence = (Evidence("section", answer.section, evidence_words),)
        return [ParagraphLinks(answer.text, (answer.section,), (), (), evidence)]
    if answer.theme:
        evidence = (Evidence("theme", answer.theme, evidence_words),)
        return [ParagraphLinks(answer.text, (), (answer.theme,), (), evidence)]
    return suggest_links(plan=plan, text=answer.text)


def _at_most(paragraphs):
    """The paragraphs as at most MAX_COMMENTS comments: past that, the rest join the last one,
    so that no words are lost."""
    if len(paragraphs) <= MAX_COMMENTS:
        return paragraphs
    return [*paragraphs[: MAX_COMMENTS - 1], _joined(paragraphs[MAX_COMMENTS - 1 :])]
