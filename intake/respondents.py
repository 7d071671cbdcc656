"""Guessing who sent a consultation response from the document it arrived as, for an officer to
check in the review table and correct.

    guess_respondent(document, *, filename="") -> RespondentGuess

The rules, most trusted first; the first that finds a name gives the guess:

1. An email's sender: the display name, an organisation if it has an organisation word in it,
   else an individual. If the email's own signature or its opening names an organisation ("Jane
   Smith / Policy Officer / Volunteering England"), the organisation is the respondent instead:
   a staff member sending on its behalf sends the organisation's response. A sender with no
   display name falls through to the rules below, its address still kept as the guess's email.
2. A signature: the lines after a sign-off ("Yours sincerely,", "Kind regards," ...) near the end
   of the email's body or of a letter (an attached one too): the line naming an organisation if
   one does, by an organisation word, after a job title ("Head of Policy, Nacro"; a job title's
   line, then "Nacro") or as the sender's address does (jane@oakwoodrefuge.org.uk signed
   "Oakwood Refuge"); else the line that looks like a person's name. "On behalf of X" names X.
3. The opening: a letter that begins "Nacro welcomes …", "The Bell Trust is pleased …" is
   Nacro's or the Bell Trust's, whoever signs it ("I welcome …" is a person's own).
4. A letterhead: a short line with an organisation word at the top of the document.
5. The file name, less words like "response" and "draft", versions and dates.

Where the respondent is an organisation, the person who signed or sent it is its contact. Nothing
found gives an empty name and source. A guess is a starting point, never checked against the
respondents already known.
"""

import re
from dataclasses import dataclass
from pathlib import PurePath

from marginalia.documents import Document
from responses.letters import CLOSINGS
from responses.models import Respondent

# Whole words (any case) that make a name an organisation's rather than a person's.
ORGANISATION_WORDS = frozenset({
    "association", "trust", "council", "charity", "foundation", "society", "network",
    "federation", "alliance", "partnership", "group", "ltd", "limited", "plc", "cic", "ngo",
    "england", "wales", "scotland", "uk", "national", "institute", "college", "university",
    "service", "services", "centre", "center", "agency", "board", "forum", "union", "church",
    "mission", "project", "coalition", "commission", "department", "ministry", "authority",
    "company", "community", "voluntary", "volunteering", "friends", "bank", "club", "aid",
    "circle", "clinic", "hub", "refuge", "shelter", "collective", "initiative", "cooperative",
    "co-operative", "league", "guild", "hospice", "housing", "recovery"
})  # fmt: skip

ON_BEHALF_OF = "on behalf of"
THANKING_LINE = re.compile(r"^(?:many\s+)?(?:thanks|thank\s+you)\b.{0,40},$", re.I)
CLOSING_LINE = re.compile(
    r"^(?:signed\s+)?(?P<closing>" + "|".join(CLOSINGS) + r")\b\s*(?P<after>.*)$", re.I
)
# How near the end (in lines) a sign-off is looked for, and how many lines of name, job title
# and organisation are read after it.
SIGNATURE_REACH = 12
SIGNATURE_LINES = 4
# The first blocks of a document, where a letterhead is.
LETTERHEAD_BLOCKS = 3
# The most words in a line that names an organisation, and in a person's name.
MAX_ORGANISATION_WORDS = 8
MAX_PERSON_WORDS = 4
# Words a short line may end with a full stop on without being a sentence.
ABBREVIATIONS = ("ltd.", "co.", "inc.", "plc.", "cic.")

# Words in a file's name that say what the file is, not who sent it.
FILE_NAME_NOISE = frozenset({
    "response", "responses", "consultation", "submission", "reply", "final", "draft", "copy",
    "letter", "email", "mail", "document", "attachment", "scan", "untitled", "re", "fw", "fwd",
    "from", "by", "to", "the", "our"
})  # fmt: skip
MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# "12 March 2024", "1st mar", "March 2024" (a month name alone may be a person's: April Jones).
DATE_IN_FILE_NAME = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}\b(?:\s+\d{{2,4}}\b)?|\b{MONTH}\s+\d{{2,4}}\b", re.I
)
# Whole words with a digit in them: years, numeric dates, versions ("v2"), copies ("(1)").
WORD_WITH_DIGITS = re.compile(r"\S*\d\S*")

