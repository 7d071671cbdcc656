"""The plans and comments the link detector's tests read: the real NOMS sections and themes,
sections chosen to look like amounts and dates, and the Volunteering England response.

Pure Python, as are the tests that use it: they need no database and import nothing from Django.
"""

from __future__ import annotations

from responses.linking import ParagraphLinks, detect_links

REAL_SECTIONS = {
    "1.3": "encouraging social enterprise",
    "1.11": "sub-contracting and consortia building will be considered where appropriate",
    "1.15": "informed",
    "2.8": "local demonstration projects",
    "3.5": "Table two: make use of the local community anchor organisations",
}
REAL_THEMES = ["Strengthening communities", "Transforming public services"]

# Sections whose numbers also look like amounts, dates and decimals.
TRICKY_SECTIONS = {
    **REAL_SECTIONS,
    "1.5": "volunteering infrastructure",
    "2.9": "prisons and probation",
    "2.10": "campaigning",
}

# The twelve comments of the Volunteering England response, exactly as published.
WELCOMES_PARAGRAPH = (
    "Volunteering England welcomes the acknowledgement in this plan of the important role of "
    "volunteering in supporting the work of the Third Sector in reducing re-offending and "
    "protecting the public, in particular the identified actions to implement the NOMS "
    "volunteering strategy. Strengthening volunteering and the capacity of organisations to "
    "involve and manage volunteers will need to be a crucial element of the Third Sector Plan. "
    "It will be important for the final Third Sector Action Plan to explicitly state the "
    "actions to be implemented from the Volunteering Strategy."
)
THEMES_PARAGRAPH = (
    "Volunteering sits well in the ‘strengthening communities’ theme; however it has "
    "considerable overlap in the other sections, especially ‘transforming public services’. "
    "While this has been acknowledged, it would benefit from further emphasis, and "
    "volunteering could feature as a distinct part of the other areas."
)
POINT_1_11_PARAGRAPH = (
    "A key area of concern in the sector is the impact of changes in the commissioning process "
    "on small organisations, many of which involve volunteers in delivering and supporting key "
    "activities and services to offenders and victims. In the plan there is some vagueness and "
    "lack of clarity in how small organisations will be supported. Point 1.11, for example, "
    "states that sub-contracting and consortia building will be considered where appropriate "
    "but Volunteering England would like to see consortia building being ‘encouraged’ rather "
    "than simply ‘considered’."
)
UNDER_3_5_PARAGRAPH = (
    "As recommended in the NOMS draft volunteering strategy, volunteering should be recognised "
    "as a key part of the commissioning process. This should be highlighted in the actions "
    "under 3.5."
)
STATED_IN_1_15_PARAGRAPH = (
    "The Office of the Third Sector and voluntary sector infrastructure bodies will need to be "
    "a key partner in the delivery of this action plan rather than being kept ‘informed’ as "
    "stated in 1.15"
)
VICTIMS_PARAGRAPH = (
    "The plan makes little reference to victims and the role that the Third Sector plays in "
    "helping to support victims and witnesses of crime, their friends and families."
)
MENTORING_PARAGRAPH = (
    "It is questionable whether the distinction between mentoring and volunteering made in the "
    "action plan is useful. Volunteering and unpaid mentoring should not be seen as separate "
    "from one another. It is unclear whether the action point ‘increase mentoring’ is referring "
    "to unpaid mentoring (volunteering) or paid mentoring."
)
PRISONS_PARAGRAPH = (
    "In many places this document fails to bring together prisons and probation work, "
    "discussing them in many contexts as separate. It is important that the plan does not let "
    "the work of third sector organisations ‘fall down this gap’ and that partnership working "
    "between organisations working in prison and probation environments are encouraged."
)
UNDER_2_8_PARAGRAPH = (
    "The suggestion for local demonstration projects under 2.8 is valuable and could include "
    "projects with small organisations working to reduce re-offending and successful consortia "
    "bids as examples of how barriers can be overcome."
)
STARTS_1_3_PARAGRAPH = (
    "1.3 identifies ‘encouraging social enterprise’ as one of the drivers but there is no "
    "detail in the document on the role they could play or the value they could bring."
)
INDEPENDENCE_PARAGRAPH = (
    "The independence of the Third Sector needs to be recognised and respected. While "
    "partnerships and consortia will be developed as part of commissioning, and the Third "
    "Sector may be heavily involved in the delivery of public services, it is important that "
    "the ability of organisations to campaign is not affected."
)
SECTION_3_5_PARAGRAPH = (
    "In places the document fails to communicate the need for meaningful and effective "
    "engagement of the Third Sector. Section 3.5: table two, for example, identified the need "
    "to ‘make use of the local community anchor organisations’ which suggests more of a "
    "one-sided relationship."
)

# (paragraph, expected sections, expected themes), in the order of the response.
REAL_PARAGRAPHS = [
    (WELCOMES_PARAGRAPH, (), ()),
    (THEMES_PARAGRAPH, (), tuple(REAL_THEMES)),
    (POINT_1_11_PARAGRAPH, ("1.11",), ()),
    (UNDER_3_5_PARAGRAPH, ("3.5",), ()),
    (STATED_IN_1_15_PARAGRAPH, ("1.15",), ()),
    (VICTIMS_PARAGRAPH, (), ()),
    (MENTORING_PARAGRAPH, (), ()),
    (PRISONS_PARAGRAPH, (), ()),
    (UNDER_2_8_PARAGRAPH, ("2.8",), ()),
    (STARTS_1_3_PARAGRAPH, ("1.3",), ()),
    (INDEPENDENCE_PARAGRAPH, (), ()),
    (SECTION_3_5_PARAGRAPH, ("3.5",), ()),
]


def read_one(
    text: str, sections: dict[str, str] | None = None, themes: list[str] | None = None
) -> ParagraphLinks:
    """Read text that is a single paragraph."""
    [paragraph] = detect_links(
        text,
        sections=TRICKY_SECTIONS if sections is None else sections,
        themes=REAL_THEMES if themes is None else themes,
    )
    return paragraph
