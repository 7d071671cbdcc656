"""Reading a PDF back into the paragraphs and headings it was laid out from, and refusing, with a
message the sender can act on, what has no words in it or cannot be opened.

Every PDF here is built with fpdf2 in its core fonts, which hold Latin-1 only: a dash outside it
is written as "-".
"""

import io

import pytest
from fpdf import FPDF
from PIL import Image

import marginalia.documents
from marginalia.documents import UnreadableDocument
from marginalia.documents.pdf import read_pdf
from plans.outline import read_outline
from tests.documents.sample_plan import RUNNING_HEADER, SECTIONS, TITLE, outline_of

LONG_PARAGRAPH = (
    "Volunteers bring time, skills and local knowledge to the work of offender management, "
    "and this paragraph runs on long enough to be wrapped over several lines of the page."
)
OTHER_PARAGRAPH = (
    "Mentoring schemes will be supported where they show results, and this paragraph too is "
    "long enough that the page wraps it over more than one line."
)


def latin1(text):
    return text.replace("–", "-").replace("—", "-")


class PlanPDF(FPDF):
    """A plan's pages: its running header at the top of each, its page number at the foot."""

    def header(self):
        self.set_font("Helvetica", size=9)
        self.cell(0, 8, latin1(RUNNING_HEADER), new_x="LMARGIN", new_y="NEXT")
        self.ln(4)

    def footer(self):
        self.set_y(-15)
        self.set_font("Helvetica", size=9)
        self.cell(0, 10, str(self.page_no()), align="C")


