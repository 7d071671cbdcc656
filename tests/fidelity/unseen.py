"""A third set of cases, written unseen: by someone who read only the case formats and the plan's
wording, not the implementation nor the other test sets. They are measured, never tuned to; a
case here that the code gets wrong is a finding, not a case to fix the code for.

Comments are on the plan in tests.fidelity.corpus; letters are in the layouts of
tests.fidelity.letters; revisions carry their own old and new wording.
"""

from tests.fidelity.corpus import SECTIONS, case  # noqa: F401  (SECTIONS: the plan commented on)
from tests.fidelity.letters import BODY, INDIVIDUAL, ORGANISATION, LetterCase, email, letter
from tests.fidelity.revisions import QuoteCase, revision

STOCK = "will be considered where appropriate"

UNSEEN_COMMENTS = [
    case(
        "I write as policy officer for Northgate Housing Trust. Paragraph 3.4 says ‘Housing "
        "advice will be available in every prison within three days of arrival’. Many of the "
        "people we house serve sentences of under a fortnight, so advice should be available "
        "on the first day.",
        {"3.4"},
        [
            (
                "3.4",
                "Housing advice will be available in every prison within three days of arrival",
                0,
            )
        ],
        stance="recommendation",
        kind="housing charity: exact quote, 'Paragraph 3.4', change asked without quote marks",
    ),
    case(
        "The probation union's members do not object to volunteers, but the plan at 1.3 says "
        '"volunteers will be recruited, trained and backed by the probation service" without a '
        "penny of extra funding. Our members already carry caseloads of 60 or more.",
        {"1.3"},
        [
            (
                "1.3",
                "Volunteers will be recruited, trained and supported by the probation service",
                0,
            )
        ],
        stance="concern",
        kind="probation union: one word swapped for a synonym, 'at 1.3', a count",
    ),
    case(
        "Ashby Parish Council has considered sections 2.1, 2.2 and 2.4. We welcome their "
        "direction but ask that parish councils are named as partners in each of them.",
        {"2.1", "2.2", "2.4"},
        stance="recommendation",
        kind="parish council: a list of sections, welcome mixed with a request",
    ),
    case(
        'i was burgled twice in 2023 and no one ever rang me back. now it says "victims '
        'services will be commissioned jointly with the police and crime commisioner" and i '
        "dont see how that will make any differnce",
        {"3.1"},
        [
            (
                "3.1",
                "Victims’ services will be commissioned jointly with the Police and Crime "
                "Commissioner",
                0,
            )
        ],
        stance="concern",
        kind="victim: lower case, no apostrophe, typo, no section named",
    ),
    case(
        "As a mentor for six years I'm delighted by the support for mentoring (3.2).",
        {"3.2"},
        stance="welcomes",
        kind="volunteer: one line, section in brackets",
    ),
    case(
        "Cllr Ruth Adeyemi, Hilltown ward: can the Council confirm how 3.1 - 3.3 will be paid "
        "for after March 2026?",
        {"3.1", "3.2", "3.3"},
        stance="question",
        kind="councillor: a range with a spaced hyphen, a year",
    ),
    case(
        "Calling the men I work with ‘service users’ and ‘cases’ strips them of their dignity.",
        stance="concern",
        kind="campaigner: scare quotes, not the plan's wording",
    ),
    case(
        "The plan's word ‘resettlement’ assumes people had somewhere settled to go back to. "
        "Most of the women I visit in prison did not.",
        {"3.3"},
        [("3.3", "resettlement", 0)],
        stance="concern",
        kind="campaigner: one plan word quoted, found in one section only",
    ),
    case(
        f"Far too many proposals ‘{STOCK}’. The Council should commit to funding at least some "
        "of them.",
        stance="recommendation",
        kind="stock phrase, no section named",
    ),
    case(
        f"Proposal 9 for Brookside (5.9) '{STOCK}' - we'd ask that it is funded this year.",
        {"5.9"},
        [("5.9", STOCK, 0)],
        stance="recommendation",
        kind="stock phrase in straight quotes, section in brackets",
    ),
    case(
        f"In sections 5.10–5.12 the words “{STOCK}” should be replaced with “will be funded in "
        "2026/27”.",
        {"5.10", "5.11", "5.12"},
        [("5.10", STOCK, 0), ("5.11", STOCK, 0), ("5.12", STOCK, 0)],
        proposed=["will be funded in 2026/27"],
        stance="recommendation",
        kind="stock phrase over a range with an en dash, replaced with …",
    ),
    case(
        "2.3 should be changed to read “The Council will review the framework every six months "
        "with an independent panel”.",
        {"2.3"},
        proposed=[
            "The Council will review the framework every six months with an independent panel"
        ],
        stance="recommendation",
        kind="'should be changed to read', the whole section rewritten",
    ),
    case(
        "We would prefer ‘every month’ instead of ‘every quarter’ in 4.2, at least for the "
        "first year.",
        {"4.2"},
        [("4.2", "every quarter", 0)],
        proposed=["every month"],
        stance="recommendation",
        kind="'prefer … instead of …', proposed wording first",
    ),
    case(
        "Insert ‘and each young offender institution’ after ‘in every prison’ at 3.4.",
        {"3.4"},
        [("3.4", "in every prison", 0)],
        proposed=["and each young offender institution"],
        stance="recommendation",
        kind="'insert … after …'",
    ),
    case(
        "Delete the words 'rather than outputs' from 2.2; small charities are often judged on "
        "outputs, and rightly so.",
        {"2.2"},
        [("2.2", "rather than outputs", 0)],
        stance="recommendation",
        kind="a deletion, no proposed wording",
    ),
    case(
        "Our helpline (0800 123 4567) took 3,400 calls last year, a 4.1% rise, and 42% came "
        "from prisoners' families. We fear the £2.4m announced at the launch will not stretch "
        "that far.",
        stance="concern",
        kind="phone number, count, percentages and money that look like sections",
    ),
    case(
        "We met officers on 3.4.2024 and again on 1.2.2025 to discuss the draft.",
        kind="dates written with full stops, no stance",
    ),
    case(
        "In 2019 there were 4 hubs in the county; by 2023 there were 11. Section 2.4 should "
        "build on those rather than start again.",
        {"2.4"},
        stance="recommendation",
        kind="years and counts beside a section",
    ),
    case(
        "Section 4.1 says the plan ‘will be reviewed in 2027’, which is far too late to check "
        "how data is being used.",
        {"4.1"},
        stance="concern",
        kind="a quote from 4.2 while naming 4.1",
    ),
    case(
        '"Progress will be reported ... every quarter" — reported to whom, and will the reports '
        "be public?",
        {"4.2"},
        [("4.2", "Progress will be reported to the board every quarter", 0)],
        stance="question",
        kind="an ellipsis (...) in straight quotes, no section named",
    ),
    case(
        "In 1.3, who pays for volunteers to be ‘trained, recruited and supported’?",
        {"1.3"},
        [("1.3", "recruited, trained and supported", 0)],
        stance="question",
        kind="two words in swapped order",
    ),
    case(
        "‘Local demonstration project will test new approaches to resettlement’ – great news, "
        "and we would be glad to host one in Oakley.",
        {"3.3"},
        [("3.3", "Local demonstration projects will test new approaches to resettlement", 0)],
        stance="welcomes",
        kind="plural typed singular, an area named that is not a section",
    ),
    case(
        "Re 3.1 - we welcome 'Victims' services will be commissioned jointly' as long overdue.",
        {"3.1"},
        [("3.1", "Victims’ services will be commissioned jointly", 0)],
        stance="welcomes",
        kind="straight apostrophe inside straight single quotes",
    ),
    case(
        "what does 'independent' mean in 2.3?? independent of who",
        {"2.3"},
        [("2.3", "independent", 0)],
        stance="question",
        kind="messy question on one quoted word",
    ),
    case(
        "fully support 2.4 the creche at our hub is always full",
        {"2.4"},
        stance="welcomes",
        kind="messy welcome, no punctuation",
    ),
    case(
        "I am responding as a member of the public who has lived in Castle Vale for 30 years.",
        kind="an area named, not a section; no stance",
    ),
    case(
        "Who decides which ‘mentoring schemes’ count? (3.2)",
        {"3.2"},
        stance="question",
        kind="words twice in the section, nothing choosing",
    ),
    case(
        "In 3.2, ‘mentoring schemes’ will be evaluated every two years; please make that every "
        "year.",
        {"3.2"},
        [("3.2", "mentoring schemes", 1)],
        stance="recommendation",
        kind="words twice in the section, the words after choosing the second",
    ),
    case(
        "Section 2.2 promises ‘small contracts for local groups’, which we welcome.",
        {"2.2"},
        stance="welcomes",
        kind="a quote too changed to recognise",
    ),
    case(
        '"Data will be shared securely with partners under a single information-sharing '
        'agreement" - will people be told, and can they opt out?',
        {"4.1"},
        [
            (
                "4.1",
                "Data will be shared with partners under a single information-sharing agreement",
                0,
            )
        ],
        stance="question",
        kind="a word added, no section named",
    ),
    case(
        "Longford Parish Council warmly welcomes Proposal 12 (5.12) and recommends that it is "
        "delivered alongside the Brookside scheme at 5.9.",
        {"5.12", "5.9"},
        stance="recommendation",
        kind="two proposal sections, welcome mixed with a recommendation",
    ),
    case(
        "Our comments relate to paras 1.1 & 1.2 only.",
        {"1.1", "1.2"},
        kind="'paras … & …', no stance",
    ),
    case(
        f"“Funding for small charities {STOCK}” (1.2) is not a commitment of any kind.",
        {"1.2"},
        [("1.2", f"Funding for small organisations {STOCK}", 0)],
        stance="concern",
        kind="one word swapped for a synonym, section in brackets after the quote",
    ),
    case(
        "re 2.2 'contracts will be let in lots small enough for local charitys' - yes please, "
        "about time",
        {"2.2"},
        [("2.2", "contracts will be let in lots small enough for local charities", 0)],
        stance="welcomes",
        kind="messy: lower case, typo, no full stop",
    ),
    case(
        "‘Café and crèche provision … extended to every district’ is welcome; our Riverside "
        "centre would be glad to pilot it.",
        {"2.4"},
        [
            (
                "2.4",
                "Café and crèche provision at community hubs will be extended to every district",
                0,
            )
        ],
        stance="welcomes",
        kind="an ellipsis (…), no section named",
    ),
    case(
        "The promise of services in ‘every district’ means little to villages twenty miles from "
        "the nearest town.",
        {"1.1", "2.4"},
        [("1.1", "every district", 0), ("2.4", "every district", 0)],
        stance="concern",
        kind="a quote found in exactly two sections",
    ),
    case(
        "When will ‘the Council will publish its criteria in the spring’ actually happen – "
        "spring 2025 or spring 2026?",
        {"1.2"},
        [("1.2", "the Council will publish its criteria in the spring", 0)],
        stance="question",
        kind="exact quote of a second clause, no section named, years",
    ),
    case(
        "5.2 says hilltown's proposal 'will be considerd where apropriate' which tells us nothing",
        {"5.2"},
        [("5.2", STOCK, 0)],
        stance="concern",
        kind="stock phrase mistyped, section named",
    ),
]

