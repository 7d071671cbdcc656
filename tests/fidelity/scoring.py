"""Marginalia run on every case of the fidelity corpus, and what it got right, counted.

Each measure is a precision and a recall over the things a case expects and the things
Marginalia found: (case, section) for sections linked or read from a document, (case, section,
quoted words, occurrence) for quotes, (case, old, new, kind) for revision matches, (case, quote)
placements for quotes followed. A quote placed at the right words but another occurrence of
them, or in another section than it is, is counted as placed wrong.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from marginalia.documents import read_document
from plans.anchoring import fold
from plans.outline import read_outline
from plans.versions import TextQuote, match_sections, reanchor
from responses.linking import detect_links
from tests.fidelity import corpus, documents, letters, revisions


@dataclass
class Count:
    """Things expected, things found, and the ones both."""

    expected: int = 0
    found: int = 0
    right: int = 0

    def add(self, expected: set, found: set) -> None:
        self.expected += len(expected)
        self.found += len(found)
        self.right += len(expected & found)

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.expected if self.expected else 1.0


@dataclass
class Figures:
    cases: int = 0
    sections_linked: Count = field(default_factory=Count)
    quotes_linked: Count = field(default_factory=Count)
    sections_read: Count = field(default_factory=Count)
    revision_matches: Count = field(default_factory=Count)
    quotes_followed: Count = field(default_factory=Count)
    over_linked: list = field(default_factory=list)  # comments linked to more than they name
    wrong_occurrences: list = field(default_factory=list)  # quotes placed at the wrong words
    stance: Count = field(default_factory=Count)
    sender_kind: Count = field(default_factory=Count)
    misses: list = field(default_factory=list)  # what went wrong, case by case, to read


# The corpus' sets: written beside the code; held out (written without reading the code, by
# another hand: the rules were corrected once after its first run, see the README); blind
# (written likewise by a third, then used likewise); unseen (written likewise by a fourth, after
# the rules were corrected, and measured only, never used to correct them).
SETS = ("written", "held out", "blind", "unseen")


def _cases_of(name):
    if name == "written":
        return (corpus.COMMENTS, letters.LETTERS, revisions.REVISIONS, documents.plan_documents())
    if name == "held out":
        from tests.fidelity import heldout

        return (heldout.HELD_OUT_COMMENTS, heldout.HELD_OUT_LETTERS, heldout.HELD_OUT_REVISIONS, [])
    if name == "blind":
        from tests.fidelity import blind

        return (blind.BLIND_COMMENTS, blind.BLIND_LETTERS, blind.BLIND_REVISIONS, [])
    from tests.fidelity import unseen

    return (unseen.UNSEEN_COMMENTS, unseen.UNSEEN_LETTERS, unseen.UNSEEN_REVISIONS, [])


def measure(sets=SETS) -> Figures:
    """The figures of the named sets of the corpus, together."""
    figures = Figures()
    for name in sets:
        comments, letter_cases, revision_cases, plan_documents = _cases_of(name)
        _comments(figures, comments)
        _letters(figures, letter_cases)
        _revisions(figures, revision_cases)
        _documents(figures, plan_documents)
    return figures


# --- Comments: sections, quotes, proposals and stance -----------------------------------------


def _occurrence_start(text: str, exact: str, occurrence: int) -> int:
    folded, needle = fold(text), fold(exact).folded
    start = -1
    for _ in range(occurrence + 1):
        start = folded.folded.find(needle, start + 1)
    return folded.origins[start]


def _comments(figures: Figures, cases) -> None:
    for number, case in enumerate(cases, start=figures.cases):
        figures.cases += 1
        (read,) = detect_links(case.text, sections=corpus.SECTIONS, themes=corpus.THEMES)
        found_sections = set(read.sections)
        figures.sections_linked.add(
            {(number, s) for s in case.sections}, {(number, s) for s in found_sections}
        )
        if not found_sections <= case.sections:
            figures.over_linked.append((case.kind, sorted(found_sections - case.sections)))
        expected_quotes = {
            (number, section, _occurrence_start(corpus.SECTIONS[section], exact, occurrence))
            for section, exact, occurrence in case.quotes
        }
        found_quotes = set()
        for quote in read.quotes:
            text = corpus.SECTIONS[quote.section]
            start = text.find(quote.prefix + quote.exact + quote.suffix) + len(quote.prefix)
            found_quotes.add((number, quote.section, start))
            exact_wanted = [
                (s, e, o) for s, e, o in case.quotes if fold(e).folded == fold(quote.exact).folded
            ]
            if exact_wanted and (number, quote.section, start) not in expected_quotes:
                figures.wrong_occurrences.append((case.kind, quote.section, quote.exact))
        figures.quotes_linked.add(expected_quotes, found_quotes)
        figures.stance.add({(number, case.stance)}, {(number, read.stance)})
        if read.stance != case.stance:
            figures.misses.append(f"stance {read.stance} for {case.stance}: {case.kind}")
        if found_sections != case.sections or expected_quotes != found_quotes:
            figures.misses.append(
                f"comment ({case.kind}): linked {sorted(found_sections)} "
                f"{[q.exact for q in read.quotes]}, expected {sorted(case.sections)} "
                f"{[q[1] for q in case.quotes]}"
            )
        if set(read.proposed) != set(case.proposed):
            figures.misses.append(f"proposed {read.proposed} for {case.proposed}: {case.kind}")


# --- Letters and emails: who sent them --------------------------------------------------------


def _letters(figures: Figures, cases) -> None:
    from intake.respondents import guess_respondent

    for number, case in enumerate(cases, start=figures.cases):
        figures.cases += 1
        guess = guess_respondent(case.document)
        figures.sender_kind.add({(number, case.kind)}, {(number, guess.kind)})
        if (guess.name, guess.kind, guess.contact) != (case.name, case.kind, case.contact):
            figures.misses.append(
                f"sender ({case.what}): {guess.name!r} {guess.kind} contact {guess.contact!r}, "
                f"expected {case.name!r} {case.kind} contact {case.contact!r}"
            )


# --- Revisions: sections matched and quotes followed ------------------------------------------


def _revisions(figures: Figures, cases) -> None:
    for number, case in enumerate(cases, start=figures.cases):
        figures.cases += 1
        matches = match_sections(list(case.old), list(case.new))
        found = {(number, m.old_number, m.new_number, m.kind) for m in matches}
        expected = {(number, *match) for match in case.matches}
        figures.revision_matches.add(expected, found)
        if found != expected:
            figures.misses.append(
                f"revision ({case.what}): {sorted(m[1:] for m in found)}, "
                f"expected {sorted(m[1:] for m in expected)}"
            )
        old_text = {section[0]: section[2] for section in case.old}
        new_text = {section[0]: section[2] for section in case.new}
        successors: dict[str, list[str]] = {}
        for match in matches:
            if match.old_number and match.new_number:
                successors.setdefault(match.old_number, []).append(match.new_number)
        for index, quote in enumerate(case.quotes):
            _follow(figures, (number, index), quote, old_text, new_text, successors)


def _follow(figures, key, quote, old_text, new_text, successors):
    text = old_text[quote.old_section]
    start = _occurrence_start(text, quote.exact, quote.occurrence)
    selector = TextQuote.at(text, start, start + len(quote.exact))
    placed = None
    to_check = False
    for new_number in successors.get(quote.old_section, []):
        result = reanchor(selector, text, new_text[new_number])
        if result.status in ("unchanged", "changed") and not result.to_check:
            placed = (new_number, result.start)
            break
        to_check = to_check or result.status == "ambiguous" or result.to_check
    if quote.now is None:
        expected = {(key, "to check")} if quote.to_check else {(key, "gone")}
    else:
        section, exact, occurrence = quote.now
        expected = {(key, section, _occurrence_start(new_text[section], exact, occurrence))}
    found = {(key, *placed)} if placed else ({(key, "to check")} if to_check else {(key, "gone")})
    figures.quotes_followed.add(expected, found)
    if placed and quote.now is not None and found != expected:
        figures.wrong_occurrences.append(("revision", quote.old_section, quote.exact))
    if placed and quote.now is None:
        figures.wrong_occurrences.append(
            ("revision, placed though gone", quote.old_section, quote.exact)
        )
    if found != expected:
        figures.misses.append(f"quote {quote.exact!r} followed to {found}, expected {expected}")


# --- Plans from documents ---------------------------------------------------------------------


def _documents(figures: Figures, cases) -> None:
    for number, case in enumerate(cases, start=figures.cases):
        figures.cases += 1
        outline = read_outline(read_document(case.filename, case.content).text)
        found = {(number, s.number, s.heading) for s in outline.sections}
        expected = {(number, *section) for section in case.sections}
        figures.sections_read.add(expected, found)
        if found != expected:
            figures.misses.append(
                f"document ({case.what}): {[(s.number, s.heading) for s in outline.sections]}"
            )
