"""Responses as they arrive, made for the tests: letters in Word, PDF and text, emails with a
letter attached, each from a named organisation and citing the seed plan's sections."""

import io
from email.message import EmailMessage

import docx
from fpdf import FPDF

PARAGRAPHS = [
    "Point 1.11 states that sub-contracting and consortia building will be considered where "
    "appropriate. We would like to see consortia building being encouraged.",
    "Under 3.5 we welcome the use of local community anchor organisations.",
    "We have no further comments on the rest of the plan.",
]


TOWNS = [
    "Ashford",
    "Bexley",
    "Carlisle",
    "Dover",
    "Ely",
    "Frome",
    "Goole",
    "Hythe",
    "Ilkley",
    "Jarrow",
]
KINDS = ["Volunteer Network", "Community Trust", "Youth Association", "Mentoring Society",
         "Advice Centre"]  # fmt: skip


def organisation(number):
    """The organisation that sent response `number` (1–50): each its own name, without digits,
    as a real one would be."""
    return f"{TOWNS[number % len(TOWNS)]} {KINDS[(number // len(TOWNS)) % len(KINDS)]}"


def letter_paragraphs(org):
    return [org, "Dear Consultation Team,", *PARAGRAPHS, f"{org} thanks you.", "Yours sincerely,",
            "Jane Smith", "Director", org]  # fmt: skip


def docx_letter(org):
    document = docx.Document()
    for paragraph in letter_paragraphs(org):
        document.add_paragraph(paragraph)
    content = io.BytesIO()
    document.save(content)
    return content.getvalue()


def pdf_letter(org):
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for paragraph in letter_paragraphs(org):
        pdf.multi_cell(170, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    return bytes(pdf.output())


def txt_letter(org):
    return "\n\n".join(letter_paragraphs(org)).encode()


def email_with_letter(org, *, sender="Jane Smith", attachment="docx"):
    message = EmailMessage()
    message["From"] = f"{sender} <jane@example.org>"
    message["To"] = "consultation@example.gov.uk"
    message["Subject"] = "Our response"
    message.set_content(f"Please find our response attached.\n\nJane Smith\nDirector\n{org}\n")
    content = docx_letter(org) if attachment == "docx" else pdf_letter(org)
    subtype = (
        "vnd.openxmlformats-officedocument.wordprocessingml.document"
        if attachment == "docx"
        else "pdf"
    )
    message.add_attachment(
        content, maintype="application", subtype=subtype, filename=f"response.{attachment}"
    )
    return bytes(message)


BUILDERS = {".docx": docx_letter, ".pdf": pdf_letter, ".txt": txt_letter, ".eml": email_with_letter}


def mixed_responses(count):
    """{filename: bytes}: `count` responses, each from its own organisation, in turn an email with
    a letter attached, a Word letter, a PDF letter and a text file."""
    suffixes = list(BUILDERS)
    files = {}
    for number in range(1, count + 1):
        suffix = suffixes[number % len(suffixes)]
        files[f"response-{number:03d}{suffix}"] = BUILDERS[suffix](organisation(number))
    return files
