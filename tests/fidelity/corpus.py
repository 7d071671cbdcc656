"""Comments as respondents write them, on a plan as departments write it, each with the links,
quotes, proposed wording and stance a careful officer would give it.

The plan is a county's reducing re-offending plan of 25 sections; like real plans it repeats its
stock phrases ("will be considered where appropriate" closes thirteen sections), says some things
twice in one section, and has accents, hyphens and apostrophes a respondent may not type.
"""

from dataclasses import dataclass, field

AREAS = [
    "Northgate",
    "Hilltown",
    "Marsh End",
    "Riverside",
    "Eastfield",
    "Castle Vale",
    "Westmoor",
    "Oakley",
    "Brookside",
    "Fenwick",
    "Ashby",
    "Longford",
]

SECTIONS = {
    "1.1": "The Council will work with voluntary and community organisations to reduce "
    "re-offending in every district, and partners will be consulted on the framework before "
    "it is published.",
    "1.2": "Funding for small organisations will be considered where appropriate, and the "
    "Council will publish its criteria in the spring.",
    "1.3": "Volunteers will be recruited, trained and supported by the probation service, and "
    "volunteers will be recruited from the communities they serve.",
    "2.1": "Sub-contracting and consortia building will be considered where appropriate.",
    "2.2": "Commissioners will set out outcomes rather than outputs, and contracts will be let "
    "in lots small enough for local charities.",
    "2.3": "The Council will review the framework yearly with an independent panel.",
    "2.4": "Café and crèche provision at community hubs will be extended to every district.",
    "3.1": "Victims’ services will be commissioned jointly with the Police and Crime Commissioner.",
    "3.2": "Mentoring schemes will be supported where they show results; mentoring schemes will "
    "be evaluated every two years.",
    "3.3": "Local demonstration projects will test new approaches to resettlement.",
    "3.4": "Housing advice will be available in every prison within three days of arrival.",
    "4.1": "Data will be shared with partners under a single information-sharing agreement.",
    "4.2": "Progress will be reported to the board every quarter, and the plan will be "
    "reviewed in 2027.",
} | {
    f"5.{number}": f"Proposal {number} for the {area} district will be considered where "
    "appropriate."
    for number, area in enumerate(AREAS, start=1)
}
THEMES = ["Strengthening communities", "Transforming public services"]


@dataclass(frozen=True)
class CommentCase:
    """A comment, and what a careful officer would link it to."""

    text: str
    sections: frozenset = frozenset()
    # (section, its wording quoted as the plan writes it, which occurrence: 0 the first)
    quotes: tuple = ()
    proposed: tuple = ()
    stance: str = "general"
    kind: str = field(default="", compare=False)  # what the case tries, for the report


def case(text, sections=(), quotes=(), proposed=(), stance="general", kind=""):
    return CommentCase(text, frozenset(sections), tuple(quotes), tuple(proposed), stance, kind)


