"""Reading OpenDocument text files: every .odt here is built with odfpy as the test runs."""

import io
import zipfile

import pytest
from odf import office, style, table, text
from odf.opendocument import OpenDocumentText

from marginalia.documents import UnreadableDocument, read_document
from marginalia.documents.opendocument import read_opendocument
from plans.outline import read_outline
from tests.documents import sample_plan

FOOTER = "Page footer – not the plan's wording"


def new_document(*, outline_levels=3, outline_format="1"):
    """An empty text document whose outline numbering (styles.xml) numbers `outline_levels`
    heading levels in `outline_format`, each level showing the levels above it ("2.1.1")."""
    document = OpenDocumentText()
    outline = text.OutlineStyle(name="Outline")
    for level in range(1, outline_levels + 1):
        outline.addElement(
            text.OutlineLevelStyle(level=level, numformat=outline_format, displaylevels=level)
        )
    document.styles.addElement(outline)
    return document


def add_header_and_footer(document, header=sample_plan.RUNNING_HEADER, footer=FOOTER):
    layout = style.PageLayout(name="Page")
    document.automaticstyles.addElement(layout)
    master = style.MasterPage(name="Standard", pagelayoutname=layout)
    page_header = style.Header()
    page_header.addElement(text.P(text=header))
    master.addElement(page_header)
    page_footer = style.Footer()
    page_footer.addElement(text.P(text=footer))
    master.addElement(page_footer)
    document.masterstyles.addElement(master)


def numbered_list_style(document, name="Numbers", *, levels=2, suffix=".", num_format="1"):
    """A list style numbering `levels` levels, each showing the levels above it ("1.2.")."""
    list_style = text.ListStyle(name=name)
    for level in range(1, levels + 1):
        list_style.addElement(
            text.ListLevelStyleNumber(
                level=level, numformat=num_format, numsuffix=suffix, displaylevels=level
            )
        )
    document.automaticstyles.addElement(list_style)
    return list_style


def list_of(items, **attributes):
    """A text:list of one paragraph per item; an item that is a list is nested in its own item."""
    element = text.List(**attributes)
    for item in items:
        list_item = text.ListItem()
        if isinstance(item, list):
            list_item.addElement(list_of(item))
        else:
            list_item.addElement(text.P(text=item))
        element.addElement(list_item)
    return element


def table_of(rows):
    """A table whose cells are given as strings, or lists of strings for several paragraphs."""
    element = table.Table(name="Table1")
    element.addElement(table.TableColumn(numbercolumnsrepeated=max(len(row) for row in rows)))
    for row in rows:
        table_row = table.TableRow()
        for cell in row:
            table_cell = table.TableCell(valuetype="string")
            for paragraph in [cell] if isinstance(cell, str) else cell:
                table_cell.addElement(text.P(text=paragraph))
            table_row.addElement(table_cell)
        element.addElement(table_row)
    return element


def saved(document):
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def blocks_of(document):
    return read_opendocument("plan.odt", saved(document)).blocks


def sample_plan_odt():
    """The sample plan (tests.documents.sample_plan) as an OpenDocument text file: its headings
    text:h at outline levels 1-3, numbered only by the outline numbering in styles.xml, a
    "Theme: X" paragraph where the theme changes, and a page header and footer."""
    document = new_document()
    add_header_and_footer(document)
    document.text.addElement(text.P(text=sample_plan.TITLE))
    theme = None
    for number, heading, section_theme, paragraphs in sample_plan.SECTIONS:
        if section_theme != theme:
            theme = section_theme
            document.text.addElement(text.P(text=f"Theme: {theme}"))
        document.text.addElement(text.H(outlinelevel=number.count(".") + 1, text=heading))
        for paragraph in paragraphs:
            document.text.addElement(text.P(text=paragraph))
    return saved(document)


def test_sample_plan_reads_as_its_outline():
    document = read_opendocument("plan.odt", sample_plan_odt())

    outline = read_outline(document.text)

    assert [
        (section.number, section.heading, section.theme, section.text)
        for section in outline.sections
    ] == sample_plan.outline_of()
    assert outline.themes == ["Working together", "Volunteers and mentors", "Money"]
    assert outline.preamble == [sample_plan.TITLE]