MAX_NAME_LENGTH = 200  # Respondent.name's max_length
# Trimmed from either end of a name (brackets are not: "Bell Trust (UK)").
SURROUNDING_PUNCTUATION = " \t\r\n,.;:!?-–—_*/\\\"'“”‘’<>|"

SOURCE_EMAIL_SENDER = "the email's sender"
SOURCE_EMAIL_SIGNATURE = "the email's signature"
SOURCE_LETTER_SIGNATURE = "the letter's signature"
SOURCE_LETTERHEAD = "the letterhead"
SOURCE_OPENING = "the letter's opening"

# Words of a job title: a signature line with one names the signatory's role, and the
# organisation after it ("Head of Policy, Nacro"; "Director at Nacro") or on the next line.
ROLE_WORDS = frozenset({
    "head", "director", "chief", "executive", "ceo", "manager", "officer", "chair", "chairman",
    "chairwoman", "chairperson", "secretary", "coordinator", "co-ordinator", "lead", "adviser",
    "advisor", "trustee", "president", "founder", "treasurer", "administrator", "caseworker",
    "member", "councillor", "cabinet", "leader", "spokesperson", "portfolio", "clerk",
})  # fmt: skip
# Words that make a signature a group's, not a person's: "The Trustees", "Policy Team".
GROUP_WORDS = frozenset({
    "trustees", "team", "committee", "members", "staff", "directors", "volunteers", "board",
    "officers", "partners", "secretariat",
})  # fmt: skip
# A sender's display name that is a shared mailbox's, not a person's or organisation's.
MAILBOX_NAMES = frozenset({
    "office", "info", "information", "admin", "administrator", "enquiries", "enquiry",
    "contact", "hello", "mail", "post", "reception", "team", "general", "noreply", "no-reply",
    "responses", "response", "consultation", "consultations", "submissions", "office team",
})  # fmt: skip
# Mail services anyone may have an address with: their domain names no organisation.
PUBLIC_MAIL_DOMAINS = frozenset({
    "gmail", "googlemail", "hotmail", "outlook", "live", "yahoo", "aol", "icloud", "me", "mac",
    "btinternet", "btopenworld", "sky", "virginmedia", "talktalk", "ntlworld", "blueyonder",
    "protonmail", "proton", "gmx", "mail", "yandex", "tiscali", "zoho", "fastmail",
})  # fmt: skip
# "Nacro welcomes", "The Bell Trust is pleased to", "Oakwood Refuge would like": who responds.
OPENING = re.compile(
    r"^(?:(?:the|a)\s+)?(?P<name>(?:[A-Z][\w&'’.-]*|of|and|for|&)(?:\s+(?:[A-Z][\w&'’.-]*|of|and"
    r"|for|the|&)){0,7})\s*(?:\([A-Z]{2,10}\)\s*)?,?\s+"
    r"(?:welcomes|supports|responds|submits|is\s+(?:pleased|grateful|glad|delighted|a|an|the)"
    r"|would\s+like|wishes|has\s+(?:considered|read|reviewed)|believes|broadly|strongly"
    r"|agrees|notes|recognises|recognizes|thanks)\b"
)
_NAME = r"(?P<name>[A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|of|and|for|the|&))*)"
# Other openings naming who responds: "I am writing on behalf of Eastfield Food Bank", "I am
# the secretary of Fenwick Friends of Prisoners", a title line "Response from the Hilltown
# Mentoring Network".
OPENING_FOR = (
    re.compile(
        r"\b[Oo]n\s+behalf\s+of\s+(?:the\s+)?(?:[\d,]+\s+)?(?:(?:members|staff|volunteers|trustees)"
        r"\s+of\s+(?:the\s+)?)?" + _NAME
    ),
    re.compile(
        r"\b(?:I\s+am|I['’]m)\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}?"
        r"(?:secretary|chair|chairman|chairwoman|chairperson|director|manager|coordinator"
        r"|co-ordinator|treasurer|trustee|chief\s+executive|ceo|head|president|founder)"
        r"\s+(?:of|at)\s+(?:the\s+)?" + _NAME
    ),
    re.compile(r"^(?i:response|submission|comments)\s+(?i:from|of|by)\s+(?:the\s+)?" + _NAME + "$"),
)
# What begins a sentence without naming who writes: a person, or the plan.
NOT_A_RESPONDENT = frozenset({
    "i", "we", "our", "my", "this", "that", "it", "they", "he", "she", "you", "there", "here",
    "overall", "plan", "department", "government", "ministry", "noms", "section", "point",
    "dear", "thank", "thanks", "please", "as", "in", "on", "while", "whilst",
})  # fmt: skip
# The first blocks of a letter where its opening sentence is (after a letterhead and greeting).
OPENING_BLOCKS = 6
SOURCE_FILE_NAME = "the file name"