COMMENTS = [
    case(
        "Point 2.1 states that ‘sub-contracting and consortia building will be considered where "
        "appropriate’, but we would like to see consortia building encouraged.",
        {"2.1"},
        [("2.1", "Sub-contracting and consortia building will be considered where appropriate", 0)],
        stance="recommendation",
        kind="exact quote, section named",
    ),
    case(
        "The plan says ‘partners will be consultd on the framwork’ but gives no date, which "
        "concerns us.",
        {"1.1"},
        [("1.1", "partners will be consulted on the framework", 0)],
        stance="concern",
        kind="two typos",
    ),
    case(
        "We welcome the commitment that ‘volunteers will be trained and supported by the "
        "probation service’.",
        {"1.3"},
        [
            (
                "1.3",
                "Volunteers will be recruited, trained and supported by the probation service",
                0,
            )
        ],
        stance="welcomes",
        kind="a word dropped",
    ),
    case(
        "‘Commissioners will set out outcomes … lots small enough for local charities’: we "
        "welcome this.",
        {"2.2"},
        [
            (
                "2.2",
                "Commissioners will set out outcomes rather than outputs, and contracts will be "
                "let in lots small enough for local charities",
                0,
            )
        ],
        stance="welcomes",
        kind="an ellipsis (…)",
    ),
    case(
        "The promise of ‘cafe and creche provision at community hubs’ is welcome.",
        {"2.4"},
        [("2.4", "Café and crèche provision at community hubs", 0)],
        stance="welcomes",
        kind="accents not typed",
    ),
    case(
        "In 1.3, ‘volunteers will be recruited’ from the communities they serve: this is the "
        "point that matters most to our members.",
        {"1.3"},
        [("1.3", "volunteers will be recruited", 1)],
        kind="the respondent's words choose the occurrence",
    ),
    case(
        "Section 1.3 says ‘volunteers will be recruited’. By whom?",
        {"1.3"},
        stance="question",
        kind="an occurrence nothing chooses",
    ),
    case(
        "Section 2.1 ‘will be considered where appropriate’ is too weak; it should say "
        "‘will be funded’.",
        {"2.1"},
        [("2.1", "will be considered where appropriate", 0)],
        proposed=["will be funded"],
        stance="recommendation",
        kind="common phrase in a named section, with proposed wording",
    ),
    case(
        "‘Will be considered where appropriate’ appears throughout the plan and commits the "
        "Council to nothing; we are disappointed.",
        stance="concern",
        kind="common phrase, no section named",
    ),
    case(
        "Replace ‘considered’ with ‘encouraged’ in 2.1.",
        {"2.1"},
        [("2.1", "considered", 0)],
        proposed=["encouraged"],
        stance="recommendation",
        kind="replace … with …",
    ),
    case(
        "We support 3.4 and ask that it covers people held on remand.",
        {"3.4"},
        stance="recommendation",
        kind="section number only",
    ),
    case(
        "Sections 3.1 to 3.3 matter most to our members, who work with victims and mentors.",
        {"3.1", "3.2", "3.3"},
        kind="a range of sections",
    ),
    case(
        "Funding of £2.1m is far too little for twelve districts.",
        stance="concern",
        kind="money, not a section",
    ),
    case(
        "The ‘strengthening communities’ theme should include victims as well as offenders.",
        stance="recommendation",
        kind="a theme, not a section",
    ),
    case(
        "Charities are not ‘contractors’, and we object to being treated as such.",
        stance="concern",
        kind="scare quotes, not the plan's wording",
    ),
    case(
        "The plan says data “will be shared with partners.” We are worried about consent.",
        {"4.1"},
        [("4.1", "will be shared with partners", 0)],
        stance="concern",
        kind="full stop inside the quote",
    ),
    case(
        "“Providers will be consulted on the framework,” says 1.1. Which providers?",
        {"1.1"},
        [("1.1", "partners will be consulted on the framework", 0)],
        stance="question",
        kind="first word paraphrased",
    ),
    case(
        "‘Local demonstration projects’ (3.3) and ‘housing advice’ (3.4) are both welcome.",
        {"3.3", "3.4"},
        [("3.3", "Local demonstration projects", 0), ("3.4", "Housing advice", 0)],
        stance="welcomes",
        kind="two quotes, two sections",
    ),
    case(
        "Paragraph 4.2 says progress ‘will be reportd to the board every quater’.",
        {"4.2"},
        [("4.2", "will be reported to the board every quarter", 0)],
        kind="typos, section named",
    ),
    case(
        "Section 2.2 says the framework will be ‘reviewed yearly with an independent panel’.",
        {"2.2"},
        kind="quote of another section than the one named",
    ),
    case(
        "We are concerned that in 3.2 ‘mentoring schemes will be evaluated every two years’, "
        "which is too seldom.",
        {"3.2"},
        [("3.2", "mentoring schemes will be evaluated every two years", 0)],
        stance="concern",
        kind="second clause of a section",
    ),
    case(
        "Under 3.2, ‘mentoring schemes will be supported’ – but only if they can show results?",
        {"3.2"},
        [("3.2", "Mentoring schemes will be supported", 0)],
        stance="question",
        kind="capital letter not typed",
    ),
    case(
        "We welcome the ‘information sharing agreement’ in 4.1.",
        {"4.1"},
        [("4.1", "information-sharing agreement", 0)],
        stance="welcomes",
        kind="a hyphen typed as a space",
    ),
    case(
        "1.2 promises that funding ‘will be considered where appropriate, […] criteria in the "
        "spring’.",
        {"1.2"},
        [
            (
                "1.2",
                "will be considered where appropriate, and the Council will publish its "
                "criteria in the spring",
                0,
            )
        ],
        kind="an ellipsis in brackets",
    ),
    case(
        "Nacro welcomes the joint commissioning of victims' services in 3.1.",
        {"3.1"},
        stance="welcomes",
        kind="section number only",
    ),
    case(
        "How will the quarterly reports under 4.2 be published?",
        {"4.2"},
        stance="question",
        kind="a question",
    ),
    case(
        "We recommend that 2.4 sets a date for every district.",
        {"2.4"},
        stance="recommendation",
        kind="a recommendation",
    ),
    case("Our members work in all twelve districts of the county.", kind="nothing to link"),
    case(
        "‘will be considerd where appropriate’ is a phrase we have read in many plans before.",
        kind="common phrase mistyped, no section named",
    ),
    case(
        "‘Proposal 7 for the Westmoor district’ should go ahead without delay.",
        {"5.7"},
        [("5.7", "Proposal 7 for the Westmoor district", 0)],
        stance="recommendation",
        kind="a distinctive quote among common sections",
    ),
    case(
        "It says ‘Housing advice will be available...within three days of arrival’, which is "
        "not enough for people released on a Friday.",
        {"3.4"},
        [
            (
                "3.4",
                "Housing advice will be available in every prison within three days of arrival",
                0,
            )
        ],
        stance="concern",
        kind="an ellipsis (...)",
    ),
    case(
        '"victims services will be commisioned jointly" is welcome news for our helpline.',
        {"3.1"},
        [("3.1", "Victims’ services will be commissioned jointly", 0)],
        stance="welcomes",
        kind="apostrophe and a letter missing",
    ),
    case(
        "Point 1.2 should read ‘Funding for small organisations will be guaranteed’.",
        {"1.2"},
        proposed=["Funding for small organisations will be guaranteed"],
        stance="recommendation",
        kind="proposed wording close to the plan's",
    ),
    case(
        "We suggest the wording ‘will be funded from the first year’ for 5.3 and 5.4.",
        {"5.3", "5.4"},
        proposed=["will be funded from the first year"],
        stance="recommendation",
        kind="proposed wording for two sections",
    ),
    case(
        "Section 4.2: ‘the plan will be reviewd in 2027’ is too late; a review in 2026 is needed.",
        {"4.2"},
        [("4.2", "the plan will be reviewed in 2027", 0)],
        stance="concern",
        kind="a typo beside a year",
    ),
    case(
        "The framework ‘will be consulted on’ says 1.1, but the Council does not say how.",
        {"1.1"},
        [("1.1", "will be consulted on", 0)],
        stance="concern",
        kind="a quote in another word order",
    ),
    case(
        "Under 2.3 the Council will ‘review the framework yearly with an independant panel’; "
        "who appoints the panel?",
        {"2.3"},
        [("2.3", "review the framework yearly with an independent panel", 0)],
        stance="question",
        kind="a misspelling",
    ),
]
