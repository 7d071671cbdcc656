"""A second set of test cases, written blind: their author read only the formats and the plan's
wording in corpus.py, letters.py and revisions.py, and neither the implementation nor the other
test sets, so that accuracy measured on them is not fitted to either."""

from tests.fidelity.corpus import SECTIONS, case
from tests.fidelity.letters import BODY, INDIVIDUAL, ORGANISATION, LetterCase, email, letter
from tests.fidelity.revisions import QuoteCase, revision

STOCK = "will be considered where appropriate"

BLIND_COMMENTS = [
    case(
        "The Northgate Reducing Reoffending Alliance represents some forty small charities "
        "across the county. We note that para 2.2 commits that ‘contracts will be let in lots "
        "small enough for local charities’, and we welcome that. In our experience, however, "
        "lots are routinely set at a size only national providers can bid for. We ask the "
        "Council to state a maximum lot size in the final plan, for example contracts worth "
        "under £50,000 a year.",
        {"2.2"},
        [("2.2", "contracts will be let in lots small enough for local charities", 0)],
        stance="recommendation",
        kind="long formal comment, exact quote after 'para', money",
    ),
    case(
        "why does it say 'volunteer will be recruited from the community they serve'?? who "
        "decides who counts as the community",
        {"1.3"},
        [("1.3", "volunteers will be recruited from the communities they serve", 0)],
        stance="question",
        kind="informal, plurals made singular, no section named",
    ),
    case(
        "Re s.3.1, we strongly support \"Victims' services will be commissioned jointly with the "
        'Police and Crime Commissioner". Joint commissioning has worked well in the '
        "neighbouring county.",
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
        kind="'s.3.1', straight apostrophe inside straight double quotes",
    ),
    case(
        "§4.1 – a ‘single information sharing agreement’ may sound efficient, but many of our "
        "clients are survivors of domestic abuse who will not want their details passed to every "
        "partner. We are very worried about this.",
        {"4.1"},
        [("4.1", "single information-sharing agreement", 0)],
        stance="concern",
        kind="'§4.1', hyphen typed as a space",
    ),
    case(
        "Points 1.1 and 1.3 are very welcome to our volunteers, many of whom have lived "
        "experience of the justice system.",
        {"1.1", "1.3"},
        stance="welcomes",
        kind="'points 1.1 and 1.3', no quote",
    ),
    case(
        "Our detailed comments on 3.1–3.4 are in the annex. In short, we think the resettlement "
        "chapter is the strongest part of the plan and we thank officers for it.",
        {"3.1", "3.2", "3.3", "3.4"},
        stance="welcomes",
        kind="a range with an en dash",
    ),
    case(
        f"Far too much of this plan ‘{STOCK}’. That isn't a plan, it's a wish list.",
        stance="concern",
        kind="stock phrase, no section named",
    ),
    case(
        f"In 5.3, change ‘{STOCK}’ to ‘will be delivered by March 2026’. Marsh End has waited "
        "long enough.",
        {"5.3"},
        [("5.3", STOCK, 0)],
        proposed=["will be delivered by March 2026"],
        stance="recommendation",
        kind="change '…' to '…' on a stock phrase in a named section",
    ),
    case(
        "Riverside Residents’ Association, on para 3.4: we’d rather it read ‘within one day of "
        "arrival’. The first days in custody are when tenancies are lost.",
        {"3.4"},
        proposed=["within one day of arrival"],
        stance="recommendation",
        kind="we'd rather it read '…', close to the plan's words",
    ),
    case(
        "A budget of £1.2 million, barely 2.5% of community safety spending, will not go far "
        "across twelve districts.",
        stance="concern",
        kind="money and a percentage, not sections",
    ),
    case(
        "We held a workshop with 25 service users on 3.4.2025; please ring our office on "
        "01632 960411 if you would like a copy of the notes.",
        kind="a date and a phone number, not sections",
    ),
    case(
        "For context, re-offending in Eastfield fell by 4.1% in 2023 and by a further 1.2% in "
        "2024, according to our own monitoring.",
        kind="percentages that look like sections",
    ),
    case(
        "With 1.1 million residents and a single probation office, the county is badly served.",
        stance="concern",
        kind="a population figure that looks like a section",
    ),
    case(
        "Service users are not ‘hard to reach’; it is services that are hard for them to reach.",
        stance="concern",
        kind="scare quotes",
    ),
    case(
        "Para 1.2 says the panel will ‘review the framework yearly’, which is not often enough "
        "for a plan this new.",
        {"1.2"},
        stance="concern",
        kind="quote of another section than the one named",
    ),
    case(
        "It is good that ‘commissioners set out outcomes rather than outputs’, as 2.2 puts it.",
        {"2.2"},
        [("2.2", "Commissioners will set out outcomes rather than outputs", 0)],
        stance="welcomes",
        kind="tense changed ('will' dropped), section named after the quote",
    ),
    case(
        "We were pleased to read that housing advice ‘would be available in every prison’ (3.4).",
        {"3.4"},
        [("3.4", "will be available in every prison", 0)],
        stance="welcomes",
        kind="tense changed, section in brackets",
    ),
    case(
        "Evaluation ‘every two year’ is far too seldom for a new mentoring scheme.",
        {"3.2"},
        [("3.2", "every two years", 0)],
        stance="concern",
        kind="plural made singular, no section named",
    ),
    case(
        "We run the creche at the Oakley hub, so ‘creche provision at community hubs will be "
        "extended to every district’ is great news for parents on probation.",
        {"2.4"},
        [("2.4", "crèche provision at community hubs will be extended to every district", 0)],
        stance="welcomes",
        kind="accent not typed, no section named",
    ),
    case(
        "Section 1.1 (‘The Council will work with voluntary and community organisations...in "
        "every district’) overlooks the fact that Fenwick has almost no voluntary sector left.",
        {"1.1"},
        [
            (
                "1.1",
                "The Council will work with voluntary and community organisations to reduce "
                "re-offending in every district",
                0,
            )
        ],
        stance="concern",
        kind="ellipsis without spaces",
    ),
    case(
        "Para 3.3 says ‘local demonstration projects will test new and innovative approaches to "
        "resettlement’. Which approaches, and in which districts?",
        {"3.3"},
        [("3.3", "Local demonstration projects will test new approaches to resettlement", 0)],
        stance="question",
        kind="words added inside the quote",
    ),
    case(
        "“Housing advice will be available in every prison” – does this include the young "
        "offender institution at Castle Vale?",
        {"3.4"},
        [("3.4", "Housing advice will be available in every prison", 0)],
        stance="question",
        kind="curly double quotes, exact, no section named",
    ),
    case(
        "Section 2.1 should say ‘Sub-contracting and consortia building will be actively "
        "supported’.",
        {"2.1"},
        proposed=["Sub-contracting and consortia building will be actively supported"],
        stance="recommendation",
        kind="should say '…', sharing the plan's opening words",
    ),
    case(
        "‘Proposal 9 for the Brookside district will be considred where appropriate’ – after "
        "three years of waiting, that is a real let-down for Brookside.",
        {"5.9"},
        [("5.9", "Proposal 9 for the Brookside district will be considered where appropriate", 0)],
        stance="concern",
        kind="a whole stock-phrase section quoted with a typo, no number",
    ),
    case(
        f"Both 5.2 and 5.11 end with ‘{STOCK}’. We would like both replaced with firm "
        "commitments and dates.",
        {"5.2", "5.11"},
        [("5.2", STOCK, 0), ("5.11", STOCK, 0)],
        stance="recommendation",
        kind="stock phrase in two named sections",
    ),
    case(
        "Will any of this apply to women's prisons?",
        stance="question",
        kind="short question, nothing to link",
    ),
    case(
        "Hilltown Town Council supports the overall direction of the plan. However, paragraph 4.2 "
        "states that ‘the plan will be reviewed in 2027’; given the pace of change we recommend "
        "a mid-point review in 2026. We would also note that the quarterly reports to the board "
        "are not currently published anywhere.",
        {"4.2"},
        [("4.2", "the plan will be reviewed in 2027", 0)],
        stance="recommendation",
        kind="council, several sentences, support then a recommendation",
    ),
    case(
        "‘Mentoring schemes will be’ evaluated every two years, says 3.2 – but by whom?",
        {"3.2"},
        [("3.2", "mentoring schemes will be", 1)],
        stance="question",
        kind="words after the quote choose the second occurrence",
    ),
    case(
        "The repetition of ‘mentoring schemes’ in 3.2 reads as clumsy drafting.",
        {"3.2"},
        stance="concern",
        kind="a phrase twice in its section, nothing choosing",
    ),
    case(
        "Para 1.2: change ‘in the spring’ to ‘by 1 April 2025’ so that groups can plan their year.",
        {"1.2"},
        [("1.2", "in the spring", 0)],
        proposed=["by 1 April 2025"],
        stance="recommendation",
        kind="change '…' to '…' with a date",
    ),
    case(
        "We welcome the ‘local demonstration project’ planned for Riverside.",
        {"3.3"},
        [("3.3", "Local demonstration projects", 0)],
        stance="welcomes",
        kind="plural made singular, no section named",
    ),
    case(
        "So 2.3 means the Council will ‘keep an eye on things now and again’. That is all a "
        "yearly review amounts to.",
        {"2.3"},
        stance="concern",
        kind="a 'quote' reworded beyond recognition",
    ),
    case(
        "Clinks responds on behalf of its members. We welcome the commitment in 1.3 that "
        "volunteers will be ‘recruited, trained and supported by the probation service’. We are, "
        "however, concerned by 2.1: ‘sub contracting and consortia-building will be considered "
        "where appropriate’ offers small organisations no assurance at all. We recommend a clear "
        "target, such as 20% of contract value going to the voluntary sector.",
        {"1.3", "2.1"},
        [
            ("1.3", "recruited, trained and supported by the probation service", 0),
            (
                "2.1",
                "Sub-contracting and consortia building will be considered where appropriate",
                0,
            ),
        ],
        stance="recommendation",
        kind="long, two sections, hyphens moved, a percentage",
    ),
    case(
        "The plan twice promises things for ‘every district’, yet Ashby and Longford have never "
        "had a community hub.",
        {"1.1", "2.4"},
        [("1.1", "every district", 0), ("2.4", "every district", 0)],
        stance="concern",
        kind="a quote found in exactly two sections",
    ),
    case(
        "We’d like ‘Progress will be reported...every quarter’ to include a public report, not "
        "just one to the board.",
        {"4.2"},
        [("4.2", "Progress will be reported to the board every quarter", 0)],
        stance="recommendation",
        kind="ellipsis, no section named",
    ),
    case(
        "Longford District Council considers that s.2.3 should read “The Council will review the "
        "framework yearly with an independent panel that includes people with lived "
        "experience”.",
        {"2.3"},
        proposed=[
            "The Council will review the framework yearly with an independent panel that includes "
            "people with lived experience"
        ],
        stance="recommendation",
        kind="proposed wording that contains the whole section",
    ),
    case(
        "i think 'housing advise will be avalable in every prison' is a joke, my son waited 3 "
        "weeks to see anyone",
        {"3.4"},
        [("3.4", "Housing advice will be available in every prison", 0)],
        stance="concern",
        kind="informal, two typos, straight quotes",
    ),
    case(
        "Our comments on 2.3 follow the order of the consultation questions.",
        {"2.3"},
        kind="a section named, no stance",
    ),
]