@dataclass
class RespondentGuess:
    name: str
    kind: str  # a Respondent.Kind value
    # Where the guess came from, shown in the review table ("the letterhead"); "" for no guess.
    source: str
    email: str = ""
    # For an organisation: the person who signed or sent it.
    contact: str = ""


def guess_respondent(document: Document, *, filename: str = "") -> RespondentGuess:
    """Who sent `document`, as a guess for an officer to check; `filename` is the name the file
    was uploaded as (the document's own name when not given)."""
    signed = _guess_from_signatures(document)
    signatory = signed.name if signed else ""
    guess = (
        _guess_from_sender(document)
        or _organisation(signed)
        or _guess_from_openings(document, contact=signatory)
        or _guess_from_letterheads(document, contact=signatory)
        or signed
        or _guess_from_file_name(filename or document.name)
        or RespondentGuess(name="", kind=Respondent.Kind.ORGANISATION, source="")
    )
    if _is_email(document):
        guess.email = document.sender.address.strip()
        sender_name = _clean_name(document.sender.name)
        if (
            guess.kind == Respondent.Kind.ORGANISATION
            and not guess.contact
            and sender_name != guess.name
            and _looks_like_person(sender_name)
        ):
            guess.contact = sender_name
    return guess


def _organisation(guess):
    return guess if guess and guess.kind == Respondent.Kind.ORGANISATION else None


# Rule 1: an email's sender.


def _guess_from_sender(document):
    if not _is_email(document):
        return None
    sender_name = _clean_name(document.sender.name)
    domain = _domain_of(document.sender.address)
    signed = _guess_from_signature(document.blocks, source=SOURCE_EMAIL_SIGNATURE, domain=domain)
    if signed and signed.kind == Respondent.Kind.ORGANISATION:
        return signed
    signatory = signed.name if signed else ""
    # Some mail programs show the address as the name; a shared mailbox names nobody.
    if (
        not sender_name
        or "@" in sender_name
        or sender_name.lower() in MAILBOX_NAMES
        or _is_handle(sender_name)
    ):
        return _guess_from_opening(document.blocks, contact=signatory)
    sender = RespondentGuess(sender_name, guess_kind(sender_name), SOURCE_EMAIL_SENDER)
    if sender.kind == Respondent.Kind.ORGANISATION and signatory != sender_name:
        sender.contact = signatory
    if sender.kind == Respondent.Kind.INDIVIDUAL:
        opening = _guess_from_opening(document.blocks, contact=signatory or sender_name)
        if opening:
            return opening
        # A person sending their organisation's letter: the letter is the organisation's.
        for attached in document.attachments:
            letter = (
                _organisation(_guess_from_signatures(attached))
                or _guess_from_openings(attached, contact=sender_name)
                or _guess_from_letterheads(attached)
            )
            if letter and letter.kind == Respondent.Kind.ORGANISATION:
                letter.contact = letter.contact or sender_name
                return letter
    return sender


