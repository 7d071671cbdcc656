"""Plans as departments publish them, as .txt, .docx, .odt and .pdf: title pages, running headers,
page numbers, tables, numbering that skips a chapter, headings right after a title or a table's
last row; each with the sections (number and heading) a careful officer would read in it."""

import io
from dataclasses import dataclass

import docx
from fpdf import FPDF
from odf import table as odf_table
from odf import text as odf_text
from odf.opendocument import OpenDocumentText

TITLE = "Reducing Re-offending in Northshire 2026 to 2029"
HEADER = "Northshire County Council - Consultation draft"
WORDING = {
    "1.1": "The Council will work with voluntary and community organisations in every district, "
    "and partners will be consulted on the framework before it is published.",
    "1.2": "Small organisations will be funded through a regional fund, with criteria published "
    "in the spring of each year",
    "2.1": "Contracts will be let in lots small enough for local charities to bid for them alone "
    "or together with others",
    "2.2": "Commissioners will set out outcomes rather than outputs.",
    "4.1": "Progress will be reported to the board every quarter.",
    "4.2": "The plan will be reviewed in 2027.",
}
OUTLINE = [
    ("1", "Working together", None),
    ("1.1", "Partners", WORDING["1.1"]),
    ("1.2", "Funding small groups", WORDING["1.2"]),
    ("2", "Commissioning", None),
    ("2.1", "Contracts", WORDING["2.1"]),
    ("2.2", "Outcomes", WORDING["2.2"]),
    # Chapter 3 is left out of this draft: the numbering skips to 4.
    ("4", "Review", None),
    ("4.1", "Reporting", WORDING["4.1"]),
    ("4.2", "Review date", WORDING["4.2"]),
]
TABLE = [("Fund", "2026", "2027"), ("Small groups", "£40,000", "£45,000")]
EXPECTED = [(number, heading) for number, heading, _wording in OUTLINE]


@dataclass(frozen=True)
class PlanDocumentCase:
    what: str
    filename: str
    content: bytes
    sections: tuple  # (number, heading), in order


def plain_text():
    lines = [TITLE, "Consultation draft", "March 2026", ""]
    for page, (number, heading, wording) in enumerate(OUTLINE, start=1):
        lines += [HEADER, f"{number} {heading}"]
        if wording:
            lines.append(wording)
        if number == "1.2":
            lines += [" | ".join(row) for row in TABLE]
        lines += [f"Page {page} of {len(OUTLINE)}", ""]
    return "\n".join(lines).encode()


def word_document():
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = HEADER
    document.add_heading(TITLE, level=0)
    for number, heading, wording in OUTLINE:
        document.add_heading(f"{number} {heading}", level=1 if "." not in number else 2)
        if wording:
            document.add_paragraph(wording)
        if number == "1.2":
            grid = document.add_table(rows=len(TABLE), cols=3)
            for row, cells in zip(grid.rows, TABLE, strict=True):
                for cell, value in zip(row.cells, cells, strict=True):
                    cell.text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def open_document():
    document = OpenDocumentText()
    document.text.addElement(odf_text.P(text=TITLE))
    for number, heading, wording in OUTLINE:
        document.text.addElement(odf_text.H(outlinelevel=1, text=f"{number} {heading}"))
        if wording:
            document.text.addElement(odf_text.P(text=wording))
        if number == "1.2":
            grid = odf_table.Table(name="Funding")
            for cells in TABLE:
                row = odf_table.TableRow()
                for value in cells:
                    cell = odf_table.TableCell()
                    cell.addElement(odf_text.P(text=value))
                    row.addElement(cell)
                grid.addElement(row)
            document.text.addElement(grid)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


class _PlanPDF(FPDF):
    def header(self):
        self.set_font("Helvetica", size=9)
        self.cell(0, 8, HEADER, new_x="LMARGIN", new_y="NEXT")

    def footer(self):
        self.set_y(-15)
        self.set_font("Helvetica", size=9)
        self.cell(0, 10, str(self.page_no()), align="C")


def _latin1(text):
    return text.replace("£", "GBP ").replace("–", "-")


def pdf_document(*, tight):
    """The plan as a PDF: one font and no space between lines when `tight` (nothing but the
    numbering tells a heading from the title or table row above it), else bold headings with
    space around them; a page a chapter, under a running header, over a page number."""
    pdf = _PlanPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "" if tight else "B", 11 if tight else 16)
    pdf.cell(0, 6, TITLE, new_x="LMARGIN", new_y="NEXT")
    for number, heading, wording in OUTLINE:
        if "." not in number and number != "1":
            pdf.add_page()
        pdf.set_font("Helvetica", "" if tight else "B", 11)
        if not tight:
            pdf.ln(4)
        pdf.cell(0, 6, f"{number} {heading}", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", size=11)
        if wording:
            pdf.multi_cell(0, 6, wording, new_x="LMARGIN", new_y="NEXT")
        if number == "1.2":
            for row in TABLE:
                pdf.cell(0, 6, _latin1(" | ".join(row)), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def plan_documents():
    return [
        PlanDocumentCase(
            "text with a title page, headers, page numbers",
            "plan.txt",
            plain_text(),
            tuple(EXPECTED),
        ),
        PlanDocumentCase(
            "Word with heading styles and a table", "plan.docx", word_document(), tuple(EXPECTED)
        ),
        PlanDocumentCase(
            "OpenDocument with headings and a table", "plan.odt", open_document(), tuple(EXPECTED)
        ),
        PlanDocumentCase(
            "PDF laid out with bold headings",
            "plan.pdf",
            pdf_document(tight=False),
            tuple(EXPECTED),
        ),
        PlanDocumentCase(
            "PDF in one font, headings after a title and a table row",
            "tight.pdf",
            pdf_document(tight=True),
            tuple(EXPECTED),
        ),
    ]
