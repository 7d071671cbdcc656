"""Held-out fidelity cases, written from the plan's wording and the corpus formats alone.

These cases were written without reading the implementation (no anchoring, linking, version or
respondent code was opened), so that scoring them gives an honest figure rather than one tuned to
the code. Each records what a careful policy officer would record: the sections a comment links
to, the plan's words it quotes, the wording it proposes and its stance; who sent a letter; and how
a revision's sections and quotes carry over.
"""

from tests.fidelity.corpus import SECTIONS, case
from tests.fidelity.letters import BODY, INDIVIDUAL, ORGANISATION, LetterCase, email, letter
from tests.fidelity.revisions import QuoteCase, revision

STOCK = "will be considered where appropriate"

HELD_OUT_COMMENTS = [
    # Misquotes of the plan's wording.
    case(
        "We welcome the Council’s commitment to ‘work with voluntary and community "
        "organizations to reduce reoffending’.",
        {"1.1"},
        [("1.1", "work with voluntary and community organisations to reduce re-offending", 0)],
        stance="welcomes",
        kind="American spelling and a hyphen dropped, no section named",
    ),
    case(
        "Section 3.1 says 'Victims' services will be commissioned jointly with the Police and "
        "Crime Commissioner' - we support this.",
        {"3.1"},
        [
            (
                "3.1",
                "Victims’ services will be commissioned jointly with the Police and Crime "
                "Commissioner",
                0,
            )
        ],
        stance="welcomes",
        kind="straight quotes around a straight apostrophe",
    ),
    case(
        "Paragraph 1.3: we doubt that volunteers ‘will be recruit from the community they serve’.",
        {"1.3"},
        [("1.3", "will be recruited from the communities they serve", 0)],
        stance="concern",
        kind="changed word forms in a phrase whose start occurs twice",
    ),
    case(
        "‘Housing advice will be made available in every prison’ – but what about people on "
        "short sentences?",
        {"3.4"},
        [("3.4", "Housing advice will be available in every prison", 0)],
        stance="question",
        kind="a word added, no section named",
    ),
    case(
        "On 1.3 - 'Volunteers will be recruited, trained...by the probation service' - yes, but "
        "they should also be paid their expenses.",
        {"1.3"},
        [
            (
                "1.3",
                "Volunteers will be recruited, trained and supported by the probation service",
                0,
            )
        ],
        stance="recommendation",
        kind="an ellipsis (...) with no spaces, straight quotes",
    ),
    case(
        "We welcome the promise that ‘contracts will be let in lots small enough for charities’.",
        {"2.2"},
        [("2.2", "contracts will be let in lots small enough for local charities", 0)],
        stance="welcomes",
        kind="a word dropped, no section named",
    ),
    case(
        "The plan says commissioners ‘set out outcome rather than output’. We agree.",
        {"2.2"},
        [("2.2", "set out outcomes rather than outputs", 0)],
        stance="welcomes",
        kind="plurals dropped",
    ),
    case(
        '"Cafe and creche provision" should start in Marsh End, where there is none at present.',
        {"2.4"},
        [("2.4", "Café and crèche provision", 0)],
        stance="recommendation",
        kind="accents not typed, straight double quotes",
    ),
    case(
        "Section 4.2 – ‘Progress will be reported … every quarter’ – but to which board?",
        {"4.2"},
        [("4.2", "Progress will be reported to the board every quarter", 0)],
        stance="question",
        kind="an ellipsis (…) inside a section's first clause",
    ),
    case(
        "“Data will be shared with partners,” the plan says in 4.1, “under a single information "
        "sharing agreement.” Who will sign it?",
        {"4.1"},
        [
            ("4.1", "Data will be shared with partners", 0),
            ("4.1", "under a single information-sharing agreement", 0),
        ],
        stance="question",
        kind="a quote broken by the respondent's words, hyphen typed as a space",
    ),
    case(
        "Under 1.2, the council 'will publish its criteria in the spring' - we ask that small "
        "organizations see a draft first.",
        {"1.2"},
        [("1.2", "will publish its criteria in the spring", 0)],
        stance="recommendation",
        kind="second clause quoted, American spelling outside the quote",
    ),
    case(
        "‘Sub contracting and consortia building’ should be funded, not just considered.",
        {"2.1"},
        [("2.1", "Sub-contracting and consortia building", 0)],
        stance="recommendation",
        kind="a hyphen typed as a space in a section that ends in the stock phrase",
    ),
    case(
        "We support both ‘local demonstration projects’ and the ‘single information-sharing "
        "agreement’.",
        {"3.3", "4.1"},
        [
            ("3.3", "Local demonstration projects", 0),
            ("4.1", "single information-sharing agreement", 0),
        ],
        stance="welcomes",
        kind="two quotes, two sections, no numbers",
    ),
    # The stock phrase and phrases that occur more than once.
    case(
        'Too many commitments end with "will be considered where appropriate". That is not a plan.',
        stance="concern",
        kind="stock phrase in straight quotes, no section named",
    ),
    case(
        "Under 5.9, the Brookside proposal ‘will be considered where appropriate’ – considered "
        "by whom, and when?",
        {"5.9"},
        [("5.9", STOCK, 0)],
        stance="question",
        kind="stock phrase in a named section",
    ),
    case(
        "Sections 5.2 (Hilltown) and 5.6 (Castle Vale) say only that each proposal ‘will be "
        "considered where appropriate’; both need a start date.",
        {"5.2", "5.6"},
        [("5.2", STOCK, 0), ("5.6", STOCK, 0)],
        stance="recommendation",
        kind="stock phrase quoted for two named sections",
    ),
    case(
        "We back ‘proposal 11 for the Ashby distict’ and want it funded this year.",
        {"5.11"},
        [("5.11", "Proposal 11 for the Ashby district", 0)],
        stance="recommendation",
        kind="distinctive quote among stock sections, lower case and a typo",
    ),
    case(
        "Section 1.2 ‘Funding for small organizations will be considered where appropriate’ "
        "should be amended to ‘Funding for small organisations will be provided every year’.",
        {"1.2"},
        [("1.2", "Funding for small organisations will be considered where appropriate", 0)],
        proposed=["Funding for small organisations will be provided every year"],
        stance="recommendation",
        kind="a quote ending in the stock phrase, with proposed wording",
    ),
    case(
        "What counts as ‘every district’? The plan promises it twice but never lists them.",
        {"1.1", "2.4"},
        [("1.1", "every district", 0), ("2.4", "every district", 0)],
        stance="question",
        kind="a quote found in exactly two sections, no section named",
    ),
    case(
        "Why does 3.2 mention ‘mentoring schemes’ twice without saying which schemes are meant?",
        {"3.2"},
        stance="question",
        kind="a phrase twice in its section, nothing choosing",
    ),
    case(
        "3.2 says ‘mentoring schemes’ will be evaluated every two years, which is far too long "
        "for a new scheme.",
        {"3.2"},
        [("3.2", "mentoring schemes", 1)],
        stance="concern",
        kind="a phrase twice in its section, the following words choosing the second",
    ),
    # Wording the respondent proposes instead.
    case(
        "Paragraph 2.3 should read ‘The Council will review the framework yearly with an "
        "independent panel chosen by the voluntary sector’.",
        {"2.3"},
        proposed=[
            "The Council will review the framework yearly with an independent panel chosen by "
            "the voluntary sector"
        ],
        stance="recommendation",
        kind="should read …, the plan's words extended",
    ),
    case(
        "Amend 4.2 to “the plan will be reviewed in 2026”.",
        {"4.2"},
        proposed=["the plan will be reviewed in 2026"],
        stance="recommendation",
        kind="amend to …, a year in the proposed wording",
    ),
    case(
        "In 3.4 we would prefer ‘within 24 hours of arrival’ to ‘within three days of arrival’.",
        {"3.4"},
        [("3.4", "within three days of arrival", 0)],
        proposed=["within 24 hours of arrival"],
        stance="recommendation",
        kind="we would prefer … to …, proposed wording first",
    ),
    case(
        "Instead of ‘every two years’ we would prefer 'every year'.",
        {"3.2"},
        [("3.2", "every two years", 0)],
        proposed=["every year"],
        stance="recommendation",
        kind="instead of …, mixed quote marks, no section named",
    ),
    case(
        "We would prefer ‘will be funded’ to ‘will be considered where appropriate’ throughout.",
        proposed=["will be funded"],
        stance="recommendation",
        kind="proposed wording against the stock phrase, no section",
    ),
    # Section numbers in lists and ranges, and numbers that are not sections.
    case(
        "Our comments on sections 1.1, 1.3 and 2.2 are set out below.",
        {"1.1", "1.3", "2.2"},
        kind="a list of sections",
    ),
    case(
        "Paragraphs 5.3–5.5 cover the districts where our projects run, and we support all three.",
        {"5.3", "5.4", "5.5"},
        stance="welcomes",
        kind="a range with an en dash",
    ),
    case(
        "Proposals 5.1-5.12 should all be funded, not merely considered.",
        {f"5.{number}" for number in range(1, 13)},
        stance="recommendation",
        kind="a range with a hyphen across a whole chapter",
    ),
    case(
        "Paras 4.1 & 4.2 must say how people on probation will be told about the use of their "
        "data.",
        {"4.1", "4.2"},
        stance="recommendation",
        kind="two sections joined by an ampersand",
    ),
    case(
        "Para. 2.3 is welcome, but the panel must include people with lived experience of the "
        "justice system.",
        {"2.3"},
        stance="recommendation",
        kind="abbreviated 'Para.' before the number",
    ),
    case(
        "The £3.2m cut to probation grants since 2019 makes this plan hard to deliver.",
        stance="concern",
        kind="money, not a section",
    ),
    case(
        "The draft reached us on 1.2.25 and the deadline was 2.3.25, which left our trustees "
        "too little time to meet.",
        stance="concern",
        kind="dates, not sections",
    ),
    case(
        "Reoffending in the county rose by 2.4% last year and by 3.1% the year before.",
        kind="percentages, not sections",
    ),
    # Scare quotes, and a section named beside another section's words.
    case(
        "We are tired of being called ‘hard to reach’ by commissioners.",
        stance="concern",
        kind="scare quotes, not the plan's wording",
    ),
    case(
        "Paragraph 3.3 promises housing advice ‘within three days of arrival’, which is too slow.",
        {"3.3"},
        stance="concern",
        kind="one section named, another section's words quoted",
    ),
    case(
        "In 4.1 the Council says it will ‘review the framework yearly’; partners should sit on "
        "that panel.",
        {"4.1"},
        stance="recommendation",
        kind="one section named, another section's words quoted",
    ),
]