def _is_handle(name):
    """ "daveporter62": a mail account's handle, not a name anyone signs with."""
    return " " not in name and (name.islower() or _has_digits(name))


def _domain_of(address):
    """The name in an address's domain that may be its organisation's: "oakwoodrefuge" for
    jane@oakwoodrefuge.org.uk; "" for a public mail service's."""
    domain = address.rpartition("@")[2].lower()
    label = domain.split(".")[0] if domain else ""
    return "" if label in PUBLIC_MAIL_DOMAINS else label


def _is_email(document):
    sender = document.sender
    return sender is not None and bool(sender.name.strip() or sender.address.strip())


# Rule 2: a signature.


def _guess_from_signatures(document):
    """The first signature found in the document, then in its attachments."""
    for each in _document_and_attachments(document):
        source = SOURCE_EMAIL_SIGNATURE if _is_email(each) else SOURCE_LETTER_SIGNATURE
        domain = _domain_of(each.sender.address) if _is_email(each) else ""
        guess = _guess_from_signature(each.blocks, source=source, domain=domain)
        if guess:
            return guess
    return None


def _guess_from_signature(blocks, *, source, domain=""):
    """The respondent named after the last sign-off among the last lines of `blocks`."""
    lines = _lines_of(blocks)[-SIGNATURE_REACH:]
    for index in reversed(range(len(lines))):
        closing = _closing_of(lines[index])
        if closing is None:
            continue
        sign_off, same_line = closing
        following = lines[index + 1 : index + 1 + SIGNATURE_LINES]
        if sign_off == ON_BEHALF_OF:
            # The name above "on behalf of …" is the person who signed for it.
            above = lines[index - 1] if index else ""
            named = same_line or (following[0] if following else "")
            guess = _on_behalf_of(named, source)
            if guess and _looks_like_person(above):
                guess.contact = _clean_name(above)
            if guess or not _names_a_group(named):
                return guess
            # "Signed on behalf of the trustees," then the signature.
            return _guess_from_signature_lines(
                following[1:] if not same_line else following, source, domain
            )
        if len(same_line.split()) > MAX_PERSON_WORDS:
            # Longer than a name: a whole signature the mail reader joined into one line, whose
            # name, job title and organisation cannot be told apart.
            same_line = ""
        signature = ([same_line] if same_line else []) + following
        return _guess_from_signature_lines(signature, source, domain)
    return None


def _closing_of(line):
    """(sign-off, what follows it on the same line) if `line` starts with a sign-off, else None.

    A name may follow the sign-off on its line after a comma ("Kind regards, Jane Smith");
    anything else following it makes the line a sentence ("Regards to section 2 ..."), except
    after "On behalf of", which is followed by the organisation.
    """
    match = CLOSING_LINE.match(line)
    # "Thank you for reading this," before a name.
    thanking = ("thank you", "") if THANKING_LINE.match(line) else None
    if match is None:
        return thanking
    sign_off = match["closing"].lower()
    after = match["after"].strip()
    if sign_off == ON_BEHALF_OF:
        return sign_off, after
    if after in ("", ",", ".", "!"):
        return sign_off, ""
    if after.startswith(","):
        return sign_off, after[1:].strip()
    return thanking


def _names_a_group(text):
    return not GROUP_WORDS.isdisjoint(re.findall(r"[a-z]+", text.lower()))


def _on_behalf_of(line, source):
    """ "On behalf of X": X is the organisation, whatever its name, if the line is a name's."""
    name = _clean_name(re.sub(r"^the\s+", "", line.strip(), flags=re.I))
    if not name or not _is_short_line(name) or _is_contact_detail(name) or _names_a_group(name):
        return None
    return RespondentGuess(name, Respondent.Kind.ORGANISATION, source)


