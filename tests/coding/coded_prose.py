"""Comments on a county's reducing re-offending plan, each with the codes a careful analyst would
give it from the coding frame below, written without reading how Marginalia suggests codes, so
that suggestions measured on them are not fitted to them.

The plan is a county council's "Reducing re-offending plan", consulted on with the public and the
voluntary sector. Respondents are charities, umbrella bodies, probation staff, people with lived
experience of prison, victims, families, councillors and members of the public, and they write as
such people do: formal organisational responses, one-line complaints, txt-speak and misspellings,
comments citing section numbers ("Para 2.2 ...") or quoting the plan, and long comments that raise
two or three topics. The same idea is worded in many different ways from comment to comment.

Each comment is a ``(text, codes)`` pair, where ``codes`` is a frozenset of zero to three names
from ``FRAME``: the codes an experienced consultation analyst would assign for what the comment
substantively raises, not for every word it happens to use. About one comment in ten has no code
(thanks, procedural remarks, complaints about the consultation itself, off-topic remarks, "N/A").
A few are deliberately hard: a comment that borrows one code's vocabulary while being about
another (an "independent evaluation" the council should "commission" is evidence, not
commissioning), a very short comment, and comments that mention a second topic only in passing,
which is left uncoded.

``CALIBRATION`` (100 comments) is for tuning; ``HELD_OUT`` (80 comments) was written afterwards,
independently, without re-using its sentences, and is for measuring only.
"""

FRAME = [
    "Funding and commissioning",
    "Small organisations",
    "Volunteering and mentoring",
    "Victims and families",
    "Partnership with the sector",
    "Housing and resettlement",
    "Employment and skills",
    "Health and substance misuse",
    "Independence and campaigning",
    "Evidence and outcomes",
]

