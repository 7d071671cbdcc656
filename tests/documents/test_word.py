"""Reading a Word plan: the numbers Word draws itself before headings and list paragraphs, as a
typed number would read, so that plans.outline finds the sections; headers and footers left out."""

import io

import docx
import pytest
from docx.oxml import parse_xml

from marginalia.documents import UnreadableDocument, read_document
from plans.outline import read_outline
from tests.documents.sample_plan import RUNNING_HEADER, SECTIONS, TITLE, outline_of

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# One multi-level list whose levels Word ties to Heading 1–3: "1", "1.1", "1.1.1".
HEADING_NUMBERING = f"""
<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="90">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Heading1"/>
    <w:lvlText w:val="%1"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Heading2"/>
    <w:lvlText w:val="%1.%2"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Heading3"/>
    <w:lvlText w:val="%1.%2.%3"/></w:lvl>
</w:abstractNum>
"""
HEADING_NUM = f'<w:num xmlns:w="{W_NS}" w:numId="90"><w:abstractNumId w:val="90"/></w:num>'


def word_bytes(document):
    content = io.BytesIO()
    document.save(content)
    return content.getvalue()


def with_numbered_headings(document):
    """Tie Heading 1–3 to a multi-level list, as Word's 'Heading numbering' does."""
    numbering = document.part.numbering_part.element
    first_num = numbering.find(f"{{{W_NS}}}num")
    first_num.addprevious(parse_xml(HEADING_NUMBERING))
    numbering.append(parse_xml(HEADING_NUM))
    return document


def sample_plan_docx():
    """The sample plan as Word writes it: headings numbered by Word, not typed; a running header
    and a page-number footer; themes on lines of their own."""
    document = with_numbered_headings(docx.Document())
    section = document.sections[0]
    section.header.paragraphs[0].text = RUNNING_HEADER
    section.footer.paragraphs[0].text = "Page 1"
    document.add_paragraph(TITLE, style="Title")
    theme = None
    for number, heading, section_theme, paragraphs in SECTIONS:
        if section_theme != theme:
            theme = section_theme
            document.add_paragraph(f"Theme: {theme}")
        document.add_heading(heading, level=number.count(".") + 1)
        for paragraph in paragraphs:
            document.add_paragraph(paragraph)
    return word_bytes(document)


def test_word_numbered_headings_are_read_with_their_numbers():
    outline = read_outline(read_document("plan.docx", sample_plan_docx()).text)

    assert [
        (section.number, section.heading, section.theme, section.text)
        for section in outline.sections
    ] == outline_of()
    assert outline.themes == ["Working together", "Volunteers and mentors", "Money"]


def test_the_running_header_and_footer_are_left_out():
    blocks = read_document("plan.docx", sample_plan_docx()).blocks

    assert not [block for block in blocks if RUNNING_HEADER in block or "Page 1" in block]


def test_a_numbered_list_counts_on_and_restarts_its_deeper_levels():
    document = with_numbered_headings(docx.Document())
    for level, text in [(1, "Aims"), (2, "First"), (2, "Second"), (1, "Means"), (2, "Again")]:
        document.add_heading(text, level=level)

    assert read_document("plan.docx", word_bytes(document)).blocks == [
        "1 Aims",
        "1.1 First",
        "1.2 Second",
        "2 Means",
        "2.1 Again",
    ]


def test_a_list_number_paragraph_gets_its_number_and_a_bullet_gets_none():
    document = docx.Document()
    document.add_paragraph("Reduce re-offending", style="List Number")
    document.add_paragraph("Involve volunteers", style="List Number")
    document.add_paragraph("A point", style="List Bullet")

    assert read_document("plan.docx", word_bytes(document)).blocks == [
        "1. Reduce re-offending",
        "2. Involve volunteers",
        "A point",
    ]


def test_typed_numbers_are_kept_as_they_are():
    document = docx.Document()
    document.add_paragraph("1.11 Sub-contracting will be considered.")

    assert read_document("plan.docx", word_bytes(document)).blocks == [
        "1.11 Sub-contracting will be considered."
    ]


@pytest.mark.parametrize("content", [b"PK\x03\x04 not a zip", b"plain words"])
def test_a_file_that_is_not_word_is_refused_by_name(content):
    with pytest.raises(UnreadableDocument) as refused:
        read_document("plan.docx", content)

    assert refused.value.message.startswith("plan.docx: the Word file could not be read.")


def test_a_table_of_more_cells_than_are_read_is_refused_by_name(monkeypatch):
    from tests.hostile import word_of_merged_rows

    monkeypatch.setattr("marginalia.documents.word.MAX_TABLE_CELLS", 100)

    with pytest.raises(UnreadableDocument) as refused:
        read_document("grid.docx", word_of_merged_rows(rows=6, columns=20))

    assert refused.value.message.startswith("grid.docx has more than 100 table cells")
    assert (
        read_document("grid.docx", word_of_merged_rows(rows=5, columns=20))
        .blocks[1]
        .count("1.1 cell")
        == 20
    )