def _guess_from_signature_lines(signature, source, domain=""):
    """The organisation a signature's lines name (the last such line: a job title comes before
    the organisation, and may have an organisation word too; or the one after a job title, or
    the one the sender's address names), its contact the person they name; else that person."""
    # A person named on their own line, or first on a line with commas ("Kwame Mensah, Chief
    # Executive, Ashby Housing Trust").
    person = next(
        (
            _clean_name(re.sub(r"\s*\([^)]*\)\s*$", "", candidate))
            for line in signature
            for candidate in (line.split(",")[0], line)
            if _looks_like_person(candidate)
        ),
        "",
    )
    by_word = [name for name in map(_organisation_in, signature) if name]
    named = (
        by_word[-1:]
        or _named_by_domain(signature, domain)[:1]
        or _after_roles(signature, person)[:1]
    )
    if named:
        contact = "" if person == named[0] else person
        return RespondentGuess(named[0], Respondent.Kind.ORGANISATION, source, contact=contact)
    if person:
        return RespondentGuess(person, Respondent.Kind.INDIVIDUAL, source)
    return None


def _is_role(text):
    words = re.findall(r"[a-z-]+", text.lower())
    return bool(words) and not ROLE_WORDS.isdisjoint(words)


def _after_roles(signature, person):
    """Organisations a signature names after a job title: "Head of Policy, Nacro", "Director
    at Nacro", or a job title's line followed by "Nacro"."""
    found = []
    for index, line in enumerate(signature):
        if not _is_role(line) or _is_contact_detail(line) or _has_digits(line):
            continue
        parts = re.split(r",|\s+at\s+|\s+[-–—|]\s+", line)
        tail = _clean_name(parts[-1]) if len(parts) > 1 else ""
        if tail and not _is_role(tail):
            found.append(tail)
            continue
        following = signature[index + 1] if index + 1 < len(signature) else ""
        name = _clean_name(following)
        if (
            name
            and name != person
            and _is_short_line(name)
            and not _is_role(name)
            and not _is_contact_detail(name)
            and not _has_digits(name)
        ):
            found.append(name)
    return found


def _named_by_domain(signature, domain):
    """A signature line whose letters are the sender's address's domain name ("Oakwood
    Refuge" for jane@oakwoodrefuge.org.uk), or its initials ("OR" for or.org.uk)."""
    if len(domain) < 3:
        return []
    found = []
    for line in signature:
        name = _clean_name(line)
        letters = re.sub(r"[^a-z0-9]", "", name.lower())
        initials = "".join(word[0] for word in re.findall(r"[a-z0-9]+", name.lower()))
        if name and _is_short_line(name) and domain in (letters, initials):
            found.append(name)
    return found


# Rule 3: the opening.


def _guess_from_openings(document, *, contact=""):
    """The organisation the first opening sentence found (document, then attachments) names."""
    for each in _document_and_attachments(document):
        guess = _guess_from_opening(each.blocks, contact=contact)
        if guess:
            return guess
    return None


def _guess_from_opening(blocks, *, contact=""):
    """ "Nacro welcomes the plan …": the organisation a letter's first sentences say responds."""
    for block in blocks[:OPENING_BLOCKS]:
        found = OPENING.match(block.strip()) or next(
            (match for pattern in OPENING_FOR if (match := pattern.search(block.strip()))), None
        )
        if found is None:
            continue
        name = _clean_name(found["name"])
        if name.split()[-1].lower() in GROUP_WORDS:
            continue
        words = re.sub(r"^(?:the|a)\s+", "", name, flags=re.IGNORECASE).split()
        # "Jane Smith welcomes …" signed by Jane Smith is a person writing of themself; "The
        # Council welcomes …" is the plan's author; a long run of capitals is no one's name.
        if (
            not name
            or words[0].lower() in NOT_A_RESPONDENT
            or name == contact
            or len(words) > MAX_ORGANISATION_WORDS
            or (len(words) == 1 and words[0].lower() in ORGANISATION_WORDS)
        ):
            continue
        return RespondentGuess(name, Respondent.Kind.ORGANISATION, SOURCE_OPENING, contact=contact)
    return None