HELD_OUT_LETTERS = [
    LetterCase(
        letter(
            "Hilltown Foundation\nRegistered charity no. 1098765",
            "Dear Sir or Madam,",
            "Re: Reducing Re-offending Plan consultation",
            BODY,
            "Yours faithfully,",
            "Helen Marsh\nDirector of Services",
        ),
        "Hilltown Foundation",
        ORGANISATION,
        "Helen Marsh",
        "letterhead with a charity number, signed with a title",
    ),
    LetterCase(
        email(
            "Consultations",
            "consultations@clinks.org",
            "Clinks is pleased to respond to this consultation on behalf of its members.",
            BODY,
            "Yours sincerely,",
            "Anne Fox\nPolicy Officer",
        ),
        "Clinks",
        ORGANISATION,
        "Anne Fox",
        "'is pleased to respond' from a team address, a person signing",
    ),
    LetterCase(
        email(
            "Raj Patel",
            "r.patel@westmoorcab.org.uk",
            "Dear consultation team,",
            "Please accept this as the response of Westmoor Citizens Advice.",
            BODY,
            "Best regards,",
            "Raj Patel | Advice Services Manager | Westmoor Citizens Advice",
        ),
        "Westmoor Citizens Advice",
        ORGANISATION,
        "Raj Patel",
        "a one-line signature with pipes",
    ),
    LetterCase(
        letter(
            "14 Elm Road\nOakley\nOK4 2BD",
            "Dear Sir or Madam,",
            "I am writing as a resident of Oakley.",
            BODY,
            "Yours faithfully,",
            "Margaret Dunn",
        ),
        "Margaret Dunn",
        INDIVIDUAL,
        what="a home address at the top of a person's letter",
    ),
    LetterCase(
        letter(
            "Dear consultation team,",
            "I work for Riverside Housing Association, but these views are my own.",
            BODY,
            "Yours sincerely,",
            "David Okafor",
        ),
        "David Okafor",
        INDIVIDUAL,
        what="a person naming their employer while writing for themself",
    ),
    LetterCase(
        letter(
            "Dear Sir or Madam,",
            "We write to respond to the draft plan.",
            BODY,
            "Yours faithfully,",
            "Chris Wood",
            "on behalf of Eastfield Youth Partnership",
        ),
        "Eastfield Youth Partnership",
        ORGANISATION,
        "Chris Wood",
        "'on behalf of' under the signature",
    ),
    LetterCase(
        email(
            "Sue Harris",
            "sueharris64@hotmail.co.uk",
            "Hi,",
            "I am the secretary of Castle Vale Residents Association and this is our response.",
            BODY,
            "Thanks,",
            "Sue Harris\nSecretary, Castle Vale Residents Association",
        ),
        "Castle Vale Residents Association",
        ORGANISATION,
        "Sue Harris",
        "an organisation's response from a personal address",
    ),
    LetterCase(
        email(
            "Fiona Reid",
            "fiona.reid@btinternet.com",
            "Dear team,",
            "As a GP in Brookside for twenty years, I see the health needs of people leaving "
            "prison.",
            BODY,
            "Kind regards,",
            "Fiona Reid",
        ),
        "Fiona Reid",
        INDIVIDUAL,
        what="a person mentioning their job, personal address",
    ),
    LetterCase(
        letter(
            "Longford Borough Council\nCommunity Safety Team",
            "Dear Sir or Madam,",
            "Longford Borough Council welcomes the opportunity to comment on the draft plan.",
            BODY,
            "Yours faithfully,",
            "Mark Evans\nHead of Community Safety",
        ),
        "Longford Borough Council",
        ORGANISATION,
        "Mark Evans",
        "a council's letterhead with a team beneath",
    ),
    LetterCase(
        email(
            "Admin",
            "admin@ashbywomenscentre.org.uk",
            "Please see our response below.",
            BODY,
            "With best wishes,",
            "The Trustees\nAshby Women's Centre",
        ),
        "Ashby Women's Centre",
        ORGANISATION,
        what="signed by a body of people, no person named",
    ),
    LetterCase(
        letter(
            "Dear Councillor,",
            "I left prison in 2022 and I want to tell you what helped me stay out.",
            BODY,
            "Thank you for reading this,",
            "Jason Miles",
        ),
        "Jason Miles",
        INDIVIDUAL,
        what="a first-person letter with an informal closing",
    ),
]


