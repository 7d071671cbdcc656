"""Personal data in a comment's words, found for an officer to redact: email addresses, phone
numbers (Google's libphonenumber, through `phonenumbers`), UK postcodes, National Insurance
numbers, dates of birth, street addresses, people named after a title or a relation ("Mr Ali
Khan", "my son Daniel") or as someone in prison, and the respondent's own name.

Patterns and a well-kept library, nothing downloaded and no model: what is found is a proposal
(officers.Redaction, proposed), never redacted until an officer says so. Words that quote the
plan are the plan's, not personal data: nothing inside them is proposed.
"""

import re
from dataclasses import dataclass

import phonenumbers

# Where a phone number without its country code is read as dialled from.
PHONE_REGION = "GB"


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    kind: str  # an officers.Redaction.Kind

    def words(self, text):
        return text[self.start : self.end]


EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
# The Royal Mail's shapes: A9 9AA, A99 9AA, A9A 9AA, AA9 9AA, AA99 9AA, AA9A 9AA (capitals, as
# addresses write them, so lower-case words never read as one).
POSTCODE = re.compile(r"\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR) ?\d[A-Z]{2}\b")
# Two prefix letters (never D, F, I, Q, U or V; not O second), six digits, a suffix A to D.
NI_NUMBER = re.compile(r"\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b")
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DATE = (
    rf"(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}|\d{{1,2}}(?:st|nd|rd|th)? {_MONTH},? \d{{4}}"
    rf"|{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}})"
)
DATE_OF_BIRTH = re.compile(
    rf"\b(?:born(?: on)?|date of birth|d\.?o\.?b\.?)\s*(?:is|was)?[:\s]\s*(?P<date>{_DATE})",
    re.IGNORECASE,
)
_STREET_WORDS = (
    "Road|Street|Avenue|Lane|Close|Drive|Way|Court|Place|Gardens|Crescent|Terrace|Grove|Row"
    "|Square|Walk|Mews|Rise|Hill|Park|Parade|Rd|St|Ave"
)  # an abbreviation may take its full stop
STREET_ADDRESS = re.compile(
    rf"\b\d{{1,4}}[A-Za-z]?,? (?:[A-Z][a-z']+ ){{1,3}}(?:(?:Rd|St|Ave)\.|(?:{_STREET_WORDS})\b)"
)
# A name: one to three capitalised words ("Daniel", "Ali Khan", "Mary-Jane O'Neil").
_NAME = r"[A-Z][a-z'’]+(?:[- ][A-Z][a-z'’]+){0,2}"
TITLED_PERSON = re.compile(rf"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.? {_NAME}")
_FAMILY = (
    "son|daughter|husband|wife|brother|sister|mother|father|mum|dad|nephew|niece|grandson"
    "|granddaughter|grandmother|grandfather|uncle|aunt|cousin|child|stepson|stepdaughter"
)
# "Our partner Nacro", "our friends at Clinks": an organisation's partners are organisations;
# only a person's own partner, friend or neighbour is someone to protect.
RELATION = re.compile(
    rf"\b(?:(?:[Mm]y|[Oo]ur) (?:{_FAMILY})|[Mm]y (?:partner|boyfriend|girlfriend|friend"
    rf"|neighbour)),? (?P<name>{_NAME})"
)
# Not "offender": "Offender Management", "offender learning" name services, not people.
IN_PRISON = re.compile(rf"\b(?:prisoner|inmate|detainee),? (?P<name>{_NAME})")
# Words a name pattern catches that name nobody, or name an institution.
NOT_NAMES = {"The", "This", "That", "They", "He", "She", "It", "We", "In", "At", "And", "But"}
INSTITUTION_WORDS = {"Act", "Service", "Services", "Trust", "Management", "Scheme", "Programme"}


def find_personal_data(text, *, own_names=(), quoted=()):
    """What in `text` looks like personal data, in order, none overlapping: the `own_names`
    (the respondent's name, an organisation's contact) wherever they appear, and each kind
    above; nothing inside a passage that quotes the plan (`quoted`: the plan's words)."""
    found = []
    found += [Found(m.start(), m.end(), "email") for m in EMAIL.finditer(text)]
    found += _phone_numbers(text)
    found += [Found(m.start(), m.end(), "postcode") for m in POSTCODE.finditer(text)]
    found += [Found(m.start(), m.end(), "ni_number") for m in NI_NUMBER.finditer(text)]
    found += [
        Found(m.start("date"), m.end("date"), "date_of_birth") for m in DATE_OF_BIRTH.finditer(text)
    ]
    found += [Found(m.start(), m.end(), "address") for m in STREET_ADDRESS.finditer(text)]
    found += [Found(m.start(), m.end(), "person") for m in TITLED_PERSON.finditer(text)]
    for pattern in (RELATION, IN_PRISON):
        found += [
            Found(m.start("name"), m.end("name"), "person")
            for m in pattern.finditer(text)
            if m["name"].split()[0] not in NOT_NAMES
            and not INSTITUTION_WORDS.intersection(m["name"].split())
        ]
    found += _own_names(text, own_names)
    return _apart(found, quoted_spans(text, quoted))


def _phone_numbers(text):
    return [
        Found(match.start, match.end, "phone")
        for match in phonenumbers.PhoneNumberMatcher(
            text, PHONE_REGION, leniency=phonenumbers.Leniency.VALID
        )
    ]


def _own_names(text, names):
    found = []
    for name in {" ".join(name.split()) for name in names if name and len(name.split()) >= 1}:
        if len(name) < 4:
            continue
        pattern = re.compile(r"\b" + r"\s+".join(map(re.escape, name.split())) + r"\b", re.I)
        found += [Found(m.start(), m.end(), "own_name") for m in pattern.finditer(text)]
    return found


def quoted_spans(text, quoted):
    """Where in `text` each of `quoted` (words of the plan a comment quotes) stands: (start,
    end) of every occurrence."""
    spans = []
    for words in {quote for quote in quoted if quote}:
        start = text.find(words)
        while start != -1:
            spans.append((start, start + len(words)))
            start = text.find(words, start + 1)
    return spans


def _apart(found, quoted):
    """`found` in order, without what lies inside a quote of the plan, and without overlaps:
    of two that overlap, the one that starts first (or the longer) is kept."""
    kept = []
    for each in sorted(found, key=lambda f: (f.start, -(f.end - f.start))):
        if any(start <= each.start and each.end <= end for start, end in quoted):
            continue
        if kept and each.start < kept[-1].end:
            continue
        kept.append(each)
    return kept