def _organisation_in(line):
    """The organisation a signature line names, if it is a short line with an organisation word:
    the part after a job title ("Chief Executive, Bell Trust") where commas divide it."""
    if not _is_short_line(line) or _is_contact_detail(line) or _has_digits(line):
        return None
    # "Service Manager" is a job title, whatever words it shares with organisations' names.
    parts = [
        part for part in line.split(",") if _has_organisation_word(part) and not _is_role(part)
    ]
    return _clean_name(parts[-1]) if parts else None


def _looks_like_person(line):
    """2 to 4 capitalised words, no digits and no "@": "Mary Jones", "Dr J. O'Brien"."""
    words = [word.strip("()[],.") for word in line.split()]
    words = [word for word in words if word]
    if not 2 <= len(words) <= MAX_PERSON_WORDS:
        return False
    # "The Trustees", "Policy Team": people, but no one person.
    if words[0].lower() in {"the", "our", "all"} or not GROUP_WORDS.isdisjoint(
        word.lower() for word in words
    ):
        return False
    if _has_digits(line) or "@" in line or _has_organisation_word(line):
        return False
    return all(word[0].isupper() for word in words)


# Rule 4: a letterhead.


def _guess_from_letterheads(document, *, contact=""):
    """The first letterhead found in the document, then in its attachments."""
    for each in _document_and_attachments(document):
        for line in _lines_of(each.blocks[:LETTERHEAD_BLOCKS]):
            if _is_letterhead(line):
                name = _clean_name(line)
                return RespondentGuess(
                    name, Respondent.Kind.ORGANISATION, SOURCE_LETTERHEAD, contact=contact
                )
    return None


def _is_letterhead(line):
    """A short line naming an organisation: not a sentence, a date, an address or a greeting."""
    return (
        _is_short_line(line)
        and not _has_digits(line)  # a date, or an address's house number or postcode
        and not _is_contact_detail(line)
        and not line.lower().startswith("dear ")
        and _has_organisation_word(line)
    )


# Rule 5: the file name.


def _guess_from_file_name(filename):
    """ "volunteering-england-response-v2.docx" -> Volunteering England, an organisation."""
    stem = PurePath(filename.replace("\\", "/")).stem
    words = re.sub(r"[-_.+]+", " ", stem)
    words = DATE_IN_FILE_NAME.sub(" ", words)
    words = WORD_WITH_DIGITS.sub(" ", words)
    kept = [word for word in words.split() if word.lower() not in FILE_NAME_NOISE]
    name = _clean_name(" ".join(word[:1].upper() + word[1:] for word in kept))
    if not name:
        return None
    return RespondentGuess(name, guess_kind(name), SOURCE_FILE_NAME)


# Shared.


def _document_and_attachments(document):
    """The document, then each of its attachments (and theirs) in order."""
    yield document
    for attached in document.attachments:
        yield from _document_and_attachments(attached)


def _lines_of(blocks):
    """The non-empty lines of `blocks`, stripped: a block may hold several ("Jane\\nBell Trust")."""
    return [line.strip() for block in blocks for line in block.split("\n") if line.strip()]


def _is_short_line(line):
    """At most MAX_ORGANISATION_WORDS words, and not a sentence ending in a full stop."""
    if len(line.split()) > MAX_ORGANISATION_WORDS:
        return False
    ending = line.rstrip()
    return not ending.endswith(".") or ending.lower().endswith(ABBREVIATIONS)


def _is_contact_detail(line):
    lowered = line.lower()
    return "@" in lowered or "www." in lowered or "http" in lowered


def _has_digits(line):
    return any(character.isdigit() for character in line)


def _has_organisation_word(text):
    return not ORGANISATION_WORDS.isdisjoint(re.findall(r"[a-z]+", text.lower()))


def guess_kind(name):
    """An organisation if its name has an organisation's word in it, else an individual."""
    if _has_organisation_word(name):
        return Respondent.Kind.ORGANISATION
    return Respondent.Kind.INDIVIDUAL


def _clean_name(text):
    """`text` on one line, without surrounding punctuation, cut to a respondent name's length."""
    name = " ".join(text.split()).strip(SURROUNDING_PUNCTUATION)
    return name[:MAX_NAME_LENGTH].strip(SURROUNDING_PUNCTUATION)