def test_page_header_and_footer_are_not_read():
    document = read_opendocument("plan.odt", sample_plan_odt())

    assert not any(sample_plan.RUNNING_HEADER in block for block in document.blocks)
    assert not any(FOOTER in block for block in document.blocks)


def test_outline_numbered_headings_get_their_numbers():
    blocks = read_opendocument("plan.odt", sample_plan_odt()).blocks

    headings = [block for block in blocks if block.split()[0][0].isdigit()]

    assert headings == [
        "1 Introduction",
        "1.1 Purpose",
        "1.2 Sub-contracting and consortia",
        "2 Volunteering",
        "2.1 Mentoring",
        "2.1.1 Training mentors",
        "3 Funding",
    ]


def test_read_document_reads_an_odt_file():
    document = read_document("Plan.ODT", sample_plan_odt())

    assert document.name == "Plan.ODT"
    assert document.blocks[:3] == [sample_plan.TITLE, "Theme: Working together", "1 Introduction"]


def test_headings_without_outline_numbering_keep_only_their_text():
    document = new_document(outline_format="")
    document.text.addElement(text.H(outlinelevel=1, text="Introduction"))
    document.text.addElement(text.H(outlinelevel=2, text="Purpose"))

    assert blocks_of(document) == ["Introduction", "Purpose"]


def test_headings_in_a_document_without_an_outline_style_are_unnumbered():
    document = OpenDocumentText()
    document.text.addElement(text.H(outlinelevel=1, text="Introduction"))

    assert blocks_of(document) == ["Introduction"]


def test_outline_start_value_and_restarted_numbering_are_respected():
    document = OpenDocumentText()
    outline = text.OutlineStyle(name="Outline")
    outline.addElement(text.OutlineLevelStyle(level=1, numformat="1", startvalue=4))
    outline.addElement(text.OutlineLevelStyle(level=2, numformat="1", displaylevels=2))
    document.styles.addElement(outline)
    document.text.addElement(text.H(outlinelevel=1, text="Delivery"))
    document.text.addElement(text.H(outlinelevel=2, text="Timescales"))
    document.text.addElement(text.H(outlinelevel=1, text="Funding"))
    document.text.addElement(
        text.H(outlinelevel=1, restartnumbering="true", startvalue=9, text="Annex")
    )
    document.text.addElement(text.H(outlinelevel=2, text="Glossary"))

    assert blocks_of(document) == [
        "4 Delivery",
        "4.1 Timescales",
        "5 Funding",
        "9 Annex",
        "9.1 Glossary",
    ]


def test_outline_heading_marked_as_a_list_header_is_not_numbered_or_counted():
    document = new_document()
    document.text.addElement(text.H(outlinelevel=1, text="Introduction"))
    document.text.addElement(text.H(outlinelevel=1, islistheader="true", text="Interlude"))
    document.text.addElement(text.H(outlinelevel=1, text="Delivery"))

    assert blocks_of(document) == ["1 Introduction", "Interlude", "2 Delivery"]


def test_numbered_list_items_get_their_numbers():
    document = OpenDocumentText()
    numbers = numbered_list_style(document)
    document.text.addElement(text.P(text="We propose:"))
    document.text.addElement(list_of(["More mentors", "Less paperwork"], stylename=numbers))

    assert blocks_of(document) == ["We propose:", "1. More mentors", "2. Less paperwork"]


def test_nested_numbered_list_items_are_numbered_by_level():
    document = OpenDocumentText()
    numbers = numbered_list_style(document, suffix="")
    document.text.addElement(
        list_of(["Volunteering", ["Mentoring", "Training"], "Funding"], stylename=numbers)
    )

    assert blocks_of(document) == ["1 Volunteering", "1.1 Mentoring", "1.2 Training", "2 Funding"]


def test_list_item_start_value_restarts_its_number():
    document = OpenDocumentText()
    numbers = numbered_list_style(document)
    numbered = list_of(["Seventh", "Eighth"], stylename=numbers)
    numbered.childNodes[0].setAttribute("startvalue", 7)
    document.text.addElement(numbered)

    assert blocks_of(document) == ["7. Seventh", "8. Eighth"]


