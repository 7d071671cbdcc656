"""Hostile documents, generated: small files made to cost a reader far more than their size, one
of each kind a tester has sent us (issue 20). Tests feed them to each reader; `make bomb`
(benchmarks/bomb.py) sends them through the pages and prints what each cost.

    HOSTILE_DOCUMENTS: {key: (description, make)}, make() -> (filename, bytes)
"""

import io
import zipfile
import zlib


def pdf_of_repeated_stream(pages=100, operators=2_000):
    """A PDF whose every page draws one compressed content stream of `operators` text
    operators: 16 KB for 100 pages of 2,000."""
    drawing = b"BT /F1 10 Tf 72 700 Td " + b"(x) Tj 0 -1 Td " * operators + b"ET"
    stream = zlib.compress(drawing, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        None,  # the page tree, written once the pages' numbers are known
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    first_page = len(objects) + 1
    for _ in range(pages):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"
        )
    kids = b" ".join(b"%d 0 R" % number for number in range(first_page, first_page + pages))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages)
    return _pdf(objects)


def _pdf(objects):
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    start = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, start))  # fmt: skip
    return out.getvalue()


def word_of_merged_rows(rows=100, columns=20):
    """A .docx of one table whose rows below the first all continue a vertical merge."""
    W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    first = "".join(
        '<w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>1.1 cell</w:t>'
        "</w:r></w:p></w:tc>"
        for _ in range(columns)
    )
    merged = "<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>" * columns
    grid = "<w:gridCol/>" * columns
    body = (
        f"<w:tbl><w:tblGrid>{grid}</w:tblGrid><w:tr>{first}</w:tr>"
        + f"<w:tr>{merged}</w:tr>" * (rows - 1)
        + "</w:tbl>"
    )
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>'
        f"<w:p><w:r><w:t>Our response</w:t></w:r></w:p>{body}</w:body></w:document>"
    )
    return _zip(
        {
            "[Content_Types].xml": (
                '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats'
                '.org/package/2006/content-types"><Default Extension="rels" ContentType="'
                'application/vnd.openxmlformats-package.relationships+xml"/><Default '
                'Extension="xml" ContentType="application/xml"/><Override '
                'PartName="/word/document.xml" '
                'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
                'document.main+xml"/></Types>'
            ),
            "_rels/.rels": (
                '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
                'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="'
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                'officeDocument" Target="word/document.xml"/></Relationships>'
            ),
            "word/document.xml": document,
        }
    )


def _zip(members):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return out.getvalue()


EMAIL_HEAD = (
    b"From: Anne Example <anne@example.org>\r\nTo: consultation@example.gov.uk\r\n"
    b"Subject: Our response\r\nDate: Mon, 2 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n"
)


def email_of_nested_comment(depth=20_000):
    """An .eml whose attachment's Content-Disposition ends in `depth` "(": the email package
    recursed once per "(" and raised RecursionError."""
    return (
        EMAIL_HEAD
        + b'Content-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\n'
        + b"Content-Type: text/plain\r\n\r\nPoint 1.11: we support consortia building.\r\n--b\r\n"
        + b"Content-Type: text/plain\r\nContent-Disposition: attachment; filename=a.txt"
        + b"(" * depth
        + b"\r\n\r\nattached\r\n--b--\r\n"
    )


def email_of_many_parameters(parameters=50_000):
    """An .eml whose Content-Type has `parameters` parameters: 728 KB took 50 s and 414 MB."""
    return (
        EMAIL_HEAD
        + b"Content-Type: text/plain"
        + b"".join(b"; p%d=v" % number for number in range(parameters))
        + b"\r\n\r\nPoint 1.11: we support consortia building.\r\n"
    )


def email_of_many_wrote_lines(lines=100_000):
    """An .eml of `lines` "… wrote:" lines: each looked ahead through all the lines after it."""
    return (
        EMAIL_HEAD
        + b"Content-Type: text/plain\r\n\r\nPoint 1.11: we support consortia building.\r\n\r\n"
        + b"On Monday, Anne wrote:\r\n" * lines
    )


