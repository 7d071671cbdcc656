"""One plan, four formats, one outline: Word's own numbering, OpenDocument's outline numbering,
a PDF's wrapped lines and running header, and typed text all read as the same sections."""

import pytest

from marginalia.documents import read_document
from plans.outline import read_outline
from tests.documents.sample_plan import as_text, outline_of
from tests.documents.test_opendocument import sample_plan_odt
from tests.documents.test_pdf import sample_plan_pdf
from tests.documents.test_word import sample_plan_docx

BUILDERS = {
    "plan.docx": sample_plan_docx,
    "plan.odt": sample_plan_odt,
    "plan.pdf": sample_plan_pdf,
    "plan.txt": lambda: as_text().encode(),
}


@pytest.mark.parametrize("name", BUILDERS)
def test_every_format_of_the_plan_reads_as_the_same_outline(name):
    outline = read_outline(read_document(name, BUILDERS[name]()).text)

    assert [
        (section.number, section.heading, section.theme, section.text)
        for section in outline.sections
    ] == outline_of()
    assert outline.themes == ["Working together", "Volunteers and mentors", "Money"]
