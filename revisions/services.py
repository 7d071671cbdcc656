"""Writing a plan's revisions: a revision saved from its document's outline and matched to the
version before it; an officer's correction of the matches; the comments' quotes followed into
it (in the background: revisions.tasks)."""

from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from plans import anchoring
from plans.models import Plan
from plans.outline import Outline
from plans.versions import match_sections, matches_from_pairs, reanchor, word_diff
from responses.models import SectionLink
from revisions.models import PlanVersion, RevisedQuote, RevisedSection, SectionChange

# Quotes written per query when following them into a revision.
QUOTES_PER_WRITE = 2_000


@dataclass(frozen=True)
class OldSection:
    """A section of the version before a revision, as matching needs it."""

    number: str
    heading: str
    text: str
    sources: frozenset[int]  # ids of the sections as consulted on that it carries forward

    def as_tuple(self):
        return (self.number, self.heading, self.text)


def sections_before(version: PlanVersion) -> list[OldSection]:
    """The sections of the version `version` revises, in document order: the plan's own (as
    consulted on) for the first revision, the previous revision's otherwise."""
    if version.number == 2:
        return [
            OldSection(section.number, section.heading, section.text, frozenset([section.pk]))
            for section in version.plan.sections.in_natural_order()
        ]
    previous = PlanVersion.objects.get(plan=version.plan_id, number=version.number - 1)
    sources = defaultdict(set)
    for section_id, source_id in SectionChange.sources.through.objects.filter(
        sectionchange__version=previous, sectionchange__new_section__isnull=False
    ).values_list("sectionchange__new_section", "section"):
        sources[section_id].add(source_id)
    return [
        OldSection(section.number, section.heading, section.text, frozenset(sources[section.pk]))
        for section in previous.sections.all()
    ]


@transaction.atomic
def save_revision(plan: Plan, outline: Outline, *, label: str, published_on=None) -> PlanVersion:
    """The outline saved as the plan's next version, each section matched to its predecessor.
    All of it, or nothing. Its quotes are then to be followed: in the background
    (revisions.tasks.request_following), or by the caller (follow_quotes)."""
    Plan.objects.select_for_update().filter(pk=plan.pk).get()  # one new number at a time
    latest = plan.versions.aggregate(latest=Max("number"))["latest"] or 1
    version = PlanVersion.objects.create(
        plan=plan, number=latest + 1, label=label, published_on=published_on
    )
    for read in outline.sections:
        section = RevisedSection(
            version=version,
            number=read.number,
            heading=read.heading[:300],
            text=read.text,
            theme=read.theme[:200],
        )
        section.full_clean(exclude=["version"])
        section.save()
    old = sections_before(version)
    new = [(s.number, s.heading, s.text) for s in version.sections.all()]
    _record_changes(version, old, match_sections([s.as_tuple() for s in old], new))
    _changed(version)
    return version


@transaction.atomic
def correct_matches(version: PlanVersion, pairs: dict[str, str | None]) -> PlanVersion:
    """The officer's pairing of each new section with the old section it succeeds (or None)
    replaces the matches found; later revisions, which build on this one, are matched again
    from their own pairs. Its quotes are then to be followed again, as after save_revision."""
    was = pairs_of(version)
    changed = {number for number in pairs if pairs[number] != was.get(number)}
    kept = {number for number in _set_by_officer(version) if number not in changed}
    _rematch(version, pairs, officer=changed | kept)
    for later in version.plan.versions.filter(number__gt=version.number).order_by("number"):
        _rematch(later, pairs_of(later), officer=_set_by_officer(later))
    _changed(version)
    return version


def pairs_of(version):
    """new section number -> the old section's number it succeeds, or None (new)."""
    return {
        change.new_section.number: change.old_number or None
        for change in version.changes.select_related("new_section").exclude(
            kind__in=["removed", "merged"]
        )
    }


# A reworded section matched with less likeness than this is listed for an officer to check.
SURE_MATCH = 0.75


def matches_to_check(version, changes) -> dict[str, str]:
    """new section number -> why its match is worth an officer's look: renumbered, split,
    merged, reworded past SURE_MATCH, or new while a section of the version before went
    unmatched. Matches an officer set are not listed again. `changes`: the version's
    SectionChanges, with their new sections, as the page read them."""
    removed = [change.old_number for change in changes if change.kind == "removed"]
    merged = defaultdict(list)
    for change in changes:
        if change.kind == "merged":
            merged[change.new_section.number].append(change.old_number)
    found = {}
    for change in changes:
        if change.new_section is None or change.set_by_officer:
            continue
        number, alike = change.new_section.number, f"{round(change.similarity * 100)}% alike"
        if change.kind == "moved":
            found[number] = f"Matched to {change.old_number}, under another number: {alike}."
        elif change.kind == "split":
            found[number] = f"Read as part of {change.old_number}, split in two or more."
        elif change.kind == "changed" and change.similarity < SURE_MATCH:
            found[number] = f"Matched to {change.old_number}, reworded: only {alike}."
        elif change.kind == "new" and removed:
            found[number] = (
                f"Matched to nothing, while {_listed(removed)} of version "
                f"{version.previous_number} {'was' if len(removed) == 1 else 'were'} not "
                "matched: does it succeed one of them?"
            )
        if number in merged and change.kind != "merged":
            found[number] = f"Joins {_listed([change.old_number, *merged[number]])}."
    return found