UNSEEN_LETTERS = [
    LetterCase(
        letter(
            "Hope Street Project",
            "Registered charity no. 1123456\n4 Mill Lane, Oakley OK1 2AB",
            "Dear Consultation Team,",
            BODY,
            "Yours sincerely,",
            "Helen Marsh, Chief Executive",
        ),
        "Hope Street Project",
        ORGANISATION,
        "Helen Marsh",
        "letterhead with a charity number, name and title on one line",
    ),
    LetterCase(
        letter(
            "Dear Sir or Madam,",
            "I am writing on behalf of the Marsh End Credit Union to respond to the consultation.",
            BODY,
            "Yours faithfully,",
            "Daniel Reid",
            "Treasurer",
        ),
        "Marsh End Credit Union",
        ORGANISATION,
        "Daniel Reid",
        "'writing on behalf of' in the opening, name and title on separate lines",
    ),
    LetterCase(
        email(
            "Grace Okafor",
            "g.okafor@eastfieldfoodbank.org.uk",
            "Dear Sir/Madam,",
            "Please see our comments below.",
            BODY,
            "Best wishes,",
            "Grace Okafor\nVolunteer Coordinator\nEastfield Food Bank\nTel: 01632 960123",
        ),
        "Eastfield Food Bank",
        ORGANISATION,
        "Grace Okafor",
        "organisation domain, signature block with title, organisation and phone",
    ),
    LetterCase(
        email(
            "Chris Doyle",
            "chrisdoyle74@hotmail.co.uk",
            "Hi,",
            "I work for Northgate Housing Trust but I am writing in a personal capacity as a "
            "local resident.",
            BODY,
            "Cheers,",
            "Chris",
        ),
        "Chris Doyle",
        INDIVIDUAL,
        what="webmail, an employer named but writing personally",
    ),
    LetterCase(
        email(
            "Enquiries",
            "enquiries@westmoorwomensaid.org.uk",
            "Dear colleagues,",
            "Westmoor Women's Aid is grateful for the opportunity to respond.",
            BODY,
            "With best wishes,",
            "The Policy Team\nWestmoor Women's Aid",
        ),
        "Westmoor Women's Aid",
        ORGANISATION,
        what="shared mailbox, signed by a team, no person",
    ),
    LetterCase(
        email(
            "Reception",
            "reception@longfordyouthclub.org.uk",
            "Dear Sir or Madam,",
            "Please find attached a response from our club.",
            attachments=[
                letter(
                    "Longford Youth Club",
                    "The Old School, Longford",
                    BODY,
                    "Yours faithfully,",
                    "Kevin Walsh",
                    "Youth Worker and Trustee",
                    name="response.pdf",
                )
            ],
        ),
        "Longford Youth Club",
        ORGANISATION,
        "Kevin Walsh",
        "shared mailbox sending an attached letter signed by a person",
    ),
    LetterCase(
        email(
            "Margaret Finch",
            "maggie.finch@btinternet.com",
            "Please see my letter attached.",
            attachments=[
                letter(
                    "Dear Sir,",
                    "I sat as a magistrate for twenty years, but I write as a private citizen.",
                    BODY,
                    "Yours faithfully,",
                    "Margaret Finch",
                    name="letter.docx",
                )
            ],
        ),
        "Margaret Finch",
        INDIVIDUAL,
        what="a person's attached letter, naming a past role",
    ),
    LetterCase(
        letter(
            "Dear Councillor Ahmed,",
            "On behalf of the 1,200 members of the Probation Staff Union in the county, I set "
            "out our response below.",
            BODY,
            "Yours sincerely,",
            "Ian Lawson",
            "Branch Secretary",
        ),
        "Probation Staff Union",
        ORGANISATION,
        "Ian Lawson",
        "a union named in the opening beside a count",
    ),
    LetterCase(
        letter(
            "Oakley Parish Council",
            "Parish Office, Church Road, Oakley",
            "12 March 2025",
            "Dear Sir or Madam,",
            "At its meeting on 4 March the council resolved to submit the following comments.",
            BODY,
            "Yours faithfully,",
            "Janet Patel",
            "Clerk to the Council",
        ),
        "Oakley Parish Council",
        ORGANISATION,
        "Janet Patel",
        "parish council letterhead and a date, signed by the clerk",
    ),
    LetterCase(
        letter(
            "To whom it may concern",
            "My son was the victim of a stabbing in 2022 and I want to say how the plan looks "
            "to a family like ours.",
            BODY,
            "Thank you for listening,",
            "Rosa Díaz",
        ),
        "Rosa Díaz",
        INDIVIDUAL,
        what="a victim's family, an accented name, an unusual sign-off",
    ),
    LetterCase(
        letter(
            "Dear Officers,",
            "As ward councillor for Riverside I have heard many residents' views on this plan.",
            BODY,
            "Yours sincerely,",
            "Tom Burke",
            "Councillor for Riverside Ward",
        ),
        "Tom Burke",
        INDIVIDUAL,
        what="a local councillor writing in person, an office under the name",
    ),
    LetterCase(
        email(
            "Nadia Hussain",
            "nadia.hussain@brooksiderecovery.org",
            "Good afternoon,",
            BODY,
            "Many thanks,",
            "Nadia Hussain | Policy and Campaigns Officer | Brookside Recovery Network",
        ),
        "Brookside Recovery Network",
        ORGANISATION,
        "Nadia Hussain",
        "a one-line signature with bars, the domain shorter than the name",
    ),
    LetterCase(
        email(
            "Fenwick Mentoring Circle",
            "fenwickmentoring@gmail.com",
            "Dear team,",
            BODY,
            "Regards,",
            "Alan Brooks (Chair)",
        ),
        "Fenwick Mentoring Circle",
        ORGANISATION,
        "Alan Brooks",
        "a small group on webmail, signed by its chair",
    ),
    LetterCase(
        email(
            "Sarah Cole",
            "sarah.cole@ashbyhealth.nhs.uk",
            "I am responding personally and not on behalf of my employer.",
            BODY,
            "Sarah",
        ),
        "Sarah Cole",
        INDIVIDUAL,
        what="a work address, writing personally",
    ),
]