def email_of_many_parts(parts=20_000):
    """An .eml of `parts` one-line parts: 720 KB took the email package 4 s to parse."""
    return (
        EMAIL_HEAD
        + b'Content-Type: multipart/mixed; boundary="b"\r\n\r\n'
        + b"--b\r\nContent-Type: text/plain\r\n\r\nPoint 1.11 matters.\r\n" * parts
        + b"--b--\r\n"
    )


def zip_of_large_text(megabytes=49):
    """A .zip of one text file of `megabytes` MB that compresses to about 50 KB per MB."""
    text = b"Point 1.11 states that consortia building will be considered.\n"
    size = megabytes * 1024 * 1024
    return _zip({"response.txt": (text * (size // len(text) + 1))[:size].decode()})


def csv_of_empty_rows(megabytes=20):
    """A survey .csv of a heading, one answer and millions of rows of bare commas."""
    head = b"Name,Comment on 1.11\r\nAnne,We support consortia building\r\n"
    return head + b",\r\n" * ((megabytes * 1024 * 1024 - len(head)) // 3)


def xlsx_of_shared_strings(count=2_500_000):
    """A survey .xlsx whose shared-strings table holds `count` texts: 105 KB zipped."""
    strings = "".join(f"<si><t>{number % 10}</t></si>" for number in range(count))
    return _zip(
        {
            "[Content_Types].xml": (
                '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats'
                '.org/package/2006/content-types"><Default Extension="rels" ContentType="'
                'application/vnd.openxmlformats-package.relationships+xml"/><Default Extension='
                '"xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" '
                'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.'
                'main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="'
                'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
                'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
            ),
            "_rels/.rels": (
                '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
                'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="'
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                'officeDocument" Target="xl/workbook.xml"/></Relationships>'
            ),
            "xl/workbook.xml": (
                '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.'
                'openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.'
                'openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" '
                'sheetId="1" r:id="rId1"/></sheets></workbook>'
            ),
            "xl/_rels/workbook.xml.rels": (
                '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
                'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="'
                'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
                'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.'
                'openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
                'Target="sharedStrings.xml"/></Relationships>'
            ),
            "xl/worksheets/sheet1.xml": (
                '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
                'openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" '
                't="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row>'
                "</sheetData></worksheet>"
            ),
            "xl/sharedStrings.xml": (
                '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats'
                f'.org/spreadsheetml/2006/main" count="{count}" uniqueCount="{count}">'
                f"{strings}</sst>"
            ),
        }
    )


# key: (what it is, how to make it: () -> (filename, bytes), who reads it: "document" or "survey")
HOSTILE_DOCUMENTS = {
    "pdf-100-pages": (
        "PDF, 100 pages drawing one stream of 2,000 text operators",
        lambda: ("plan.pdf", pdf_of_repeated_stream(100)),
        "document",
    ),
    "pdf-1000-pages": (
        "PDF, 1,000 pages drawing one stream of 2,000 text operators",
        lambda: ("plan.pdf", pdf_of_repeated_stream(1_000)),
        "document",
    ),
    "docx-merged-rows": (
        "Word, a 20-column table of 250 vertically merged rows",
        lambda: ("response.docx", word_of_merged_rows(250)),
        "document",
    ),
    "eml-nested-comment": (
        'email, a Content-Disposition ending in 20,000 "("',
        lambda: ("response.eml", email_of_nested_comment()),
        "document",
    ),
    "eml-parameters": (
        "email, a Content-Type of 50,000 parameters",
        lambda: ("response.eml", email_of_many_parameters()),
        "document",
    ),
    "eml-wrote-lines": (
        'email, 100,000 "… wrote:" lines',
        lambda: ("response.eml", email_of_many_wrote_lines()),
        "document",
    ),
    "eml-parts": (
        "email, 20,000 parts",
        lambda: ("response.eml", email_of_many_parts()),
        "document",
    ),
    "csv-empty-rows": (
        "survey CSV, 20 MB of 7 million empty rows",
        lambda: ("survey.csv", csv_of_empty_rows()),
        "survey",
    ),
    "xlsx-shared-strings": (
        "survey .xlsx, 2.5 million shared strings",
        lambda: ("survey.xlsx", xlsx_of_shared_strings()),
        "survey",
    ),
}