CALIBRATION = [
    (
        'Para 2.2 says contracts will be let "in lots small enough for local charities". '
        "In our experience this never happens. The last probation tender was a single "
        "contract for the whole county with a minimum turnover requirement of £2m, which "
        "ruled out every member of our network before we had even read the specification. If "
        "the council means what it says, it should tell us now how big the lots will be and "
        "what the financial thresholds are.",
        frozenset({"Funding and commissioning", "Small organisations"}),
    ),
    (
        "Three-year funding as a minimum please. Annual grants mean we spend every January "
        "to March writing bids and putting staff on notice just in case.",
        frozenset({"Funding and commissioning"}),
    ),
    ("Thank you for the opportunity to comment.", frozenset()),
    (
        "I have volunteered as a mentor with a local project for six years. The training "
        "probation offers under 1.3 is fine as far as it goes but nobody supports the "
        "volunteers afterwards. We get a DBS check, two days in a classroom and then we are "
        "on our own with some very complex people.",
        frozenset({"Volunteering and mentoring"}),
    ),
    (
        "As a victim of burglary I notice the word victim appears about once in this whole "
        "document. Where is the support for people like me? I was given a leaflet and a "
        "crime number and that was it.",
        frozenset({"Victims and families"}),
    ),
    ("More money for hostels please.", frozenset({"Housing and resettlement"})),
    (
        "Half the men I work with on licence have a drug or alcohol problem and the waiting "
        "list for the community treatment service is currently eleven weeks. Nothing in this "
        "plan will work until that is fixed.",
        frozenset({"Health and substance misuse"}),
    ),
    (
        'We were "consulted" on the draft at a single two-hour event at County Hall where '
        "officers presented slides for ninety minutes and took questions for the last half "
        "hour. By that point the priorities had clearly been settled. That is informing, not "
        "consulting. Section 1.1 promises that partners will be consulted on the framework "
        "before it is published; we would ask that in future the sector is involved while "
        "options are still open, that papers are circulated at least two weeks ahead, and "
        "that the council reports back on what it has changed as a result. Many of our "
        "members travelled a long way and left feeling their time had been wasted. We also "
        "note that the voluntary sector forum, which used to be the council's main route for "
        "hearing from small organisations, was not told about the event at all, and several "
        "of our members only heard about it from us the day before.",
        frozenset({"Partnership with the sector"}),
    ),
    (
        "Section 4.1 on data sharing needs much more detail. Which data, shared with whom, "
        "and on what legal basis? Our clients are rightly wary about their information "
        "ending up with the police.",
        frozenset({"Evidence and outcomes"}),
    ),
    (
        "Our funding agreement with the council already includes a clause preventing us from "
        '"bringing the authority into disrepute". Our trustees read this as a gagging '
        "clause. Whatever arrangements follow from this plan must protect the right of "
        "charities to speak out publicly about failings in the system.",
        frozenset({"Independence and campaigning"}),
    ),
    (
        "Employers need to be brought into this. My son came out of prison with a plumbing "
        "qualification he did inside and not one firm would take him on once they saw his "
        "record.",
        frozenset({"Employment and skills"}),
    ),
    (
        "The paperwork involved is out of all proportion to the sums on offer. We are a "
        "charity with two part-time staff and a volunteer treasurer. A 40-page application "
        "form followed by a 20-page quarterly monitoring return for £8,000 is not "
        "proportionate.",
        frozenset({"Small organisations"}),
    ),
    (
        "Para 3.4: housing advice within three days of arrival is welcome, but advice is not "
        "a tenancy. People are still walking out of the gate with a discharge grant and a "
        "list of phone numbers and ending up sofa surfing or on the streets within a week.",
        frozenset({"Housing and resettlement"}),
    ),
    (
        "Families are the forgotten victims of crime. When my husband was sent to prison I "
        "lost half the household income, my children were bullied at school and nobody from "
        "any agency asked how we were coping. Please include support for prisoners' families "
        "in the plan.",
        frozenset({"Victims and families"}),
    ),
    (
        'How will success be measured? The plan talks about "reducing re-offending" but '
        "doesn't set a baseline or a target. Without one, the progress reports under 4.2 "
        "will be meaningless.",
        frozenset({"Evidence and outcomes"}),
    ),
    (
        "Payment by results sounds sensible in theory but in practice it transfers all the "
        "risk to the provider. We would have to wait eighteen months for proven re-offending "
        "data before being paid, and very few voluntary organisations have the reserves to "
        "carry that.",
        frozenset({"Funding and commissioning"}),
    ),
    ("N/A", frozenset()),
    (
        "Relationships with the local prison are good at officer level but fall apart "
        "whenever the governor changes. We need a formal partnership agreement that survives "
        "changes of personnel.",
        frozenset({"Partnership with the sector"}),
    ),
    (
        "Peer mentors with lived experience are the single most effective thing I have seen "
        "in twenty years of this work. Some of our best mentors have gone on to paid jobs as "
        "support workers. The plan should create proper routes from volunteering into "
        "employment for people with convictions.",
        frozenset({"Volunteering and mentoring", "Employment and skills"}),
    ),
    (
        "Mental health support for people on short sentences is non existent. They are in "
        "and out before an assessment has even been done.",
        frozenset({"Health and substance misuse"}),
    ),
    (
        'We welcome the commitment in 1.2 but "considered where appropriate" is so vague '
        "that it commits the council to nothing. Who decides what is appropriate? We would "
        "like to see a ring-fenced pot for grassroots groups with an annual income under "
        "£250k.",
        frozenset({"Funding and commissioning", "Small organisations"}),
    ),
    (
        "The voluntary sector's value lies in being independent of the state. If we become "
        "just another delivery arm of probation, paid to do what we are told, service users "
        "will stop trusting us.",
        frozenset({"Independence and campaigning"}),
    ),
    (
        "The consultation closes in the middle of the school holidays and the online form "
        "timed out twice while I was writing my response. Please extend the deadline.",
        frozenset(),
    ),
    (
        "Section 3.1 - commissioning victims' services jointly with the PCC is sensible, but "
        "victim support organisations should be at the table when the specification is "
        "written, not just invited to bid once it is finished.",
        frozenset({"Victims and families", "Partnership with the sector"}),
    ),
    (
        "there r no jobs round here for anyone let alone people with a record. sort out the "
        "economy first",
        frozenset({"Employment and skills"}),
    ),
    (
        "Dual diagnosis clients are the hardest people to house in this county. Most hostels "
        "won't take someone who is actively using, and the treatment services won't start "
        "work until the person has a stable address, so they bounce between the two and fall "
        "through the gap every time. We have one client who has been evicted from four "
        "placements in eighteen months, each time for drug use, and has never once been "
        "offered a detox. We would ask that the resettlement demonstration projects in 3.3 "
        "include a housing-first model with treatment brought to the person rather than made "
        "a condition of getting a tenancy.",
        frozenset({"Housing and resettlement", "Health and substance misuse"}),
    ),
    (
        "We would be happy to share our anonymised outcome data with the council but we have "
        "never been asked for it. We collect it for our other funders anyway.",
        frozenset({"Evidence and outcomes"}),
    ),
    (
        "Small local groups know their communities and can reach people the big national "
        "providers never will. Please don't let this plan squeeze them out.",
        frozenset({"Small organisations"}),
    ),
    (
        "Cuts to the community safety budget over the last five years have already closed "
        "two projects in this town. The plan promises a lot but I can't see any new money "
        "attached to it.",
        frozenset({"Funding and commissioning"}),
    ),
    (
        "I'd like to volunteer but the application process through probation took nine "
        "months last time I tried and I gave up in the end.",
        frozenset({"Volunteering and mentoring"}),
    ),
    (
        "Para 2.1 talks about consortia and sub-contracting but there has been no "
        "conversation with the sector about how any of this would work. Come and talk to us.",
        frozenset({"Partnership with the sector"}),
    ),
    (
        "Alcohol is the elephant in the room. Most of the violent offences in this town "
        "happen after 11pm on a Friday or Saturday, and the plan barely mentions drink.",
        frozenset({"Health and substance misuse"}),
    ),
    (
        "Restorative justice should be offered to every victim who wants it. Meeting the man "
        "who assaulted me was the only thing that helped me move on.",
        frozenset({"Victims and families"}),
    ),
    (
        "Lot sizes. That's the whole issue. Make them small enough and local charities can "
        "bid. Make them county-wide and you get the same two national outfits every time.",
        frozenset({"Funding and commissioning", "Small organisations"}),
    ),
    (
        "We want to be partners, not contractors. Partnership means we can disagree with you "
        "in public without worrying that our grant will be at risk when it comes up for "
        "renewal.",
        frozenset({"Partnership with the sector", "Independence and campaigning"}),
    ),
    (
        "The progress reports should be published in full, not summarised in a cabinet paper "
        "nobody reads.",
        frozenset({"Evidence and outcomes"}),
    ),
    (
        "A roof over their heads is the first thing. Without an address you can't open a "
        "bank account, can't claim benefits, can't get a job. Everything else follows from "
        "housing.",
        frozenset({"Housing and resettlement"}),
    ),
    (
        "The plan says nothing about training in prison. Education departments have been cut "
        "to the bone and the courses on offer don't match local vacancies. Why not ask local "
        "employers what skills they are short of?",
        frozenset({"Employment and skills"}),
    ),
    ("No comment.", frozenset()),
    (
        "The infrastructure body for the voluntary sector in this county has lost its core "
        "grant and is down to one member of staff. Who is supposed to help small charities "
        "form consortia now?",
        frozenset({"Small organisations"}),
    ),
    (
        "Mentoring only works if it's consistent. Young lads I've worked with have had four "
        "different mentors in a year because volunteers burn out. Pay a coordinator properly "
        "and keep the same person with them.",
        frozenset({"Volunteering and mentoring"}),
    ),
    (
        "Domestic abuse survivors must have a say in how perpetrator programmes are run. Too "
        "often the focus is on the offender's needs and the woman's safety is an "
        "afterthought.",
        frozenset({"Victims and families"}),
    ),
    (
        "Probation and the drug and alcohol service operate completely separately. Clients "
        "have to tell their story three times to three different workers. Joint assessments "
        "and co-location would make a huge difference.",
        frozenset({"Partnership with the sector", "Health and substance misuse"}),
    ),
    (
        "Outcome-based contracts reward providers who cherry pick the easiest clients. The "
        'people with the most complex needs get "parked" because they won\'t trigger a '
        "payment.",
        frozenset({"Funding and commissioning"}),
    ),
    (
        "Private landlords won't touch anyone with a conviction. The council needs to work "
        "with housing associations to ring-fence some properties for people leaving custody.",
        frozenset({"Housing and resettlement"}),
    ),
    (
        "Information sharing between the prison, probation and our service is poor. We often "
        "don't know someone has been released until they turn up at our door. A simple "
        "release notification would help enormously.",
        frozenset({"Evidence and outcomes"}),
    ),
    (
        "Will organisations that receive council money still be free to campaign for "
        "sentencing reform? Some of our trustees are worried.",
        frozenset({"Independence and campaigning"}),
    ),
    ("Ex offenders need real jobs not just CV workshops.", frozenset({"Employment and skills"})),
    (
        "As a small charity we simply don't have the capacity to attend all the partnership "
        "boards, steering groups and task and finish groups the council sets up. If you want "
        "our views, come to us or pay for our time.",
        frozenset({"Small organisations", "Partnership with the sector"}),
    ),
    (
        "Our befriending scheme matches volunteers with children who have a parent in "
        "prison. Demand far outstrips the number of volunteers we can train. It would be "
        "good to see the plan recognise this kind of volunteering, not just the mentoring of "
        "offenders.",
        frozenset({"Volunteering and mentoring", "Victims and families"}),
    ),
    (
        "Why is there nothing on women's mental health? The majority of women in the local "
        "prison have experienced trauma and many have self-harmed.",
        frozenset({"Health and substance misuse"}),
    ),
    (
        "The tender timetable is unrealistic. Four weeks to put a bid together with partners "
        "over the Christmas period is not reasonable.",
        frozenset({"Funding and commissioning"}),
    ),
    (
        "While you are asking for views, the potholes on the road past the probation office "
        "are a disgrace and someone is going to break an ankle.",
        frozenset(),
    ),
    (
        'There is a lot of talk of "working with the voluntary sector" in this document '
        "but the sector was not involved in writing it. Co-production means starting with a "
        "blank sheet together.",
        frozenset({"Partnership with the sector"}),
    ),
    (
        "Victims should be kept informed when the offender is released. I found out my "
        "ex-partner was out when I saw him in the supermarket.",
        frozenset({"Victims and families"}),
    ),
    (
        "Section 3.3 - the resettlement demonstration projects should test a joined-up offer "
        "of a tenancy and a job. Someone who gets a flat but no work is back in rent arrears "
        "within months, and someone who gets a job but has nowhere to live loses it within "
        "weeks.",
        frozenset({"Housing and resettlement", "Employment and skills"}),
    ),
    (
        "Please commission an independent evaluation of the demonstration projects from the "
        "start, with a comparison group, rather than asking the providers to mark their own "
        "homework.",
        frozenset({"Evidence and outcomes"}),
    ),
    (
        "small charities cant compete with the big boys, simple as",
        frozenset({"Small organisations"}),
    ),
    (
        "If contracts are to be paid on outcomes, the outcome measures need to be agreed "
        "with providers up front and should reflect distance travelled, not just a binary "
        "proven re-offending rate. Reduced frequency of offending, stable accommodation, "
        "staying sober for six months - these are real achievements and they should be "
        "counted and paid for.",
        frozenset({"Funding and commissioning", "Evidence and outcomes"}),
    ),
    (
        "It is not the role of charities to quietly fill the gaps left by the state while "
        "keeping quiet about why those gaps exist.",
        frozenset({"Independence and campaigning"}),
    ),
    (
        "Para 1.3 - why should volunteers be recruited and trained by probation? Voluntary "
        "organisations have decades of experience of recruiting and supporting volunteers. "
        "Probation should build on that rather than replicate it.",
        frozenset({"Volunteering and mentoring"}),
    ),
    (
        "Drug treatment in prison needs to continue seamlessly on release. People come out "
        "on a Friday with no script and no bed for the night and are using again by the "
        "weekend.",
        frozenset({"Housing and resettlement", "Health and substance misuse"}),
    ),
    (
        "My brother is in prison 80 miles away. The visits cost us over £50 in train fares "
        "each time. Families keep people going and keep them out of trouble when they come "
        "out, but the system makes it so hard to stay in touch.",
        frozenset({"Victims and families"}),
    ),
    (
        "Para 3.3 should include social enterprises that employ ex-offenders. We run a café "
        "staffed by trainees with convictions and 70% have moved on into other jobs.",
        frozenset({"Employment and skills"}),
    ),
    (
        "The Community Rehabilitation Company never returned our calls. I hope the new "
        "arrangements are better but I'm not holding my breath.",
        frozenset({"Partnership with the sector"}),
    ),
    (
        "Commissioners need to understand that full cost recovery is not profit. Contracts "
        "that only pay for direct delivery hours and nothing towards management, premises or "
        "supervision are slowly bankrupting the sector.",
        frozenset({"Funding and commissioning"}),
    ),
    (
        "We support 2.1 in principle but sub-contracting arrangements need to be fair. Under "
        "the previous arrangements prime contractors took management fees of up to 20% and "
        "passed unacceptable levels of risk down to the small organisations in their supply "
        "chains, two of which have since folded. We would want to see a code of practice for "
        "primes, capped management fees and payment to sub-contractors within 30 days.",
        frozenset({"Funding and commissioning", "Small organisations"}),
    ),
    (
        "Hostel bed spaces in the district have halved since 2015.",
        frozenset({"Housing and resettlement"}),
    ),
    (
        "Our organisation would struggle with any new reporting requirements. We don't have "
        "a case management system; our records are on paper and in a couple of spreadsheets "
        "kept by a volunteer.",
        frozenset({"Small organisations", "Evidence and outcomes"}),
    ),
    (
        "I have read the plan and have nothing to add to the response already submitted by "
        "our umbrella body.",
        frozenset(),
    ),
    (
        "Campaigning is part of our charitable purpose. We will continue to challenge the "
        "use of short prison sentences whoever funds us.",
        frozenset({"Independence and campaigning"}),
    ),
    (
        "My mentor was the first person who didn't judge me. He'd been inside himself and he "
        "just got it. That is what kept me out the second time.",
        frozenset({"Volunteering and mentoring"}),
    ),
    (
        "Children of prisoners are much more likely to develop mental health problems. CAMHS "
        "waiting lists here are already over a year. This needs to be recognised in the "
        "plan.",
        frozenset({"Victims and families", "Health and substance misuse"}),
    ),
    (
        "Its all drugs. every single persn I no who went to jail went for something to do "
        "with drugs. Sort the drugs out and you sort the crime out.",
        frozenset({"Health and substance misuse"}),
    ),
    (
        "Grant funding should not be abandoned in favour of contracts. Some of the most "
        "innovative work in this field has been grant funded precisely because it did not "
        "fit a specification.",
        frozenset({"Funding and commissioning"}),
    ),
    (
        "We would welcome a standing forum where voluntary organisations, probation and the "
        "council review progress against the plan together every six months, looking at the "
        "figures and agreeing what needs to change.",
        frozenset({"Partnership with the sector", "Evidence and outcomes"}),
    ),
    (
        "Consortia take time and money to set up. Legal advice, governance, a lead partner "
        "willing to carry the risk - none of this comes free, and small groups can't manage "
        "it without help.",
        frozenset({"Small organisations"}),
    ),
    (
        "Disclosure rules put employers off. The council is one of the biggest employers in "
        "the county and should lead by example and ban the box.",
        frozenset({"Employment and skills"}),
    ),
    (
        "The housing advice target in 3.4 is meaningless unless there are housing options to "
        "advise on. Advisers in the prison tell me they have nothing to offer most single "
        "men except a night shelter.",
        frozenset({"Housing and resettlement"}),
    ),
    (
        "Please don't forget that many offenders are victims too - of abuse, of "
        "exploitation, of county lines gangs. Victim support should include them.",
        frozenset({"Victims and families"}),
    ),
    ("Is this the same plan that was consulted on in 2019? It reads very similarly.", frozenset()),
    (
        'Para 1.2 - "funding for small organisations will be considered where '
        "appropriate\". Considered by whom, and where is the budget? Last year's small "
        "grants fund closed after one round.",
        frozenset({"Funding and commissioning", "Small organisations"}),
    ),
    (
        "The plan should explicitly recognise the Compact and the right of voluntary "
        "organisations to campaign, including against the council's own policies.",
        frozenset({"Independence and campaigning"}),
    ),
    (
        "Many of the men we support have undiagnosed learning difficulties or ADHD. That "
        "affects whether they can hold down a job or finish a training course, and it is "
        "rarely picked up.",
        frozenset({"Employment and skills", "Health and substance misuse"}),
    ),
    (
        "Probation officers are overworked and don't have time to build relationships with "
        "local services. Referrals to us have dropped by half in two years, not because need "
        "has fallen but because nobody has time to make them.",
        frozenset({"Partnership with the sector"}),
    ),
    (
        "How will you make sure volunteers are safe? Mentoring people with violent histories "
        "carries risks, and volunteers need proper supervision and somewhere to go if "
        "something goes wrong.",
        frozenset({"Volunteering and mentoring"}),
    ),
    (
        "Why is the council spending money on criminals when my council tax has gone up 5% "
        "and the library is closing?",
        frozenset(),
    ),
    (
        "Please could I have a paper copy of the full plan. The summary leaflet in the "
        "library doesn't include the section numbers the response form refers to.",
        frozenset(),
    ),
    (
        "Victims' organisations and offender services are too often pitted against each "
        "other for the same pot of money, which does nobody any good. Women's Aid and the "
        "local probation hostel are effectively competing in the same bidding round this "
        "year. The PCC and the council should be bringing us together to plan services "
        "around victims' safety and offenders' rehabilitation side by side, rather than "
        "making us compete for scraps.",
        frozenset(
            {"Funding and commissioning", "Victims and families", "Partnership with the sector"}
        ),
    ),
    (
        "Women leaving prison are often treated as intentionally homeless because they lost "
        "their tenancy while inside. Then they can't get their children back without a home. "
        "Its a vicious circle.",
        frozenset({"Housing and resettlement"}),
    ),
    (
        "Section 4.1 - we support better data sharing in principle, but half the voluntary "
        "sector still can't receive secure email. The single information-sharing agreement "
        "needs to work for organisations without an IT department.",
        frozenset({"Evidence and outcomes"}),
    ),
    (
        "The big providers turn up to the market engagement events with a bid team of six. "
        "We turn up with our chief executive, who is also our caseworker and our cleaner.",
        frozenset({"Small organisations"}),
    ),
    (
        "Volunteering was a stepping stone back to work for me. After 18 months helping at "
        "the food bank I had a reference and I got a paid job. More of that please.",
        frozenset({"Volunteering and mentoring", "Employment and skills"}),
    ),
    (
        "Section 3.2 mentoring schemes are welcome but many people need specialist trauma "
        "counselling, not a befriender. Mental health provision for people under probation "
        "supervision is where the real gap is.",
        frozenset({"Health and substance misuse"}),
    ),
    (
        "the money always goes to the same big companies. Sodexo, Serco, G4S. they make a "
        "profit out of misery and then get the next contract anyway",
        frozenset({"Funding and commissioning"}),
    ),
    (
        "We are concerned that the draft contract terms require all media contact to be "
        "approved by the council's communications team. That would prevent us from speaking "
        "publicly on behalf of the people we support.",
        frozenset({"Independence and campaigning"}),
    ),
    (
        "Can the council publish the evidence base for this plan? Several of the claims in "
        "the introduction are not referenced.",
        frozenset({"Evidence and outcomes"}),
    ),
    (
        "Make offenders pay compensation to their victims. Simple.",
        frozenset({"Victims and families"}),
    ),
    (
        "The council should fund a dedicated liaison post to link small community groups "
        "into probation. At the moment the only people who understand how the system works "
        "are the big providers.",
        frozenset({"Small organisations", "Partnership with the sector"}),
    ),
    ("I support the plan.", frozenset()),
]