def test_list_continued_after_a_paragraph_keeps_counting():
    document = OpenDocumentText()
    numbers = numbered_list_style(document)
    document.text.addElement(list_of(["First"], stylename=numbers, id="list1"))
    document.text.addElement(text.P(text="An aside."))
    document.text.addElement(list_of(["Second"], stylename=numbers, continuelist="list1"))
    document.text.addElement(list_of(["Third"], stylename=numbers, continuenumbering="true"))
    document.text.addElement(list_of(["Again first"], stylename=numbers))

    assert blocks_of(document) == [
        "1. First",
        "An aside.",
        "2. Second",
        "3. Third",
        "1. Again first",
    ]


def test_list_without_a_style_takes_its_paragraphs_list_style():
    document = OpenDocumentText()
    numbered_list_style(document)
    paragraph_style = style.Style(name="ListParagraph", family="paragraph", liststylename="Numbers")
    document.automaticstyles.addElement(paragraph_style)
    unstyled = text.List()
    for words in ("First", "Second"):
        item = text.ListItem()
        item.addElement(text.P(stylename=paragraph_style, text=words))
        unstyled.addElement(item)
    document.text.addElement(unstyled)

    assert blocks_of(document) == ["1. First", "2. Second"]


def test_headings_listed_in_the_outline_numbering_are_numbered_as_headings():
    document = new_document()
    for level, heading in [(1, "Introduction"), (2, "Purpose"), (1, "Funding")]:
        item = text.ListItem()
        item.addElement(text.H(outlinelevel=level, text=heading))
        listed = text.List(stylename="Outline")
        listed.addElement(item)
        document.text.addElement(listed)

    assert blocks_of(document) == ["1 Introduction", "1.1 Purpose", "2 Funding"]


def test_a_list_item_s_later_paragraphs_are_read_without_a_number():
    document = OpenDocumentText()
    numbers = numbered_list_style(document)
    numbered = text.List(stylename=numbers)
    item = text.ListItem()
    item.addElement(text.P(text="Mentoring"))
    item.addElement(text.P(text="More about mentoring."))
    numbered.addElement(item)
    document.text.addElement(numbered)

    assert blocks_of(document) == ["1. Mentoring", "More about mentoring."]


def test_bulleted_and_lettered_list_items_are_read_without_numbers():
    document = OpenDocumentText()
    bullets = text.ListStyle(name="Bullets")
    bullets.addElement(text.ListLevelStyleBullet(level=1, bulletchar="•"))
    document.automaticstyles.addElement(bullets)
    letters = numbered_list_style(document, name="Letters", num_format="a", suffix=")")
    document.text.addElement(list_of(["Volunteers", "Mentors"], stylename=bullets))
    document.text.addElement(list_of(["Prisons", "Probation"], stylename=letters))

    assert blocks_of(document) == ["Volunteers", "Mentors", "Prisons", "Probation"]


def test_spans_links_spaces_tabs_and_line_breaks_are_read_as_text():
    document = OpenDocumentText()
    paragraph = text.P(text="We ")
    paragraph.addElement(text.Span(text="strongly"))
    paragraph.addText(" support ")
    paragraph.addElement(text.A(href="https://example.org/", text="the plan"))
    paragraph.addText(".")
    paragraph.addElement(text.S(c=2))
    paragraph.addText("See")
    paragraph.addElement(text.Tab())
    paragraph.addText("annex")
    paragraph.addElement(text.LineBreak())
    paragraph.addText("B.")
    document.text.addElement(paragraph)

    assert blocks_of(document) == ["We strongly support the plan.  See annex B."]


def test_whitespace_in_the_xml_collapses_to_one_space():
    document = OpenDocumentText()
    paragraph = text.P(text="  Spread \n over ")
    paragraph.addElement(text.Span(text="  lines  "))
    document.text.addElement(paragraph)

    assert blocks_of(document) == ["Spread over lines"]


def test_empty_paragraphs_are_dropped():
    document = OpenDocumentText()
    document.text.addElement(text.P(text="First."))
    document.text.addElement(text.P())
    spaces = text.P()
    spaces.addElement(text.S(c=3))
    document.text.addElement(spaces)
    document.text.addElement(text.P(text="Second."))

    assert blocks_of(document) == ["First.", "Second."]


def test_table_row_is_one_block_with_cells_joined_by_a_dash():
    document = OpenDocumentText()
    document.text.addElement(text.P(text="Comments:"))
    document.text.addElement(
        table_of([["Section", "Comment"], ["3.5", "We support this"], ["", ""]])
    )
    document.text.addElement(text.P(text="Thank you."))

    assert blocks_of(document) == [
        "Comments:",
        "Section – Comment",
        "3.5 – We support this",
        "Thank you.",
    ]


