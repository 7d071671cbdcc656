"""Letters and emails as consultations receive them, each with who a careful officer would say
sent it: the respondent, whether an organisation or an individual, and for an organisation the
person who signed or sent it."""

from dataclasses import dataclass

from marginalia.documents import Document, Sender

BODY = (
    "Point 1.11 says sub-contracting will be considered where appropriate; we would like it "
    "encouraged, and small charities supported to bid."
)
ORGANISATION, INDIVIDUAL = "organisation", "individual"


@dataclass(frozen=True)
class LetterCase:
    document: Document
    name: str
    kind: str
    contact: str = ""
    what: str = ""


def letter(*blocks, name="response.docx"):
    return Document(name=name, blocks=list(blocks))


def email(sender, address, *blocks, attachments=()):
    return Document(
        name="response.eml",
        blocks=list(blocks),
        sender=Sender(sender, address),
        attachments=list(attachments),
    )


LETTERS = [
    LetterCase(
        letter(
            "Nacro welcomes the chance to comment on the plan.",
            BODY,
            "Yours sincerely,",
            "Jane Smith\nHead of Policy, Nacro",
        ),
        "Nacro",
        ORGANISATION,
        "Jane Smith",
        "organisation after the signatory's role",
    ),
    LetterCase(
        letter(
            "Dear Sir or Madam,",
            "Nacro welcomes the plan.",
            BODY,
            "Yours faithfully,",
            "Jane Smith",
        ),
        "Nacro",
        ORGANISATION,
        "Jane Smith",
        "organisation in the opening, a person signing",
    ),
    LetterCase(
        email(
            "Jane Smith",
            "jane@oakwoodrefuge.org.uk",
            "Our response is below.",
            BODY,
            "Kind regards,",
            "Jane Smith\nOakwood Refuge",
        ),
        "Oakwood Refuge",
        ORGANISATION,
        "Jane Smith",
        "signed with the name of the sender's address",
    ),
    LetterCase(
        email("Amir Khan", "amir.khan@gmail.com", "Here are my views.", BODY, "Regards,", "Amir"),
        "Amir Khan",
        INDIVIDUAL,
        what="a person writing for themself",
    ),
    LetterCase(
        letter(
            "Bell Community Trust",
            "12 High Street, Northgate",
            "Dear consultation team,",
            BODY,
            "Yours sincerely,",
            "Ann Lee",
            "Chief Executive",
        ),
        "Bell Community Trust",
        ORGANISATION,
        "Ann Lee",
        "letterhead, signed by a person with a title",
    ),
    LetterCase(
        letter("Dear Sir,", "I welcome the plan.", BODY, "Yours sincerely,", "Mary Jones"),
        "Mary Jones",
        INDIVIDUAL,
        what="a person's letter",
    ),
    LetterCase(
        email(
            "Volunteering England",
            "info@volunteeringengland.org",
            BODY,
            "Best wishes,",
            "Policy team",
        ),
        "Volunteering England",
        ORGANISATION,
        what="an organisation as the sender's name",
    ),
    LetterCase(
        email(
            "Tom Price",
            "tom.price@nacro.org.uk",
            "Please find attached our response.",
            attachments=[
                letter(
                    "Nacro is pleased to respond to the consultation.",
                    BODY,
                    "Yours sincerely,",
                    "Tom Price",
                    "Director of Operations",
                    name="nacro.docx",
                )
            ],
        ),
        "Nacro",
        ORGANISATION,
        "Tom Price",
        "a person sending the organisation's attached letter",
    ),
    LetterCase(
        letter(
            "Dear Councillor,",
            "As a retired probation officer I have seen how volunteers change lives.",
            BODY,
            "Yours sincerely,",
            "Peter Hale",
        ),
        "Peter Hale",
        INDIVIDUAL,
        what="a person whose letter names a job they had",
    ),
    LetterCase(
        letter(
            "Riverside Housing Association",
            "Dear Sir or Madam,",
            BODY,
            "Yours faithfully,",
            "Sam Ojo",
            "Director, Riverside Housing Association",
        ),
        "Riverside Housing Association",
        ORGANISATION,
        "Sam Ojo",
        "organisation in letterhead and signature",
    ),
    LetterCase(
        email(
            "Lisa Grant",
            "lisa@lisagrant.co.uk",
            "Hello,",
            "I support the plan but worry about the cost.",
            BODY,
            "Thanks,",
            "Lisa",
        ),
        "Lisa Grant",
        INDIVIDUAL,
        what="a person with their own domain",
    ),
    LetterCase(
        letter(
            "On behalf of the Fenwick Tenants' Forum,",
            BODY,
            "Yours sincerely,",
            "On behalf of Fenwick Tenants' Forum",
        ),
        "Fenwick Tenants' Forum",
        ORGANISATION,
        what="on behalf of",
    ),
    LetterCase(
        email(
            "Office",
            "office@shelterbox.org.uk",
            "Dear team,",
            "ShelterBox Northgate welcomes the plan's housing commitments.",
            BODY,
            "Kind regards,",
            "Priya Shah\nService Manager",
        ),
        "ShelterBox Northgate",
        ORGANISATION,
        "Priya Shah",
        "organisation in the opening of an email from an office address",
    ),
    LetterCase(
        letter(
            "Dear Sir,",
            "We are a group of parents in Hilltown and we are worried about the plan.",
            BODY,
            "Yours faithfully,",
            "Karen Bell",
        ),
        "Karen Bell",
        INDIVIDUAL,
        what="a person writing for an informal group",
    ),
]