def sample_plan_pdf():
    """The sample plan (tests.documents.sample_plan) laid out as a printed plan: a title, each
    section's number and heading in bold, wrapped paragraphs with space between them, a "Theme:"
    line where the theme changes, and each top-level section from the second on a page of its
    own, under a running header and over a page number."""
    pdf = PlanPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(0, 10, latin1(TITLE), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    theme = None
    for number, heading, section_theme, paragraphs in SECTIONS:
        if "." not in number and number != "1":
            pdf.add_page()
        if section_theme != theme:
            theme = section_theme
            pdf.set_font("Helvetica", "I", 11)
            pdf.cell(0, 8, latin1(f"Theme: {theme}"), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "B", 12)
        pdf.cell(0, 8, latin1(f"{number} {heading}"), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", size=11)
        for paragraph in paragraphs:
            # 120 mm wraps the long paragraph of 1.1 over several lines.
            pdf.multi_cell(120, 6, latin1(paragraph), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
    return bytes(pdf.output())


def paragraphs_pdf(*paragraphs, width=100, space_between=3):
    """One page of paragraphs in one font, each wrapped at `width` mm, `space_between` mm apart."""
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for paragraph in paragraphs:
        pdf.multi_cell(width, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(space_between)
    return bytes(pdf.output())


def pages_pdf(count):
    pdf = FPDF(format="A4")
    pdf.set_font("Helvetica", size=11)
    for number in range(1, count + 1):
        pdf.add_page()
        pdf.cell(0, 10, f"Page {number} has a sentence on it.")
    return bytes(pdf.output())


def scanned_pdf():
    """One page holding a picture of a page, and no text."""
    picture = io.BytesIO()
    Image.new("RGB", (40, 60), "white").save(picture, format="PNG")
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.image(io.BytesIO(picture.getvalue()), x=10, y=10, w=190)
    return bytes(pdf.output())


def blank_pdf():
    pdf = FPDF(format="A4")
    pdf.add_page()
    return bytes(pdf.output())


def password_pdf():
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.cell(0, 10, "A secret plan.")
    pdf.set_encryption(owner_password="o", user_password="u")
    return bytes(pdf.output())


def first_half(content):
    return content[: len(content) // 2]


def unreadable(content, name="plan.pdf"):
    with pytest.raises(UnreadableDocument) as raised:
        read_pdf(name, content)
    return raised.value


def test_the_sample_plan_gives_the_outline_the_other_formats_give():
    outline = read_outline(read_pdf("plan.pdf", sample_plan_pdf()).text)

    assert [
        (section.number, section.heading, section.theme, section.text)
        for section in outline.sections
    ] == outline_of()
    assert outline.themes == ["Working together", "Volunteers and mentors", "Money"]


def test_the_sample_plan_is_laid_out_over_at_least_three_pages():
    from pypdf import PdfReader

    assert len(PdfReader(io.BytesIO(sample_plan_pdf())).pages) >= 3


def test_headings_headers_and_page_numbers_are_blocks_of_their_own():
    blocks = read_pdf("plan.pdf", sample_plan_pdf()).blocks

    assert blocks[:4] == [
        latin1(RUNNING_HEADER),
        TITLE,
        "Theme: Working together",
        "1 Introduction",
    ]
    assert blocks.count(latin1(RUNNING_HEADER)) == 3
    assert blocks[-1] == "3"
    assert "2.1.1 Training mentors" in blocks


def test_a_wrapped_paragraph_is_one_block():
    content = paragraphs_pdf(LONG_PARAGRAPH)
    assert read_pdf("letter.pdf", content).blocks == [LONG_PARAGRAPH]


def test_two_paragraphs_stay_two_blocks():
    content = paragraphs_pdf(LONG_PARAGRAPH, OTHER_PARAGRAPH)
    assert read_pdf("letter.pdf", content).blocks == [LONG_PARAGRAPH, OTHER_PARAGRAPH]


def test_a_short_line_ending_a_sentence_ends_its_paragraph_where_no_space_follows_it():
    content = paragraphs_pdf(LONG_PARAGRAPH, OTHER_PARAGRAPH, space_between=0)
    assert read_pdf("letter.pdf", content).blocks == [LONG_PARAGRAPH, OTHER_PARAGRAPH]


def test_a_numbered_heading_in_the_body_font_is_a_block_of_its_own():
    content = paragraphs_pdf(
        "2.1 Mentoring", LONG_PARAGRAPH, "2.2 Training", OTHER_PARAGRAPH, space_between=0
    )
    assert read_pdf("plan.pdf", content).blocks == [
        "2.1 Mentoring",
        LONG_PARAGRAPH,
        "2.2 Training",
        OTHER_PARAGRAPH,
    ]


def test_a_page_holding_only_a_picture_is_a_scan_with_no_text_layer():
    error = unreadable(scanned_pdf(), name="uploads/scan.pdf")

    assert error.code == "no_text_layer"
    assert "scan.pdf" in error.message
    assert "uploads" not in error.message
    assert "scanned" in error.message
    assert "no text layer" in error.message
    assert "Word or text version" in error.message
    assert "paste the text" in error.message


def test_a_blank_page_has_no_text_layer():
    assert unreadable(blank_pdf()).code == "no_text_layer"


@pytest.mark.parametrize(
    "content",
    [b"hello", first_half(sample_plan_pdf()), b"%PDF-1.4\n%garbage"],
    ids=["not a PDF", "truncated", "only a PDF's first line"],
)
def test_a_file_that_is_not_a_whole_pdf_is_unreadable(content):
    error = unreadable(content, name="plan.pdf")

    assert error.code == "unreadable"
    assert "plan.pdf" in error.message


def test_a_pdf_that_needs_a_password_says_it_is_protected_by_one():
    error = unreadable(password_pdf(), name="secret.pdf")

    assert error.code == "unreadable"
    assert "secret.pdf" in error.message
    assert "protected by a password" in error.message


def test_a_pdf_encrypted_in_a_way_pypdf_cannot_open_says_so(monkeypatch):
    import pypdf
    from pypdf.errors import DependencyError

    def needs_cryptography(reader, password):
        raise DependencyError("cryptography is required for AES algorithm")

    monkeypatch.setattr(pypdf.PdfReader, "decrypt", needs_cryptography)

    error = unreadable(password_pdf(), name="secret.pdf")

    assert error.code == "unreadable"
    assert "secret.pdf is encrypted" in error.message


def test_a_pdf_with_an_owner_password_only_is_read():
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.cell(0, 10, "An open plan.")
    pdf.set_encryption(owner_password="o")

    assert read_pdf("plan.pdf", bytes(pdf.output())).blocks == ["An open plan."]


def test_a_pdf_of_more_pages_than_the_limit_is_refused(monkeypatch):
    monkeypatch.setattr(marginalia.documents, "MAX_PDF_PAGES", 2)

    error = unreadable(pages_pdf(3), name="long.pdf")

    assert error.code == "file_size"
    assert "long.pdf" in error.message
    assert "3 pages" in error.message
    assert "at most 2" in error.message


def test_a_pdf_of_as_many_pages_as_the_limit_is_read(monkeypatch):
    monkeypatch.setattr(marginalia.documents, "MAX_PDF_PAGES", 3)

    assert len(read_pdf("long.pdf", pages_pdf(3)).blocks) == 3


def _tight_pdf(lines):
    """Lines one under another in one font with no space between them: nothing but the
    numbering tells a heading from the line before it."""
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for line in lines:
        pdf.cell(0, 6, latin1(line), new_x="LMARGIN", new_y="NEXT")
    return pdf.output()


TIGHT_PLAN = [
    "Third Sector Action Plan for the North West Region",
    "1 Introduction",
    "The plan sets out how offender management works with charities and with the wider",
    "voluntary and community sector in every probation area of the region over three years.",
    "1.1 Purpose of the plan",
    "It explains who does what, by when, with which money, and how progress will be measured",
    "Grants to small groups | 2009 | 2.5 per cent",
    "1.2 Funding small groups",
    "Small groups will be funded through the regional fund, as the table above sets out for",
    "each of the three years of the plan, with the amounts agreed in the spending review.",
    "2 Commissioning",
    "Contracts will be let in lots small enough for local charities to bid for them alone, or",
    "3 people from each area will sit on the panel that awards the contracts in the region.",
]


def test_a_numbered_heading_after_a_line_without_a_full_stop_starts_a_section():
    document = read_pdf("plan.pdf", _tight_pdf(TIGHT_PLAN))

    outline = read_outline(document.text)

    assert [(s.number, s.heading) for s in outline.sections] == [
        ("1", "Introduction"),
        ("1.1", "Purpose of the plan"),
        ("1.2", "Funding small groups"),
        ("2", "Commissioning"),
    ]
    assert outline.preamble == ["Third Sector Action Plan for the North West Region"]
    # A table's last row stays with the section it is in, and a wrapped "3 people" is wording.
    assert "2.5 per cent" in outline.sections[1].text
    assert "3 people from each area" in outline.sections[3].text


def test_a_chapter_skipped_in_the_document_does_not_fold_the_next_into_the_last():
    lines = [
        "3.9 Evaluation",
        "The plan will be evaluated by an independent body at the end of its second year and the",
        "5.1 Funding",
        "Funding will follow the results the evaluation finds, for each partner of the plan",
        "5.2 Review",
    ]

    outline = read_outline(read_pdf("plan.pdf", _tight_pdf(["1 Introduction", *lines])).text)

    assert [s.number for s in outline.sections] == ["1", "3.9", "5.1", "5.2"]