COUNCIL = (
    "The Council will work with voluntary and community organisations to reduce re-offending in "
    "every district."
)
GRANTS = "A small grants fund of £50,000 will be opened to community groups each spring."
RECRUITED = "Volunteers will be recruited from the communities they serve."
ADVICE = "Housing advice will be available in every prison within three days of arrival."
DEMONSTRATION = "Local demonstration projects will test new approaches to resettlement."
DATA = "Data will be shared with partners under a single information-sharing agreement."
LEAD = "Each partner will name a data protection lead."
PROGRESS = "Progress will be reported to the board every quarter."
HUBS = "Café and crèche provision at community hubs will be extended to every district."
OUTCOMES = "Commissioners will set out outcomes rather than outputs."
SETTLED = (
    "Probation areas will agree with housing providers how people leaving prison find settled "
    "accommodation."
)

UNSEEN_REVISIONS = [
    revision(
        "a section removed and the next renumbered into its place",
        [("1.1", "", COUNCIL), ("1.2", "", GRANTS), ("1.3", "", RECRUITED)],
        [("1.1", "", COUNCIL), ("1.2", "", RECRUITED)],
        {("1.1", "1.1", "same"), ("1.2", None, "removed"), ("1.3", "1.2", "moved")},
        [
            QuoteCase("1.2", "small grants fund", 0, None),
            QuoteCase(
                "1.3",
                "recruited from the communities they serve",
                0,
                ("1.2", "recruited from the communities they serve", 0),
            ),
        ],
    ),
    revision(
        "a one-line commitment expanded into a paragraph",
        [("2.1", "", "Volunteers will be trained by the probation service.")],
        [
            (
                "2.1",
                "",
                "Volunteers will be trained by the probation service before their first "
                "placement. Each volunteer will have a named supervisor, and travel expenses "
                "will be paid from the first session.",
            )
        ],
        {("2.1", "2.1", "changed")},
        [
            QuoteCase(
                "2.1",
                "trained by the probation service",
                0,
                ("2.1", "trained by the probation service", 0),
            )
        ],
    ),
    revision(
        "one figure reworded in place, the rest of the chapter untouched",
        [("3.4", "", ADVICE), ("3.5", "", DEMONSTRATION)],
        [
            (
                "3.4",
                "",
                "Housing advice will be available in every prison within two days of arrival.",
            ),
            ("3.5", "", DEMONSTRATION),
        ],
        {("3.4", "3.4", "same"), ("3.5", "3.5", "same")},
        [
            QuoteCase(
                "3.4", "within three days of arrival", 0, ("3.4", "within two days of arrival", 0)
            ),
            QuoteCase("3.4", "Housing advice", 0, ("3.4", "Housing advice", 0)),
            QuoteCase("3.5", "new approaches", 0, ("3.5", "new approaches", 0)),
        ],
    ),
    revision(
        "a section split in two, the one after renumbered",
        [("4.1", "", f"{DATA} {LEAD}"), ("4.2", "", PROGRESS)],
        [("4.1", "", DATA), ("4.2", "", LEAD), ("4.3", "", PROGRESS)],
        {("4.1", "4.1", "split"), ("4.1", "4.2", "split"), ("4.2", "4.3", "moved")},
        [
            QuoteCase("4.1", "data protection lead", 0, ("4.2", "data protection lead", 0)),
            QuoteCase(
                "4.1",
                "information-sharing agreement",
                0,
                ("4.1", "information-sharing agreement", 0),
            ),
            QuoteCase("4.2", "every quarter", 0, ("4.3", "every quarter", 0)),
        ],
    ),
    revision(
        "two sections merged, the context choosing between repeated words",
        [
            ("3.2", "", "Mentoring schemes will be supported where they show results."),
            ("3.3", "", "Peer mentoring schemes will be evaluated every two years."),
            ("3.4", "", DEMONSTRATION),
        ],
        [
            (
                "3.2",
                "",
                "Mentoring schemes will be supported where they show results, and peer mentoring "
                "schemes will be evaluated every two years.",
            ),
            ("3.3", "", DEMONSTRATION),
        ],
        {("3.2", "3.2", "changed"), ("3.3", "3.2", "merged"), ("3.4", "3.3", "moved")},
        [
            QuoteCase("3.2", "Mentoring schemes", 0, ("3.2", "Mentoring schemes", 0)),
            QuoteCase("3.3", "mentoring schemes", 0, ("3.2", "mentoring schemes", 1)),
            QuoteCase(
                "3.3", "evaluated every two years", 0, ("3.2", "evaluated every two years", 0)
            ),
            QuoteCase(
                "3.4", "Local demonstration projects", 0, ("3.3", "Local demonstration projects", 0)
            ),
        ],
    ),
    revision(
        "moved to another chapter unchanged, a new section taking its number",
        [("2.4", "", HUBS), ("2.5", "", OUTCOMES)],
        [
            ("2.4", "", "A new community hub will open in Marsh End in 2026."),
            ("2.5", "", OUTCOMES),
            ("6.1", "", HUBS),
        ],
        {("2.4", "6.1", "moved"), (None, "2.4", "new"), ("2.5", "2.5", "same")},
        [
            QuoteCase(
                "2.4", "Café and crèche provision", 0, ("6.1", "Café and crèche provision", 0)
            ),
            QuoteCase("2.5", "rather than outputs", 0, ("2.5", "rather than outputs", 0)),
        ],
    ),
    revision(
        "reworded so the quoted words occur twice, nothing saying which",
        [("1.6", "", "Mentors will keep in touch.")],
        [
            (
                "1.6",
                "",
                "Mentors will keep in touch during the sentence. Mentors will keep in touch after "
                "release.",
            )
        ],
        {("1.6", "1.6", "changed")},
        [QuoteCase("1.6", "keep in touch", 0, None, to_check=True)],
    ),
    revision(
        "a heading renamed and an apostrophe straightened, the wording kept",
        [
            ("5", "Housing", SETTLED),
            (
                "6",
                "Victims",
                "Victims’ services will be commissioned jointly with the Police and Crime "
                "Commissioner.",
            ),
        ],
        [
            ("5", "Accommodation", SETTLED),
            (
                "6",
                "Victims",
                "Victims' services will be commissioned jointly with the Police and Crime "
                "Commissioner.",
            ),
        ],
        {("5", "5", "same"), ("6", "6", "same")},
        [
            QuoteCase("5", "settled accommodation", 0, ("5", "settled accommodation", 0)),
            QuoteCase("6", "Victims’ services", 0, ("6", "Victims' services", 0)),
        ],
    ),
]
