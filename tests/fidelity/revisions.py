"""Revisions as departments publish them: sections renumbered, expanded, reworded, split, merged,
moved and removed, each with the matches a careful officer would draw and where each quote of
the old wording is now."""

from dataclasses import dataclass

HOUSING = (
    "Probation areas will agree with housing providers how people leaving prison find settled "
    "accommodation in their first week."
)
EMPLOYMENT = (
    "Employers will be invited to offer work placements and apprenticeships to offenders nearing "
    "the end of their sentence."
)
MENTORING = (
    "Mentoring schemes will be supported where they show results. Each scheme will be evaluated "
    "every two years by an independent body."
)
DEMONSTRATION = "Local demonstration projects will test new approaches to resettlement."
VICTIMS = "Victims' services will be commissioned jointly with the Police and Crime Commissioner."
FUNDING = "Funding for small organisations will be considered where appropriate."


@dataclass(frozen=True)
class QuoteCase:
    old_section: str
    exact: str
    occurrence: int  # which occurrence of `exact` in the old section: 0 the first
    # Where a careful officer would say it is now: (new section, its words there, occurrence),
    # or None when it is gone; to_check when the revision leaves it for a person to place.
    now: tuple | None
    to_check: bool = False


@dataclass(frozen=True)
class RevisionCase:
    what: str
    old: tuple  # (number, heading, text)
    new: tuple
    matches: frozenset  # (old number or None, new number or None, kind)
    quotes: tuple = ()


def revision(what, old, new, matches, quotes=()):
    return RevisionCase(what, tuple(old), tuple(new), frozenset(matches), tuple(quotes))


REVISIONS = [
    revision(
        "renumbered after an inserted section",
        [("2.7", "", HOUSING), ("2.8", "", DEMONSTRATION)],
        [
            ("2.7", "", HOUSING),
            ("2.8", "", "A new fund will help charities bid for contracts together."),
            ("2.9", "", DEMONSTRATION),
        ],
        {("2.7", "2.7", "same"), (None, "2.8", "new"), ("2.8", "2.9", "moved")},
        [
            QuoteCase(
                "2.8", "Local demonstration projects", 0, ("2.9", "Local demonstration projects", 0)
            )
        ],
    ),
    revision(
        "short draft wording grown into a sentence",
        [("4.2", "", "reviewed yearly"), ("4.3", "", HOUSING)],
        [
            ("4.2", "", "The framework will be reviewed yearly by an independent panel."),
            ("4.3", "", HOUSING),
        ],
        {("4.2", "4.2", "changed"), ("4.3", "4.3", "same")},
        [QuoteCase("4.2", "reviewed yearly", 0, ("4.2", "reviewed yearly", 0))],
    ),
    revision(
        "a quote's first word now starts the sentence",
        [("1.4", "", "Progress on the plan will be reviewed yearly by the board.")],
        [("1.4", "", "Reviewed yearly by the board, progress on the plan will be published.")],
        {("1.4", "1.4", "changed")},
        [
            QuoteCase(
                "1.4", "reviewed yearly by the board", 0, ("1.4", "Reviewed yearly by the board", 0)
            )
        ],
    ),
    revision(
        "a section split in two",
        [("3.2", "", MENTORING), ("3.3", "", HOUSING)],
        [
            ("3.2", "", "Mentoring schemes will be supported where they show results."),
            ("3.3", "", "Each scheme will be evaluated every two years by an independent body."),
            ("3.4", "", HOUSING),
        ],
        {("3.2", "3.2", "split"), ("3.2", "3.3", "split"), ("3.3", "3.4", "moved")},
        [
            QuoteCase(
                "3.2",
                "evaluated every two years",
                0,
                ("3.3", "evaluated every two years", 0),
            )
        ],
    ),
    revision(
        "two sections merged",
        [("3.1", "", HOUSING), ("3.2", "", EMPLOYMENT), ("3.3", "", VICTIMS)],
        [("3.1", "", f"{HOUSING} {EMPLOYMENT}"), ("3.2", "", VICTIMS)],
        {("3.1", "3.1", "changed"), ("3.2", "3.1", "merged"), ("3.3", "3.2", "moved")},
        [QuoteCase("3.2", "work placements", 0, ("3.1", "work placements", 0))],
    ),
    revision(
        "moved to another chapter and lightly reworded",
        [("1.2", "", FUNDING), ("1.3", "", VICTIMS)],
        [
            ("1.3", "", VICTIMS),
            ("4.1", "", "Funding for small organisations will be encouraged where appropriate."),
        ],
        {("1.2", "4.1", "moved"), ("1.3", "1.3", "same")},
        [
            QuoteCase("1.2", "considered", 0, ("4.1", "encouraged", 0)),
            QuoteCase("1.2", "where appropriate", 0, ("4.1", "where appropriate", 0)),
        ],
    ),
    revision(
        "quoted words twice in the revision, the context saying which",
        [("2.1", "", "Officers review the budget in March.")],
        [("2.1", "", "Members approve the budget in June. Officers review the budget in March.")],
        {("2.1", "2.1", "changed")},
        [QuoteCase("2.1", "the budget", 0, ("2.1", "the budget", 1))],
    ),
    revision(
        "quoted words twice in the revision, nothing saying which",
        [("1.5", "", "informed")],
        [("1.5", "", "Bodies will be informed at the start and informed again at the end.")],
        {("1.5", "1.5", "changed")},
        [QuoteCase("1.5", "informed", 0, None, to_check=True)],
    ),
    revision(
        "a section removed",
        [("2.2", "", HOUSING), ("2.3", "", EMPLOYMENT)],
        [("2.2", "", HOUSING)],
        {("2.2", "2.2", "same"), ("2.3", None, "removed")},
        [QuoteCase("2.3", "work placements", 0, None)],
    ),
    revision(
        "a typo corrected",
        [("3.3", "", "Partners will be consultd on the framework before it is published.")],
        [("3.3", "", "Partners will be consulted on the framework before it is published.")],
        {("3.3", "3.3", "same")},
        [
            QuoteCase(
                "3.3",
                "will be consultd on the framework",
                0,
                ("3.3", "will be consulted on the framework", 0),
            )
        ],
    ),
    revision(
        "a section keeping its heading, rewritten",
        [("6", "Housing", HOUSING), ("7", "Employment", EMPLOYMENT)],
        [
            ("6", "Housing", "Every prison will have a housing adviser on site from 2027."),
            ("7", "Employment", EMPLOYMENT),
        ],
        {("6", "6", "changed"), ("7", "7", "same")},
        [QuoteCase("6", "settled accommodation", 0, None)],
    ),
    revision(
        "a word of a quote reworded in place",
        [
            (
                "1.11",
                "",
                "Sub-contracting and consortia building will be considered where appropriate.",
            )
        ],
        [
            (
                "1.11",
                "",
                "Sub-contracting and consortia building will be encouraged where appropriate.",
            )
        ],
        {("1.11", "1.11", "changed")},
        [QuoteCase("1.11", "considered", 0, ("1.11", "encouraged", 0))],
    ),
]