BLIND_LETTERS = [
    LetterCase(
        letter(
            "Marsh End Women's Centre",
            "The Old Library, 4 Quay Road, Marsh End",
            "Tel: 01632 960222",
            "Dear Consultation Team,",
            BODY,
            "Yours faithfully,",
            "Helen Ward",
            "Director",
        ),
        "Marsh End Women's Centre",
        ORGANISATION,
        "Helen Ward",
        "letterhead with address and phone, name and title on separate lines",
    ),
    LetterCase(
        letter(
            "Dear Sir or Madam,",
            "I am writing on behalf of Eastfield Food Bank to respond to the consultation.",
            BODY,
            "Yours sincerely,",
            "Gary Mills\nTrustee",
        ),
        "Eastfield Food Bank",
        ORGANISATION,
        "Gary Mills",
        "organisation named in the opening, signed by a trustee",
    ),
    LetterCase(
        email(
            "Ruth Adeyemi",
            "r.adeyemi@brightstart.org.uk",
            "Dear Sir/Madam,",
            "Please see our comments below.",
            BODY,
            "Best wishes,",
            "Ruth Adeyemi\nPartnerships Manager\nBright Start Mentoring",
        ),
        "Bright Start Mentoring",
        ORGANISATION,
        "Ruth Adeyemi",
        "email from an organisation's domain, name/title/organisation signature",
    ),
    LetterCase(
        email(
            "daveporter62",
            "daveporter62@hotmail.co.uk",
            "hi,",
            "just my thoughts as a local resident.",
            BODY,
            "cheers",
            "Dave Porter",
        ),
        "Dave Porter",
        INDIVIDUAL,
        what="personal webmail with a handle as the sender's name",
    ),
    LetterCase(
        email(
            "Info",
            "info@castlevalecares.org",
            "Hello,",
            "Castle Vale Cares is a small volunteer-led charity supporting the families of "
            "prisoners.",
            BODY,
            "With thanks,",
            "The Castle Vale Cares team",
        ),
        "Castle Vale Cares",
        ORGANISATION,
        what="shared info@ mailbox, signed by a team, no person",
    ),
    LetterCase(
        letter(
            "Dear Sir or Madam,",
            "I work as a support worker at a hostel in Riverside, but I am writing in a personal "
            "capacity.",
            BODY,
            "Yours faithfully,",
            "Megan Cole",
        ),
        "Megan Cole",
        INDIVIDUAL,
        what="a person naming their job but writing personally",
    ),
    LetterCase(
        email(
            "Joan Fairley",
            "joanfairley@btinternet.com",
            "Dear Council,",
            "I write for a few of us who meet at St Mark's church in Westmoor on Thursdays; we are "
            "not a formal group but we all care about this.",
            BODY,
            "Kind regards,",
            "Joan Fairley",
        ),
        "Joan Fairley",
        INDIVIDUAL,
        what="a person writing for an informal group",
    ),
    LetterCase(
        email(
            "Ben Carter",
            "ben.carter@oakleyyouthtrust.org.uk",
            "Hi,",
            "Our comments are below.",
            BODY,
            "Thanks,",
            "Ben Carter | Operations Lead | Oakley Youth Trust",
        ),
        "Oakley Youth Trust",
        ORGANISATION,
        "Ben Carter",
        "signature on one line separated by bars",
    ),
    LetterCase(
        letter(
            "LONGFORD DISTRICT COUNCIL",
            "Civic Centre, Market Square, Longford LF1 2AB",
            "Our ref: CS/2025/114",
            "Dear Colleague,",
            "Longford District Council welcomes the opportunity to comment on the plan.",
            BODY,
            "Yours sincerely,",
            "Neil Hart",
            "Cabinet Member for Community Safety",
        ),
        "Longford District Council",
        ORGANISATION,
        "Neil Hart",
        "council letterhead in capitals with a reference number",
    ),
    LetterCase(
        email(
            "Sue Patel",
            "suepatel.fenwick@gmail.com",
            "Dear team,",
            "I am the secretary of Fenwick Friends of Prisoners, and this is our group's "
            "response, agreed at our committee meeting.",
            BODY,
            "Yours,",
            "Sue Patel",
            "Secretary, Fenwick Friends of Prisoners",
        ),
        "Fenwick Friends of Prisoners",
        ORGANISATION,
        "Sue Patel",
        "a small organisation writing from personal webmail",
    ),
    LetterCase(
        email(
            "Responses",
            "responses@ashbyhousing.org.uk",
            "Please find our response attached.",
            attachments=[
                letter(
                    "Dear Sir or Madam,",
                    "Thank you for the chance to respond.",
                    BODY,
                    "Yours faithfully,",
                    "Kwame Mensah, Chief Executive, Ashby Housing Trust",
                    name="ashby-housing-response.docx",
                )
            ],
        ),
        "Ashby Housing Trust",
        ORGANISATION,
        "Kwame Mensah",
        "shared mailbox sending a letter signed on one line with commas",
    ),
    LetterCase(
        letter(
            "14 Elm Close",
            "Brookside",
            "BR3 4QT",
            "12 March 2025",
            "Dear Sir or Madam,",
            BODY,
            "Yours faithfully,",
            "Margaret O'Neill",
        ),
        "Margaret O'Neill",
        INDIVIDUAL,
        what="a person's home address at the top, not a letterhead",
    ),
    LetterCase(
        letter(
            "Dear Sir/Madam,",
            "Response from the Hilltown Mentoring Network",
            BODY,
            "Signed on behalf of the trustees,",
            "Imran Siddiqui",
            "Chair",
        ),
        "Hilltown Mentoring Network",
        ORGANISATION,
        "Imran Siddiqui",
        "organisation in a title line, signed by its chair",
    ),
    LetterCase(
        letter(
            "Dear Sir,",
            "I have been a volunteer mentor with Bright Start Mentoring for six years, though "
            "these views are my own.",
            BODY,
            "Yours sincerely,",
            "Owen Hughes",
        ),
        "Owen Hughes",
        INDIVIDUAL,
        what="a person naming an organisation they volunteer for, writing personally",
    ),
]