def _listed(numbers):
    return numbers[0] if len(numbers) == 1 else f"{', '.join(numbers[:-1])} and {numbers[-1]}"


def _set_by_officer(version):
    return set(
        version.changes.filter(set_by_officer=True, new_section__isnull=False).values_list(
            "new_section__number", flat=True
        )
    )


def _rematch(version, pairs, *, officer):
    old = sections_before(version)
    new = [(s.number, s.heading, s.text) for s in version.sections.all()]
    version.changes.all().delete()
    _record_changes(
        version, old, matches_from_pairs([s.as_tuple() for s in old], new, pairs), officer=officer
    )


def _record_changes(version, old, matches, *, officer=frozenset()):
    old_by_number = {section.number: section for section in old}
    new_by_number = {section.number: section for section in version.sections.all()}
    changes = SectionChange.objects.bulk_create(
        [
            SectionChange(
                version=version,
                position=position,
                kind=match.kind,
                similarity=round(match.similarity, 3),
                old_number=match.old_number or "",
                old_heading=old_by_number[match.old_number].heading if match.old_number else "",
                old_text=old_by_number[match.old_number].text if match.old_number else "",
                new_section=new_by_number.get(match.new_number),
                set_by_officer=match.new_number in officer,
            )
            for position, match in enumerate(matches, start=1)
        ]
    )
    SectionChange.sources.through.objects.bulk_create(
        [
            SectionChange.sources.through(sectionchange_id=change.pk, section_id=source)
            for change in changes
            if change.old_number
            for source in old_by_number[change.old_number].sources
        ]
    )


def _changed(version):
    """What readers see of the plan changed. Which versions' quotes wait to be followed again
    is said by whoever asks for them to be followed (revisions.tasks.request_following), or
    they are followed there and then (follow_quotes)."""
    Plan.objects.filter(pk=version.plan_id).bump_generation()


def follow_quotes(plan: Plan, from_number: int = 2) -> int:
    """Follow every quote the plan's comments made into each revision from `from_number` on,
    each from where it was in the version before. Returns how many quotes were followed."""
    followed = 0
    for version in plan.versions.filter(number__gte=from_number).order_by("number"):
        followed += _follow_into(version)
    return followed


@transaction.atomic
def _follow_into(version):
    # One following of a version at a time: a worker given a newer request waits for the other.
    PlanVersion.objects.select_for_update().filter(pk=version.pk).first()
    old_text = {}  # number in the previous version -> its text
    successors = defaultdict(list)  # old number -> [(revised section id, its text)]
    for change in version.changes.select_related("new_section"):
        if change.old_number:
            old_text[change.old_number] = change.old_text
            if change.new_section is not None:
                successors[change.old_number].append(
                    (change.new_section.pk, change.new_section.text)
                )
    followed, memo = [], {}
    # What an officer placed stays where they placed it.
    placed = set(version.quotes.filter(placed_by_officer=True).values_list("link", flat=True))
    for link_id, number, exact, prefix, suffix in _quotes_before(version):
        if link_id in placed:
            continue
        if number is None:  # gone or ambiguous already
            followed.append(
                RevisedQuote(
                    version=version,
                    link_id=link_id,
                    status=exact,
                    score=0.0,
                    summary=RevisedQuote.describe(exact, score=0.0),
                )
            )
            continue
        key = (number, exact, prefix, suffix)
        if key not in memo:
            memo[key] = _follow(
                {"exact": exact, "prefix": prefix, "suffix": suffix},
                old_text.get(number, ""),
                successors.get(number, []),
            )
        followed.append(RevisedQuote(version=version, link_id=link_id, **memo[key]))
    version.quotes.filter(placed_by_officer=False).delete()
    RevisedQuote.objects.bulk_create(followed, batch_size=QUOTES_PER_WRITE)
    PlanVersion.objects.filter(pk=version.pk).update(quotes_followed_at=timezone.now())
    Plan.objects.filter(pk=version.plan_id).bump_generation()
    return len(followed) + len(placed)


def _quotes_before(version):
    """(link id, section number, exact, prefix, suffix) of each quote where it was in the
    version before; for a quote already gone or ambiguous there, (link id, None, status, …)."""
    if version.number == 2:
        yield from (
            SectionLink.objects.filter(section__plan=version.plan_id)
            .exclude(exact="")
            .values_list("pk", "section__number", "exact", "prefix", "suffix")
            .order_by("pk")
            .iterator(chunk_size=QUOTES_PER_WRITE)
        )
        return
    for link_id, status, number, exact, prefix, suffix in (
        RevisedQuote.objects.filter(
            version__plan=version.plan_id, version__number=version.number - 1
        )
        .values_list("link", "status", "section__number", "exact", "prefix", "suffix")
        .order_by("link")
        .iterator(chunk_size=QUOTES_PER_WRITE)
    ):
        if status in (RevisedQuote.Status.GONE, RevisedQuote.Status.AMBIGUOUS):
            yield link_id, None, status, "", ""
        else:
            yield link_id, number, exact, prefix, suffix