_OUTCOMES = (
    "Commissioners will set out outcomes rather than outputs, and contracts will be let in lots "
    "small enough for local charities."
)
_PANEL = "The Council will review the framework yearly with an independent panel."
_ADVICE = "Housing advice will be available in every prison within three days of arrival."
_PLACEMENTS = (
    "Employers will be invited to offer work placements to people nearing the end of their "
    "sentence."
)
_DEMONSTRATION = "Local demonstration projects will test new approaches to resettlement."
_VOLUNTEERS = "Volunteers will be recruited from the communities they serve."
_FUNDING = (
    "Funding for small organisations will be considered where appropriate, and the Council will "
    "publish its criteria in the spring."
)

HELD_OUT_REVISIONS = [
    revision(
        "a chapter renumbered after a new chapter is inserted",
        [("2.1", "", _DEMONSTRATION), ("2.2", "", _VOLUNTEERS)],
        [
            ("2.1", "", "A new fund will help small charities bid for contracts together."),
            ("3.1", "", _DEMONSTRATION),
            ("3.2", "", _VOLUNTEERS),
        ],
        {(None, "2.1", "new"), ("2.1", "3.1", "moved"), ("2.2", "3.2", "moved")},
        [
            QuoteCase(
                "2.2",
                "recruited from the communities they serve",
                0,
                ("3.2", "recruited from the communities they serve", 0),
            ),
        ],
    ),
    revision(
        "a short note expanded into two sentences",
        [("1.4", "", "Annual review by independent panel"), ("1.5", "", _ADVICE)],
        [
            (
                "1.4",
                "",
                "The framework will be subject to an annual review by an independent panel. The "
                "panel's findings will be published each autumn.",
            ),
            ("1.5", "", _ADVICE),
        ],
        {("1.4", "1.4", "changed"), ("1.5", "1.5", "same")},
        [
            QuoteCase("1.4", "Annual review", 0, ("1.4", "annual review", 0)),
            QuoteCase("1.4", "independent panel", 0, ("1.4", "independent panel", 0)),
        ],
    ),
    revision(
        "light rewording: one section reworded, another given one more word",
        [("4.3", "", _PLACEMENTS), ("4.4", "", _ADVICE)],
        [
            (
                "4.3",
                "",
                "Employers will be asked to provide work placements for people close to the end "
                "of their sentences.",
            ),
            (
                "4.4",
                "",
                "Housing advice will be available in every prison within three days of their "
                "arrival.",
            ),
        ],
        {("4.3", "4.3", "changed"), ("4.4", "4.4", "same")},
        [
            QuoteCase("4.3", "work placements", 0, ("4.3", "work placements", 0)),
            QuoteCase("4.3", "invited", 0, ("4.3", "asked", 0)),
            QuoteCase(
                "4.4",
                "within three days of arrival",
                0,
                ("4.4", "within three days of their arrival", 0),
            ),
        ],
    ),
    revision(
        "a section split at its comma, the next section renumbered",
        [("2.2", "", _OUTCOMES), ("2.3", "", _PANEL)],
        [
            ("2.2", "", "Commissioners will set out outcomes rather than outputs."),
            ("2.3", "", "Contracts will be let in lots small enough for local charities."),
            ("2.4", "", _PANEL),
        ],
        {("2.2", "2.2", "split"), ("2.2", "2.3", "split"), ("2.3", "2.4", "moved")},
        [
            QuoteCase(
                "2.2",
                "outcomes rather than outputs",
                0,
                ("2.2", "outcomes rather than outputs", 0),
            ),
            QuoteCase("2.2", "contracts will be let", 0, ("2.3", "Contracts will be let", 0)),
            QuoteCase("2.3", "independent panel", 0, ("2.4", "independent panel", 0)),
        ],
    ),
    revision(
        "moved to a later chapter and reworded, the stock phrase dropped",
        [("1.2", "", _FUNDING), ("1.3", "", _VOLUNTEERS)],
        [
            ("1.2", "", _VOLUNTEERS),
            (
                "4.3",
                "",
                "Funding for small organisations will be reviewed each year, and the Council "
                "will publish its criteria every spring.",
            ),
        ],
        {("1.2", "4.3", "moved"), ("1.3", "1.2", "moved")},
        [
            QuoteCase("1.2", "small organisations", 0, ("4.3", "small organisations", 0)),
            QuoteCase("1.2", "publish its criteria", 0, ("4.3", "publish its criteria", 0)),
            QuoteCase("1.2", "considered where appropriate", 0, None),
        ],
    ),
    revision(
        "a section removed and the one after it takes its number",
        [("3.3", "", _DEMONSTRATION), ("3.4", "", _ADVICE), ("3.5", "", _PLACEMENTS)],
        [("3.3", "", _DEMONSTRATION), ("3.4", "", _PLACEMENTS)],
        {("3.3", "3.3", "same"), ("3.4", None, "removed"), ("3.5", "3.4", "moved")},
        [
            QuoteCase("3.4", "Housing advice", 0, None),
            QuoteCase("3.5", "work placements", 0, ("3.4", "work placements", 0)),
        ],
    ),
    revision(
        "quoted words twice in the expanded text, the old wording saying which",
        [("2.5", "", "Café provision at hubs.")],
        [
            (
                "2.5",
                "",
                "Café provision at hubs will be extended, and crèche provision at hubs will "
                "follow.",
            )
        ],
        {("2.5", "2.5", "changed")},
        [QuoteCase("2.5", "provision at hubs", 0, ("2.5", "provision at hubs", 0))],
    ),
    revision(
        "quoted words twice in the expanded text, nothing saying which",
        [("1.6", "", "Annual reporting.")],
        [
            (
                "1.6",
                "",
                "Partners will share annual reporting with the board, and the board will publish "
                "annual reporting online.",
            )
        ],
        {("1.6", "1.6", "changed")},
        [QuoteCase("1.6", "Annual reporting", 0, None, to_check=True)],
    ),
]

assert all(
    exact in SECTIONS[section]
    for comment in HELD_OUT_COMMENTS
    for section, exact, _ in comment.quotes
)