_CAFE = "Café provision at community hubs will be extended."
_CRECHE = (
    "Café and crèche provision at community hubs will be extended to every district by 2027, "
    "with funding agreed each year by the board."
)
_TRAINED = "Volunteers will be trained and supported by the probation service before they start."
_PANEL = "The Council will review the framework yearly with an independent panel."
_PROGRESS = (
    "Progress will be reported to the board every quarter, and the plan will be reviewed in 2027."
)
_FRAMEWORK = "The framework will be published in May."
_CRITERIA = "Funding criteria will be published in the spring."
_DEMONSTRATION = "Local demonstration projects will test new approaches to resettlement."
_ADVICE = "Housing advice will be available in every prison within three days of arrival."
_DATA = "Data will be shared with partners."

BLIND_REVISIONS = [
    revision(
        "a section removed and the next renumbered into its place",
        [("1.1", "", SECTIONS["1.1"]), ("1.2", "", SECTIONS["1.2"]), ("1.3", "", SECTIONS["1.3"])],
        [("1.1", "", SECTIONS["1.1"]), ("1.2", "", SECTIONS["1.3"])],
        {("1.1", "1.1", "same"), ("1.2", None, "removed"), ("1.3", "1.2", "moved")},
        [
            QuoteCase("1.2", "in the spring", 0, None),
            QuoteCase(
                "1.3",
                "volunteers will be recruited from the communities they serve",
                0,
                ("1.2", "volunteers will be recruited from the communities they serve", 0),
            ),
        ],
    ),
    revision(
        "a short section expanded, with a light capitalisation change beside it",
        [("2.4", "", _CAFE), ("2.5", "", _TRAINED)],
        [
            ("2.4", "", _CRECHE),
            ("2.5", "", _TRAINED.replace("probation service", "Probation Service")),
        ],
        {("2.4", "2.4", "changed"), ("2.5", "2.5", "same")},
        [
            QuoteCase(
                "2.4", "provision at community hubs", 0, ("2.4", "provision at community hubs", 0)
            ),
            QuoteCase(
                "2.5",
                "trained and supported by the probation service",
                0,
                ("2.5", "trained and supported by the Probation Service", 0),
            ),
        ],
    ),
    revision(
        "a section split in two, the section after it renumbered",
        [("4.2", "", _PROGRESS), ("4.3", "", _PANEL)],
        [
            ("4.2", "", "Progress will be reported to the board every quarter."),
            ("4.3", "", "The plan will be reviewed in 2027."),
            ("4.4", "", _PANEL),
        ],
        {("4.2", "4.2", "split"), ("4.2", "4.3", "split"), ("4.3", "4.4", "moved")},
        [
            QuoteCase("4.2", "every quarter", 0, ("4.2", "every quarter", 0)),
            QuoteCase("4.2", "reviewed in 2027", 0, ("4.3", "reviewed in 2027", 0)),
            QuoteCase(
                "4.3", "with an independent panel", 0, ("4.4", "with an independent panel", 0)
            ),
        ],
    ),
    revision(
        "two sections merged, the quoted words now twice and the context saying which",
        [("1.4", "", _FRAMEWORK), ("1.5", "", _CRITERIA), ("1.6", "", _DEMONSTRATION)],
        [("1.4", "", f"{_FRAMEWORK} {_CRITERIA}"), ("1.5", "", _DEMONSTRATION)],
        {("1.4", "1.4", "changed"), ("1.5", "1.4", "merged"), ("1.6", "1.5", "moved")},
        [
            QuoteCase("1.5", "will be published", 0, ("1.4", "will be published", 1)),
            QuoteCase("1.4", "published in May", 0, ("1.4", "published in May", 0)),
        ],
    ),
    revision(
        "a section moved to a new chapter, a new section taking its number",
        [("3.3", "Resettlement", _DEMONSTRATION), ("3.4", "Housing", _ADVICE)],
        [
            ("3.3", "Housing", _ADVICE),
            ("3.4", "Employment", "Employers will be invited to offer work placements."),
            ("6.1", "Innovation", _DEMONSTRATION),
        ],
        {("3.3", "6.1", "moved"), ("3.4", "3.3", "moved"), (None, "3.4", "new")},
        [
            QuoteCase(
                "3.3",
                "test new approaches to resettlement",
                0,
                ("6.1", "test new approaches to resettlement", 0),
            ),
            QuoteCase("3.4", "within three days", 0, ("3.3", "within three days", 0)),
        ],
    ),
    revision(
        "a figure reworded in place and the sentence grown",
        [("3.4", "", _ADVICE)],
        [
            (
                "3.4",
                "",
                "Housing advice will be available in every prison within 48 hours of arrival, "
                "from a named housing adviser.",
            )
        ],
        {("3.4", "3.4", "changed")},
        [
            QuoteCase(
                "3.4", "within three days of arrival", 0, ("3.4", "within 48 hours of arrival", 0)
            ),
            QuoteCase("3.4", "Housing advice", 0, ("3.4", "Housing advice", 0)),
        ],
    ),
    revision(
        "a quote's words now twice in the revision, nothing saying which",
        [("4.1", "", _DATA)],
        [
            (
                "4.1",
                "",
                "Data will be shared with partners who sign the agreement, and summary data will "
                "be shared with partners in the voluntary sector each quarter.",
            )
        ],
        {("4.1", "4.1", "changed")},
        [QuoteCase("4.1", "will be shared with partners", 0, None, to_check=True)],
    ),
]