def test_table_cell_paragraphs_are_joined_by_new_lines():
    document = OpenDocumentText()
    document.text.addElement(table_of([["2.1", ["Mentoring works.", "Fund it."]]]))

    assert blocks_of(document) == ["2.1 – Mentoring works.\nFund it."]


def test_footnotes_comments_and_tables_of_contents_are_not_read():
    document = new_document()
    contents = text.TableOfContent(name="Contents")
    index_body = text.IndexBody()
    index_body.addElement(text.P(text="1 Introduction\t3"))
    contents.addElement(index_body)
    document.text.addElement(contents)
    document.text.addElement(text.H(outlinelevel=1, text="Introduction"))
    paragraph = text.P(text="Mentoring works")
    note = text.Note(id="ftn1", noteclass="footnote")
    note.addElement(text.NoteCitation(text="1"))
    note_body = text.NoteBody()
    note_body.addElement(text.P(text="Source: the 2019 review."))
    note.addElement(note_body)
    paragraph.addElement(note)
    comment = office.Annotation()
    comment.addElement(text.P(text="Check this figure"))
    paragraph.addElement(comment)
    paragraph.addText(".")
    document.text.addElement(paragraph)

    assert blocks_of(document) == ["1 Introduction", "Mentoring works."]


def test_paragraphs_inside_sections_are_read():
    document = OpenDocumentText()
    section = text.Section(name="Section1")
    section.addElement(text.P(text="Inside a section."))
    document.text.addElement(section)

    assert blocks_of(document) == ["Inside a section."]


@pytest.mark.parametrize("content", [b"PK\x03\x04garbage", b"not a zip"])
def test_corrupt_file_is_unreadable(content):
    with pytest.raises(UnreadableDocument) as raised:
        read_opendocument("folder/Plan draft.odt", content)

    assert raised.value.code == "unreadable"
    assert "Plan draft.odt" in raised.value.message
    assert "folder" not in raised.value.message
    assert "Save it again as .odt" in raised.value.message
    assert "another format" in raised.value.message


def zip_of(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for member_name, data in members.items():
            archive.writestr(member_name, data)
    return buffer.getvalue()


def test_zip_without_content_xml_is_unreadable():
    content = zip_of({"mimetype": "application/vnd.oasis.opendocument.text", "word.xml": "<a/>"})

    with pytest.raises(UnreadableDocument) as raised:
        read_opendocument("plan.odt", content)

    assert raised.value.code == "unreadable"


def test_content_that_is_not_a_text_document_is_unreadable():
    content = zip_of({"content.xml": "<not-opendocument/>"})

    with pytest.raises(UnreadableDocument) as raised:
        read_opendocument("plan.odt", content)

    assert raised.value.code == "unreadable"


def test_xml_entity_bomb_is_refused_unexpanded():
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{level} "{f"&lol{level - 1};" * 10}">' for level in range(1, 10)
    ]
    bomb = (
        f'<?xml version="1.0"?>\n<!DOCTYPE lolz [{"".join(entities)}]>\n'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0">'
        "<office:body><office:text>&lol9;</office:text></office:body></office:document-content>"
    )

    with pytest.raises(UnreadableDocument) as raised:
        read_opendocument("plan.odt", zip_of({"content.xml": bomb}))

    assert raised.value.code == "unreadable"


def test_elements_nested_absurdly_deep_are_unreadable():
    depth = 100_000
    content_xml = (
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
        "<office:body><office:text><text:p>"
        + "<text:span>" * depth
        + "deep"
        + "</text:span>" * depth
        + "</text:p></office:text></office:body></office:document-content>"
    )

    with pytest.raises(UnreadableDocument) as raised:
        read_opendocument("plan.odt", zip_of({"content.xml": content_xml}))

    assert raised.value.code == "unreadable"


def test_file_that_unpacks_too_large_is_refused(settings):
    settings.MARGINALIA_MAX_INFLATED_BYTES = 1000
    content = sample_plan_odt()

    with pytest.raises(UnreadableDocument) as raised:
        read_opendocument("plan.odt", content)

    assert raised.value.code == "file_size"
    assert "plan.odt" in raised.value.message
