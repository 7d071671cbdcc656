"""The seed consultation: the NOMS Third Sector Action Plan and the Volunteering England response.

The response text is kept verbatim in `seed_data/volunteering_england.txt`, a copy of what was
copied from a web page. Its paragraphs (blank-line separated) are, in order:
  1. "Skip navigation |": residue of that web page, not part of the response;
  2. the plan's title, whose opening quotation mark is never closed;
  3. the byline, "Response by Volunteering England";
  4. the organisation describing itself: the respondent's description, not a comment;
  5+. twelve comments, each linked to the plan by the link detector.

The plan's own text was not published with the response, so each section holds only the wording
the response quotes or paraphrases of it, and the plan is marked as not having its full text.
"""

from pathlib import Path

from django.db import transaction
from django.utils import timezone

from plans.models import Plan, Section, Theme
from responses.linking import split_paragraphs
from responses.models import Comment, Respondent, Response
from responses.services import link_comment, suggest_links

SEED_TEXT = Path(__file__).parent / "seed_data" / "volunteering_england.txt"

PLAN = {
    "slug": "noms-third-sector-action-plan",
    "title": "NOMS Third Sector Action Plan: Securing effective partnerships to reduce "
    "re-offending and protect the public",
    "publisher": "National Offender Management Service (NOMS)",
    "reference_prefix": "NOMS-TSAP",
    "has_full_text": False,
}
THEMES = ["Strengthening communities", "Transforming public services"]
# Only the wording the response attests for each section; nothing more is known of the plan.
SECTION_WORDING = {
    "1.3": "encouraging social enterprise",
    "1.11": "sub-contracting and consortia building will be considered where appropriate",
    "1.15": "informed",
    "2.8": "local demonstration projects",
    "3.5": "table two: make use of the local community anchor organisations",
}
RESPONDENT_NAME = "Volunteering England"
RESPONSE_REFERENCE = "NOMS-TSAP-000001"
# Our reading of each comment's stance, in the order the comments appear.
STANCES = [
    Comment.Stance.WELCOMES,  # welcomes the role given to volunteering
    Comment.Stance.RECOMMENDATION,  # volunteering across both themes
    Comment.Stance.CONCERN,  # 1.11: 'encouraged' rather than 'considered'
    Comment.Stance.RECOMMENDATION,  # 3.5: volunteering in commissioning
    Comment.Stance.RECOMMENDATION,  # 1.15: a key partner, not kept 'informed'
    Comment.Stance.CONCERN,  # victims
    Comment.Stance.QUESTION,  # mentoring and volunteering
    Comment.Stance.CONCERN,  # prisons and probation
    Comment.Stance.WELCOMES,  # 2.8: local demonstration projects
    Comment.Stance.CONCERN,  # 1.3: social enterprise
    Comment.Stance.CONCERN,  # independence of the sector
    Comment.Stance.CONCERN,  # 3.5 table two: a one-sided relationship
]


def read_seed_response(text):
    """Split the copied page into the respondent's description and the comment paragraphs."""
    paragraphs = split_paragraphs(text)
    # Paragraphs 1-3 are page residue, the plan's title and the byline: not the response.
    description, *comments = paragraphs[3:]
    return description, comments


@transaction.atomic
def load_seed():
    """Create or update the seed plan and response; running it twice leaves the same rows."""
    plan, _ = Plan.objects.update_or_create(slug=PLAN["slug"], defaults=PLAN)
    for name in THEMES:
        Theme.objects.get_or_create(plan=plan, name=name)
    for number, wording in SECTION_WORDING.items():
        section, _ = Section.objects.update_or_create(
            plan=plan, number=number, defaults={"text": wording}
        )
        section.full_clean()

    description, paragraphs = read_seed_response(SEED_TEXT.read_text(encoding="utf-8"))
    respondent, _ = Respondent.objects.update_or_create(
        name=RESPONDENT_NAME,
        defaults={"kind": Respondent.Kind.ORGANISATION, "description": description},
    )
    # The seed's response is the plan's first: the plan's references go on from it.
    Plan.objects.filter(pk=plan.pk, references_given__lt=1).update(references_given=1)
    response, created = Response.objects.get_or_create(
        reference=RESPONSE_REFERENCE,
        defaults={
            "plan": plan,
            "respondent": respondent,
            "status": Response.Status.PUBLISHED,
            "submitted_at": timezone.now(),
            # NOMS published it with its name: Volunteering England's response is public.
            "publication_consent": Response.Consent.NAMED,
        },
    )
    response.comments.filter(position__gt=len(paragraphs)).delete()
    for position, (links, stance) in enumerate(
        zip(suggest_links(plan=plan, text="\n\n".join(paragraphs)), STANCES, strict=True), start=1
    ):
        comment, _ = Comment.objects.update_or_create(
            response=response, position=position, defaults={"text": links.text, "stance": stance}
        )
        link_comment(comment=comment, links=links)
    Plan.objects.filter(pk=plan.pk).bump_generation()
    return plan, response
