"""One small plan, the same wording in every format the tests build it in, so that each reader can
be checked against the outline the others give (plans.outline.read_outline)."""

TITLE = "Third Sector Action Plan"
RUNNING_HEADER = "NOMS Third Sector Action Plan – consultation draft"

# (number, heading, theme, paragraphs). Numbers are Word's or OpenDocument's own numbering in
# those formats, typed in text and PDF.
SECTIONS = [
    (
        "1",
        "Introduction",
        "Working together",
        [
            "This plan sets out how the service will work with the third sector over three years.",
        ],
    ),
    (
        "1.1",
        "Purpose",
        "Working together",
        [
            "The purpose of this plan is to increase the involvement of voluntary and community "
            "organisations in reducing re-offending, and to make it easier for them to work with "
            "prisons and probation. It runs long enough that a PDF wraps it over several lines.",
            "A second paragraph of the purpose, so that paragraphs are kept apart.",
        ],
    ),
    (
        "1.2",
        "Sub-contracting and consortia",
        "Working together",
        [
            "Sub-contracting and consortia building will be considered where appropriate.",
        ],
    ),
    (
        "2",
        "Volunteering",
        "Volunteers and mentors",
        [
            "Volunteers bring time, skills and local knowledge to the work of offender management.",
        ],
    ),
    (
        "2.1",
        "Mentoring",
        "Volunteers and mentors",
        [
            "Mentoring schemes will be supported where they show results.",
        ],
    ),
    (
        "2.1.1",
        "Training mentors",
        "Volunteers and mentors",
        [
            "Mentors will be trained before they meet offenders.",
        ],
    ),
    (
        "3",
        "Funding",
        "Money",
        [
            "Funding will be made available through open competition.",
        ],
    ),
]


def outline_of(sections=SECTIONS):
    """What read_outline should give for the sample: (number, heading, theme, text) per section."""
    return [
        (number, heading, theme, "\n\n".join(paragraphs))
        for number, heading, theme, paragraphs in sections
    ]


def as_text():
    """The sample typed as a plain-text plan: numbers typed, themes on their own lines."""
    lines = [TITLE, ""]
    theme = None
    for number, heading, section_theme, paragraphs in SECTIONS:
        if section_theme != theme:
            theme = section_theme
            lines += [f"Theme: {theme}", ""]
        lines += [f"{number} {heading}", ""]
        for paragraph in paragraphs:
            lines += [paragraph, ""]
    return "\n".join(lines)
