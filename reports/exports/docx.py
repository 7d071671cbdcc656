"""The summary report as a Word document, for officers who edit it into a consultation response.

A title page (the plan, its publisher, when the report was made and which responses it covers),
then a heading per section with its counts by stance, its respondents, each comment as a
quotation with who said it, and the recommendations' proposed wording; then comments on themes,
on the whole plan, "You said, we did" once the plan has a revision, and the table of respondents.
"""

from django.utils import dateformat
from docx import Document
from docx.oxml import register_element_cls
from docx.oxml.document import CT_Body
from docx.oxml.ns import qn

from reports.exports.xml_characters import xml_safe

SECTION_PROPERTIES = qn("w:sectPr")


class _AppendingBody(CT_Body):
    """A document's body that adds each paragraph or table before its closing section
    properties by looking at its last child. python-docx looks for them from the first child,
    every time: a report of 100,000 paragraphs spent minutes there (the time grew with the
    square of the report's length)."""

    def insert_element_before(self, elm, *tagnames):
        if tagnames != ("w:sectPr",):
            return super().insert_element_before(elm, *tagnames)
        try:
            last = self[-1]  # lxml finds the last child from the end (len() counts them all)
        except IndexError:
            last = None
        if last is not None and last.tag == SECTION_PROPERTIES:
            last.addprevious(elm)
        else:
            self.append(elm)
        return elm


register_element_cls("w:body", _AppendingBody)


def _found_once(document, key, find):
    """What `find()` gives, found the first time `document` asks for `key`: python-docx looks
    through the whole document (or every style) each time it is asked for the page's width or
    a style's id by name."""
    found = document.__dict__.setdefault("_marginalia_found", {})
    if key not in found:
        found[key] = find()
    return found[key]


def _style_id(document, name):
    return _found_once(document, ("style", name), lambda: document.styles[name].style_id)


def _paragraph(document, text="", style=None, *, bold_label=None):
    """A paragraph of `text`, after a bold label if given ("Proposed wording: …")."""
    paragraph = document.add_paragraph()
    if style:
        paragraph._p.style = _style_id(document, style)
    if bold_label:
        paragraph.add_run(f"{bold_label} ").bold = True
    paragraph.add_run(xml_safe(text))
    return paragraph


def _heading(document, text, level):
    """As document.add_heading, with its style found once (_style_id)."""
    return _paragraph(document, text, "Title" if level == 0 else f"Heading {level}")


def _table(document, header, rows):
    # As document.add_table, with the page's width and the style found once.
    width = _found_once(document, "page width", lambda: document._block_width)
    table = document._body.add_table(1, len(header), width)
    table._tbl.tblStyle_val = _style_id(document, "Table Grid")
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.paragraphs[0].add_run(text).bold = True
    for row in rows:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = xml_safe(str(value))
    return table


def _attribution(entry):
    comment = entry.comment
    return f"{entry.respondent_name}, comment {comment.position} ({entry.stance_label})"


def _comment(document, entry, annotated):
    """One comment as a quotation, then who said it and what officers made of it."""
    _paragraph(document, entry.text, "Quote")
    _paragraph(document, f"— {_attribution(entry)}")
    for quote in entry.quotes:
        _paragraph(document, f"‘{quote}’", bold_label="Quotes the plan:")
    if entry.comment.proposed_wording:
        _paragraph(document, entry.comment.proposed_wording, bold_label="Proposed wording:")
    if annotated:
        review = entry.review
        status = entry.review_label
        if review and review.plan_change:
            status += f" – led to: {review.plan_change}"
        _paragraph(document, status, bold_label="Review:")
        if entry.tags:
            _paragraph(document, ", ".join(entry.tags), bold_label="Tags:")
        if review and review.note:
            _paragraph(document, review.note, bold_label="Internal note:")
        if entry.comment.public_text is not None:
            _paragraph(document, "Yes", bold_label="Personal data redacted for the public:")


def _codes(document, codes):
    """The coding frame: per code its counts, by stance and by respondent kind, and its quotes."""
    _heading(document, "What was said, by code", 1)
    for part in codes:
        _heading(document, xml_safe(str(part.code)), 2)
        _paragraph(document, f"{part.count:,}", bold_label="Comments:")
        if part.by_stance:
            counted = ", ".join(f"{label} {count:,}" for label, count in part.by_stance)
            _paragraph(document, counted, bold_label="By stance:")
            counted = ", ".join(f"{label} {count:,}" for label, count in part.by_kind)
            _paragraph(document, counted, bold_label="By respondent:")
        _comments(document, part.quoted, False, "No comment has this code.")


def _comments(document, entries, annotated, none_text):
    for entry in entries:
        _comment(document, entry, annotated)
    if not entries:
        _paragraph(document, none_text)