def _follow(selector, old_text, successors):
    """The RevisedQuote fields for a quote of `old_text` followed into its successors: where
    its words still are, else where they changed the least; else to check, with every place
    that fits (ambiguous), or gone."""
    if not old_text or selector["exact"] not in old_text:
        found = []
    else:
        found = [
            (section_id, reanchor(selector, old_text, text)) for section_id, text in successors
        ]
    for wanted in ("unchanged", "changed"):
        candidates = [(s, r) for s, r in found if r.status == wanted]
        if candidates:
            section_id, result = max(candidates, key=lambda candidate: candidate[1].score)
            diff = [list(step) for step in result.diff]
            others = [(s, r) for s, r in candidates if s != section_id]
            to_check = result.to_check or bool(others)
            return {
                "status": wanted,
                "section_id": section_id,
                "exact": result.selector.exact,
                "prefix": result.selector.prefix,
                "suffix": result.selector.suffix,
                "diff": diff,
                "summary": RevisedQuote.describe(
                    wanted, diff, score=result.score, to_check=to_check
                ),
                "score": round(result.score, 3),
                # To check also when found in several successors (a split keeping the words twice).
                "to_check": to_check,
                "candidates": _places_to_choose([(section_id, result), *others]),
            }
    ambiguous = [(s, r) for s, r in found if r.status == "ambiguous"]
    if ambiguous:
        return {
            "status": RevisedQuote.Status.AMBIGUOUS,
            "summary": RevisedQuote.describe(RevisedQuote.Status.AMBIGUOUS),
            "score": round(max(result.score for _s, result in ambiguous), 3),
            "to_check": True,
            "candidates": _places_to_choose(ambiguous),
        }
    return {
        "status": RevisedQuote.Status.GONE,
        "summary": RevisedQuote.describe(RevisedQuote.Status.GONE),
        "score": round(max((result.score for _s, result in found), default=0.0), 3),
    }


def _places_to_choose(results):
    """The places an officer may choose among, as RevisedQuote.candidates stores them."""
    options = []
    for section_id, result in results:
        if result.options:
            places = result.options
        elif result.selector is not None:
            places = ((result.selector, result.score, result.score),)
        else:
            places = ()
        options += [
            {
                "section": section_id,
                "exact": quote.exact,
                "prefix": quote.prefix,
                "suffix": quote.suffix,
                "score": round(score, 3),
                "alike": round(alike, 3),
            }
            for quote, score, alike in places
        ]
    return options


class AlreadyPlaced(Exception):
    """The quote was placed (by another officer, or by following quotes again) since the page
    showing it was loaded."""


@transaction.atomic
def place_quote(quote: RevisedQuote, choice: int | None) -> RevisedQuote:
    """An officer's decision on a quote to check: it is at `quote.candidates[choice]`, or (None)
    not in this version. Kept in the quote's history; later versions follow it from there."""
    current = RevisedQuote.objects.select_for_update().select_related("version").get(pk=quote.pk)
    if not current.to_check or current.candidates != quote.candidates:
        raise AlreadyPlaced
    if choice is None:
        current.status, current.section = RevisedQuote.Status.GONE, None
        current.exact = current.prefix = current.suffix = ""
        current.diff, current.score = [], 0.0
    else:
        chosen = current.candidates[choice]
        current.section = current.version.sections.get(pk=chosen["section"])
        current.exact, current.prefix, current.suffix = (
            chosen["exact"],
            chosen["prefix"],
            chosen["suffix"],
        )
        before = _exact_before(current)
        same = anchoring.fold(before).folded == anchoring.fold(current.exact).folded
        current.status = RevisedQuote.Status.UNCHANGED if same else RevisedQuote.Status.CHANGED
        current.diff = [] if same else [list(step) for step in word_diff(before, current.exact)]
        current.score = chosen["score"]
    current.summary = RevisedQuote.describe(
        current.status, current.diff, score=current.score, placed_by_officer=True
    )
    current.to_check, current.placed_by_officer = False, True
    current.full_clean(exclude=["link", "version", "section"])
    current.save()
    # The later versions' quotes are to follow from where the officer placed this one
    # (revisions.tasks.request_following from the next version on).
    Plan.objects.filter(pk=current.version.plan_id).bump_generation()
    return current


def _exact_before(quote: RevisedQuote) -> str:
    """The quoted words as they were in the version before `quote`'s."""
    if quote.version.number == 2:
        return quote.link.exact
    previous = RevisedQuote.objects.filter(
        link=quote.link_id,
        version__plan=quote.version.plan_id,
        version__number=quote.version.number - 1,
    ).first()
    return previous.exact if previous and previous.exact else quote.link.exact