HELD_OUT = [
    (
        "Our main concern is the length of awards. Twelve-month agreements make it "
        "impossible to recruit and keep good staff. Commissioners should move to five-year "
        "arrangements with a break clause.",
        frozenset({"Funding and commissioning"}),
    ),
    (
        '2.2 - "lots small enough for local charities". Good. But please also lower the '
        "insurance and turnover thresholds in the pre-qualification questionnaire, otherwise "
        "the small lots will still go to the nationals.",
        frozenset({"Funding and commissioning", "Small organisations"}),
    ),
    (
        "Many thanks for extending the deadline. Our full response is attached as a PDF.",
        frozenset(),
    ),
    (
        "need more rehab beds. detox in the community doesnt work for most people i know, u "
        "need to get away from the people u use with",
        frozenset({"Health and substance misuse"}),
    ),
    (
        "Nobody ever explains the process to victims. I didn't know I could make a statement "
        "about the impact the crime had on me until after the sentencing.",
        frozenset({"Victims and families"}),
    ),
    (
        "Sofa surfing is homelessness too, even if it doesn't show up in your figures.",
        frozenset({"Housing and resettlement"}),
    ),
    (
        "Jobcentre staff need training on working with people with convictions. My work "
        'coach told me to "leave it off the form", which is bad advice and probably '
        "unlawful.",
        frozenset({"Employment and skills"}),
    ),
    (
        "Officers from the council have been genuinely open to discussion on this plan and "
        "we appreciated the two workshops held in the spring. We hope this way of working "
        "carries on into implementation.",
        frozenset({"Partnership with the sector"}),
    ),
    (
        'We note that the plan refers to the sector as "providers" throughout. We are not '
        "simply providers. We are advocates for a group of people who have very little voice "
        "of their own, and we would resist any attempt to make that advocacy conditional on "
        "the council's goodwill.",
        frozenset({"Independence and campaigning"}),
    ),
    (
        "Volunteer mentors should be matched on interests and background, not just on who is "
        "available that week. The best matches in our scheme have been based on something as "
        "simple as supporting the same football team.",
        frozenset({"Volunteering and mentoring"}),
    ),
    (
        "Para 4.2 - the quarterly progress reports should include the numbers: how many "
        "referrals, how many people housed, how many in work, reconviction rates. Not just a "
        "couple of case studies with a photo.",
        frozenset({"Evidence and outcomes"}),
    ),
    (
        "Money should follow the person, not the institution.",
        frozenset({"Funding and commissioning"}),
    ),
    (
        "We are a tiny organisation run entirely by volunteers, and we don't have a finance "
        "officer or a bid writer. We need simpler processes and somebody at the council we "
        "can ring for help.",
        frozenset({"Small organisations"}),
    ),
    (
        "The effect on a victim's mental health can go on for years after a court case. "
        "Victim services should be able to offer counselling for as long as it is needed, "
        "not six sessions and goodbye.",
        frozenset({"Victims and families", "Health and substance misuse"}),
    ),
    (
        "The district councils hold the homelessness duty, not the county. Unless the "
        "district housing teams are signed up to this plan, the commitments in 3.4 cannot be "
        "delivered.",
        frozenset({"Housing and resettlement"}),
    ),
    (
        "Apprenticeships with the council and its contractors should be open to people with "
        "convictions, with a guaranteed interview scheme.",
        frozenset({"Employment and skills"}),
    ),
    ("Please could you confirm receipt of this response.", frozenset()),
    (
        "The consortium we formed for the last round cost us around £15,000 in legal fees "
        "and staff time, and we then lost the tender to a national provider on price. We "
        "won't be doing that again without some help towards bid costs.",
        frozenset({"Funding and commissioning", "Small organisations"}),
    ),
    (
        "Lots of the people I support have been on methadone for years and years. Where is "
        "the recovery? Treatment services should help people get off drugs, not just manage "
        "them.",
        frozenset({"Health and substance misuse"}),
    ),
    (
        "Has anyone asked the children? Kids with a mum or dad inside are punished too and "
        "nobody asks them what would help.",
        frozenset({"Victims and families"}),
    ),
    (
        'The plan mentions "engagement" seventeen times and "co-design" not once.',
        frozenset({"Partnership with the sector"}),
    ),
    (
        "Where's the evidence that mentoring works? Before you spend money scaling it up "
        "please look at the research, which is mixed at best, and build in a proper "
        "evaluation.",
        frozenset({"Volunteering and mentoring", "Evidence and outcomes"}),
    ),
    (
        "Charities exist to serve their beneficiaries, not the council. Please bear that in "
        "mind when we criticise the plan, as we are doing in this response.",
        frozenset({"Independence and campaigning"}),
    ),
    (
        "Para 1.3 - we would support a single volunteer training programme for the county, "
        "but it should be designed with the voluntary organisations who will be sending "
        "volunteers on it, and run in the evenings and at weekends when people who work can "
        "attend.",
        frozenset({"Volunteering and mentoring", "Partnership with the sector"}),
    ),
    (
        "Hostels in town are not safe. Drugs everywhere, fights every night. I would rather "
        "sleep in a tent than go back there.",
        frozenset({"Housing and resettlement"}),
    ),
    (
        "Please stop reducing contract values at each re-tender while expecting the same "
        "service. Ours has been cut by 30% over three renewals and the volume of referrals "
        "has gone up.",
        frozenset({"Funding and commissioning"}),
    ),
    (
        "Please publish forthcoming opportunities well in advance so that smaller groups "
        "have time to find partners and get their governance in order.",
        frozenset({"Small organisations"}),
    ),
    (
        "Data sharing agreements need to be in place before the new services start, not six "
        "months in. We spent most of the first year of our last contract arguing about "
        "access to case records.",
        frozenset({"Evidence and outcomes"}),
    ),
    (
        "I don't understand half of this document. Can it be written in plain English please.",
        frozenset(),
    ),
    (
        "You can't hold down a job if you're using. Getting people clean comes first, then "
        "training, then work.",
        frozenset({"Employment and skills", "Health and substance misuse"}),
    ),
    (
        "The plan treats victims as an afterthought, tacked on in section 3.1. Put them first.",
        frozenset({"Victims and families"}),
    ),
    (
        "Payment by results - no. Our trustees would not allow us to sign a contract where "
        "most of our income depends on things outside our control.",
        frozenset({"Funding and commissioning"}),
    ),
    (
        "The relationship between probation and the local voluntary sector has broken down "
        "since the reforms. Nobody knows who to talk to anymore. A named contact in each "
        "probation office would be a start.",
        frozenset({"Partnership with the sector"}),
    ),
    (
        "Volunteers are not free labour to replace paid probation staff. Ours tell us they "
        "will walk away if they are asked to do work that used to be done by qualified "
        "officers.",
        frozenset({"Volunteering and mentoring"}),
    ),
    (
        "Every prisoner should leave with somewhere to go. Not a list of numbers. An actual "
        "address.",
        frozenset({"Housing and resettlement"}),
    ),
    (
        "Competitive tendering has turned charities into businesses. We now compete with "
        "each other, keep our ideas to ourselves and think twice before criticising the "
        "people who pay us. That is a loss for everyone, including the council, which used "
        "to rely on us to tell it uncomfortable truths.",
        frozenset({"Funding and commissioning", "Independence and campaigning"}),
    ),
    (
        "mental health services wont see you if youre drinking and the alcohol team says its "
        "a mental health issue. round and round we go",
        frozenset({"Health and substance misuse"}),
    ),
    (
        "Small charities are usually the first to go when things get tight, and once they "
        "are gone they don't come back. The plan should say how it will protect local "
        "capacity.",
        frozenset({"Small organisations"}),
    ),
    (
        "We would like the council to set up a shared outcomes framework, so that all "
        "services measure the same things in the same way and results can be compared across "
        "the county.",
        frozenset({"Evidence and outcomes"}),
    ),
    (
        "Para 3.3 should include projects that help people become self-employed. Plenty of "
        "ex-offenders have the drive but never get past an interview.",
        frozenset({"Employment and skills"}),
    ),
    ("The bins in our street have not been collected for three weeks.", frozenset()),
    (
        "We would ask that section 3.1 names the specialist services - domestic abuse, "
        "sexual violence, hate crime, support for bereaved families - that will fall within "
        "joint commissioning with the Police and Crime Commissioner. Specialist services "
        "have been swallowed by generic victim contracts elsewhere in the region with very "
        "poor results for survivors. The organisations that know these victims best should "
        "help decide the priorities and shape the service model, rather than being presented "
        "with a finished specification.",
        frozenset({"Victims and families", "Partnership with the sector"}),
    ),
    (
        "The outcome payments in the last contract were set at a level that bore no relation "
        "to the real cost of achieving them. Any new contracts should be priced using the "
        "evidence from the previous ones about what it actually costs to get someone stable.",
        frozenset({"Funding and commissioning", "Evidence and outcomes"}),
    ),
    (
        "Supported housing for young adults leaving youth custody is almost non-existent in "
        "the north of the county.",
        frozenset({"Housing and resettlement"}),
    ),
    (
        "I volunteer as an appropriate adult and would be interested in mentoring. There is "
        "no information online about how to apply.",
        frozenset({"Volunteering and mentoring"}),
    ),
    (
        "Umbrella organisations like ours can help the council reach small groups, but only "
        "if we are resourced to do so. We have fifty members and one part-time development "
        "worker.",
        frozenset({"Small organisations", "Partnership with the sector"}),
    ),
    (
        "Para 3.2 - mentors for people with a drug problem need specialist knowledge. A "
        "well-meaning volunteer who doesn't understand addiction can do real harm.",
        frozenset({"Volunteering and mentoring", "Health and substance misuse"}),
    ),
    (
        "We are grateful for council support but will not sign any agreement that restricts "
        "our ability to comment on criminal justice policy.",
        frozenset({"Independence and campaigning"}),
    ),
    (
        "What happened to the last plan? Was it ever evaluated? If so, publish the findings "
        "before asking us to comment on a new one.",
        frozenset({"Evidence and outcomes"}),
    ),
    (
        "I am a grandmother bringing up two grandchildren while their mother is in prison. I "
        "get no help from anyone. Kinship carers like me need support too.",
        frozenset({"Victims and families"}),
    ),
    (
        "This survey is far too long. I gave up after question 12 and have put my comments "
        "here instead.",
        frozenset(),
    ),
    (
        "Employment support in the county is dominated by one large provider with no "
        "presence in rural areas. Local organisations with roots in the market towns could "
        "do this better if given the chance.",
        frozenset({"Small organisations", "Employment and skills"}),
    ),
    (
        "Frankly the sector has been consulted to death over the last decade and nothing "
        "changes. Show us you have listened this time by publishing what you changed as a "
        "result of the responses.",
        frozenset({"Partnership with the sector"}),
    ),
    (
        "The housing related support budget was cut by 40% in 2017 and several floating "
        "support services closed. This plan needs to reverse that if 3.4 is to mean "
        "anything.",
        frozenset({"Funding and commissioning", "Housing and resettlement"}),
    ),
    (
        "GP registration on release should be automatic. Too many people go without their "
        "medication for weeks.",
        frozenset({"Health and substance misuse"}),
    ),
    (
        "N/a - response submitted on behalf of the parish council, which has no view on this "
        "matter.",
        frozenset(),
    ),
    (
        "Victims' services must stay independent of offender services. I would not feel "
        "comfortable getting help from an organisation that also supports the person who "
        "hurt me.",
        frozenset({"Victims and families"}),
    ),
    (
        "reoffending stats are always two years out of date so how can anyone tell whats working",
        frozenset({"Evidence and outcomes"}),
    ),
    (
        "The social value weighting in tenders should give real credit to organisations that "
        "are based in the county and employ local people.",
        frozenset({"Funding and commissioning", "Small organisations"}),
    ),
    (
        "Some of our peer mentors have been volunteering for three years and would make "
        "excellent paid staff, but the vetting rules for paid posts in criminal justice shut "
        "them out.",
        frozenset({"Volunteering and mentoring", "Employment and skills"}),
    ),
    (
        "The council's commissioning team and the voluntary sector need a proper ongoing "
        "dialogue, not just a market engagement event the week before a tender goes live.",
        frozenset({"Funding and commissioning", "Partnership with the sector"}),
    ),
    (
        "When a man is released to the family home, nobody checks whether his partner and "
        "kids actually want him there or whether it is safe for them. Release addresses must "
        "take account of the family.",
        frozenset({"Victims and families", "Housing and resettlement"}),
    ),
    (
        "The sector must keep the freedom to say when things are going wrong. The "
        "inspectorate reports on probation have been damning, and it was charities that "
        "raised the alarm first.",
        frozenset({"Independence and campaigning"}),
    ),
    (
        "Prison education should be linked to real vacancies. There is a skills shortage in "
        "construction and care, so train people for those.",
        frozenset({"Employment and skills"}),
    ),
    (
        "Gambling addiction is growing and there is no mention of it.",
        frozenset({"Health and substance misuse"}),
    ),
    (
        "Sir, I am sick of my taxes going to private companies that run probation for "
        "profit. Bring it back in house.",
        frozenset({"Funding and commissioning"}),
    ),
    (
        "I would like to attend the public meeting but the venue has no parking and the bus "
        "service was cut. Could there be an online option?",
        frozenset(),
    ),
    (
        "Please restore the funding for victim liaison officers. Victims of serious crime "
        "have a right to be told about parole decisions and at the moment letters are "
        "arriving late or not at all.",
        frozenset({"Funding and commissioning", "Victims and families"}),
    ),
    (
        "Please don't make small projects fill in the same monitoring form as multi-million "
        "pound contracts. Proportionate reporting, please.",
        frozenset({"Small organisations", "Evidence and outcomes"}),
    ),
    (
        "We're keen to work with the county on this, but as a critical friend. We will carry "
        "on speaking up for our clients when we think the system is failing them, and we "
        "hope that is understood as part of partnership, not a threat to it.",
        frozenset({"Partnership with the sector", "Independence and campaigning"}),
    ),
    (
        "mentoring works. it kept my son out of trubble. more of it pls",
        frozenset({"Volunteering and mentoring"}),
    ),
    (
        "Para 3.4 - the three-day target for housing advice is fine for sentenced prisoners, "
        "but people on remand released straight from court get nothing at all.",
        frozenset({"Housing and resettlement"}),
    ),
    (
        "Will the council still fund us if we join the campaign against the closure of the "
        "women's centre? We have been told informally that it \"wouldn't look good\".",
        frozenset({"Independence and campaigning"}),
    ),
    (
        "The council should give local organisations access to reconviction data for their "
        "own clients, through the Justice Data Lab or similar, so we can see whether we are "
        "making a difference.",
        frozenset({"Evidence and outcomes"}),
    ),
    (
        "Prison leavers with serious mental illness need supported accommodation with staff "
        "on site, not a bedsit and the phone number of the crisis team.",
        frozenset({"Housing and resettlement", "Health and substance misuse"}),
    ),
    (
        "What we need is a genuine commissioning partnership. That means commissioners and "
        "local charities designing services together from the outset, contracts sized so "
        "that local groups can lead them rather than being bit-part sub-contractors, and a "
        "light-touch process for awards under £10,000 so that a residents' group or a "
        "faith-based project is not filling in the same forms as a national company. None of "
        "this is new; it is what the sector has been asking for since the last strategy, and "
        "we are happy to help design it. We would also ask that commissioning intentions are "
        "shared with the sector a full year ahead, so that local groups can plan rather than "
        "scramble to respond to each tender as it appears.",
        frozenset(
            {"Funding and commissioning", "Small organisations", "Partnership with the sector"}
        ),
    ),
    (
        "Our independence is our credibility with service users. The moment they think we "
        "are an arm of probation, they stop telling us the truth.",
        frozenset({"Independence and campaigning"}),
    ),
    (
        "Employment is one of the strongest predictors of desistance, so why does the plan "
        "not measure employment outcomes at all?",
        frozenset({"Employment and skills", "Evidence and outcomes"}),
    ),
    ("We have no comments on sections 1 to 4.", frozenset()),
    (
        "Could the mentoring schemes in 3.2 be extended to families? Mothers and partners of "
        "prisoners would benefit from someone who has been through it themselves.",
        frozenset({"Volunteering and mentoring", "Victims and families"}),
    ),
]