def _title_page(document, report):
    plan = report.plan
    _heading(document, xml_safe(plan.title), 0)
    if plan.publisher:
        _paragraph(document, plan.publisher)
    _paragraph(document, "Summary of the consultation comments", "Subtitle")
    _paragraph(
        document, dateformat.format(report.generated_at, "j F Y, H:i"), bold_label="Generated:"
    )
    _paragraph(
        document,
        f"{report.comment_count} comment{'s' if report.comment_count != 1 else ''} "
        f"from {len(report.respondents)} response{'s' if len(report.respondents) != 1 else ''}",
        bold_label="Covers:",
    )
    _paragraph(document, "", bold_label="Filters applied:")
    for line in report.filters.descriptions():
        _paragraph(document, line, "List Bullet")
    if not plan.has_full_text:
        _paragraph(
            document,
            "Section wording is as quoted in responses; the plan's full text is not loaded.",
        )


def _section(document, entry, stances, annotated):
    section = entry.section
    heading = _heading(document, xml_safe(section.title), 1)
    heading.paragraph_format.page_break_before = True
    if section.text:
        _paragraph(document, section.text, "Intense Quote")
    else:
        _paragraph(document, "No wording recorded for this section.")
    counts = {count.stance: count.count for count in entry.figures.stance_counts}
    _table(
        document,
        ["Stance", "Comments"],
        [*((label, counts[value]) for value, label in stances), ("Total", entry.figures.total)],
    )
    _paragraph(document, ", ".join(entry.respondents) or "Nobody", bold_label="Respondents:")
    _heading(document, "Comments", 2)
    _comments(document, entry.comments, annotated, "No comments on this section.")
    _heading(document, "Recommendations", 2)
    for recommendation in entry.recommendations:
        _paragraph(document, _attribution(recommendation), "List Bullet")
        _paragraph(
            document,
            recommendation.comment.proposed_wording or "No wording proposed.",
            bold_label="Proposed wording:",
        )
    if not entry.recommendations:
        _paragraph(document, "No recommendations on this section.")


def _you_said_we_did(document, part):
    """The latest revision beside what was asked: per section, the outcome, the wording with
    the words taken out struck through and those put in underlined, and the quotes' fate."""
    version = part.version
    heading = _heading(document, "You said, we did", 1)
    heading.paragraph_format.page_break_before = True
    _paragraph(
        document,
        f"{version.label} (version {version.number}) beside version {version.previous_number}: "
        "each section the comments in this report asked to change, or that changed.",
    )
    for row in part.rows:
        change, new = row.change, row.change.new_section
        title = new.title if new else change.old_title
        if change.kind in ("moved", "split", "merged"):
            title += f" (was {change.old_number})"
        _heading(document, xml_safe(title), 2)
        _paragraph(
            document,
            f"{change.get_kind_display()}. {row.asking_count} of {row.comments_count} "
            f"comment{'s' if row.comments_count != 1 else ''} asked for a change.",
            bold_label=f"{row.outcome_label}.",
        )
        wording = document.add_paragraph()
        for op, words in row.diff:
            run = wording.add_run(xml_safe(words) + " ")
            run.font.strike = op == "delete"
            run.font.underline = op == "insert"
        for quote in row.followed:
            _paragraph(
                document,
                f"{quote.who} ({quote.comment.get_stance_display()}), "
                f"quoted ‘{quote.quoted}’: "
                f"{quote.summary}",
                "List Bullet",
            )
    if not part.rows:
        _paragraph(document, "No section was asked about or changed.")


def write_docx(report, file, progress=iter) -> None:
    """Write `report` (a SummaryReport) to `file` (a path or a binary file); `progress` wraps
    the sections as they are written (the command's progress bar)."""
    document = Document()
    document.core_properties.title = xml_safe(report.plan.title)
    annotated = report.shows_annotations
    _title_page(document, report)

    for entry in progress(report.commented_sections):
        _section(document, entry, report.overview.stances, annotated)
    if report.uncommented_sections:
        heading = _heading(document, "Sections with no comments", 1)
        heading.paragraph_format.page_break_before = True
        _paragraph(document, "No comment in this report is on these sections.")
        _table(
            document,
            ["Section", "Heading"],
            [(section.number, section.heading) for section in report.uncommented_sections],
        )

    heading = _heading(document, "Comments on themes", 1)
    heading.paragraph_format.page_break_before = True
    for entry in report.themes:
        _heading(document, xml_safe(entry.theme.name), 2)
        _comments(document, entry.comments, annotated, "No comments on this theme.")
    if not report.themes:
        _paragraph(document, "This plan has no themes.")

    _heading(document, "Comments on the whole plan", 1)
    _comments(document, report.general_comments, annotated, "No comments on the whole plan.")

    if report.you_said_we_did:
        _you_said_we_did(document, report.you_said_we_did)
    if report.codes:
        _codes(document, report.codes)

    heading = _heading(document, "Respondents", 1)
    heading.paragraph_format.page_break_before = True
    _table(
        document,
        ["Respondent", "Kind", "Reference", "Status", "Submitted", "Comments"],
        [
            (
                respondent.name,
                respondent.kind,
                respondent.reference,
                respondent.status,
                dateformat.format(respondent.submitted_at, "j M Y"),
                respondent.comment_count,
            )
            for respondent in report.respondents
        ],
    )
    if not report.respondents:
        _paragraph(document, "No responses match the filters.")
    document.save(file)
