import io

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.page_text import visible_text
from tests.responses.respond_helpers import comment_form_data

pytestmark = pytest.mark.django_db

PROSE = (
    "Point 1.11 says consortia building will be ‘considered’; it should be encouraged.\n\n"
    "Volunteering belongs in the ‘strengthening communities’ theme.\n\n"
    "The plan says little about victims."
)


def url(draft):
    return f"/responses/{draft.pk}/paste/"


def word_file(*paragraphs, name="response.docx"):
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    content = io.BytesIO()
    document.save(content)
    return SimpleUploadedFile(name, content.getvalue())


def linked(draft):
    return [
        (
            sorted(c.sections.values_list("number", flat=True)),
            sorted(c.themes.values_list("name", flat=True)),
        )
        for c in draft.comments.order_by("position")
    ]


def test_pasted_paragraphs_become_comments_linked_as_suggested(client, draft):
    page = client.post(url(draft), {"version": "0", "text": PROSE})

    assert page["Location"] == f"/responses/{draft.pk}/comments/"
    assert linked(draft) == [(["1.11"], []), ([], ["Strengthening communities"]), ([], [])]
    assert draft.comments.get(position=1).section_links.get().exact == "considered"


def test_the_review_shows_each_suggestion_with_its_evidence(client, draft):
    client.post(url(draft), {"version": "0", "text": PROSE})

    text = visible_text(client.get(f"/responses/{draft.pk}/comments/"))

    assert "Section 1.11, because it says “Point 1.11; ‘considered’”" in text
    assert "Theme: Strengthening communities, because it says “‘strengthening communities’”" in text
    assert "Check the sections and themes we suggest" in text


def test_the_respondent_corrects_a_suggestion_and_the_evidence_of_kept_links_stays(client, draft):
    client.post(url(draft), {"version": "0", "text": PROSE})
    first, second, third = draft.comments.order_by("position")
    section_2_8 = str(draft.plan.sections.get(number="2.8").pk)
    theme = str(draft.plan.themes.get(name="Strengthening communities").pk)
    forms = [
        {
            "comment_id": first.pk,
            "text": first.text,
            "stance": "concern",
            "sections": [str(draft.plan.sections.get(number="1.11").pk)],
            "quote": "considered",
        },
        {
            "comment_id": second.pk,
            "text": second.text,
            "stance": "recommendation",
            "sections": [section_2_8],
            "themes": [theme],
        },
        {"comment_id": third.pk, "text": third.text, "stance": "concern", "general": "on"},
    ]

    client.post(f"/responses/{draft.pk}/comments/", comment_form_data(forms, version=1, initial=3))

    assert linked(draft) == [(["1.11"], []), (["2.8"], ["Strengthening communities"]), ([], [])]
    kept = draft.comments.get(position=1).section_links.get()
    assert kept.evidence == "Point 1.11; ‘considered’"
    assert draft.comments.get(position=2).section_links.get().evidence == ""


def test_a_text_file_upload_is_read(client, draft):
    upload = SimpleUploadedFile("response.txt", PROSE.encode("utf-8"))

    client.post(url(draft), {"version": "0", "document": upload})

    assert draft.comments.count() == 3


def test_a_word_file_upload_is_read_paragraph_by_paragraph(client, draft):
    upload = word_file("Point 1.11 needs work.", "", "Under 3.5, volunteering matters.")

    client.post(url(draft), {"version": "0", "document": upload})

    assert linked(draft) == [(["1.11"], []), (["3.5"], [])]


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            SimpleUploadedFile("response.xlsx", b"PK\x03\x04 ..."),
            "The file must be a .txt, .docx, .odt or .pdf file.",
        ),
        (
            SimpleUploadedFile("big.txt", b"a" * (2 * 1024 * 1024 + 1)),
            "The file must be smaller than 2 MB.",
        ),
        (
            SimpleUploadedFile("broken.docx", b"PK\x03\x04 not really a zip"),
            "the Word file could not be read.",
        ),
        (SimpleUploadedFile("renamed.docx", b"plain words"), "the Word file could not be read."),
        (SimpleUploadedFile("binary.txt", b"\x00\x01\x02\xff"), "The file is not plain text."),
        (SimpleUploadedFile("empty.txt", b""), "The submitted file is empty."),
    ],
)
def test_unreadable_or_unsuitable_files_are_refused_and_nothing_changes(
    client, draft, upload, message
):
    client.post(
        f"/responses/{draft.pk}/comments/",
        comment_form_data([{"text": "Keep me.", "stance": "general", "general": "on"}], version=0),
    )

    page = client.post(url(draft), {"version": "1", "document": upload})

    assert page.status_code == 200
    assert message in visible_text(page)
    assert list(draft.comments.values_list("text", flat=True)) == ["Keep me."]


def test_nothing_to_paste_is_refused(client, draft):
    assert "Paste your response, or choose a file to upload." in visible_text(
        client.post(url(draft), {"version": "0", "text": "  \n\n "})
    )


def test_pasting_and_uploading_at_once_is_refused(client, draft):
    upload = SimpleUploadedFile("response.txt", b"Hello")

    text = visible_text(client.post(url(draft), {"version": "0", "text": "Hi", "document": upload}))

    assert "Paste your response or upload a file, not both." in text


def test_more_than_300_paragraphs_are_refused(client, draft):
    text = visible_text(
        client.post(url(draft), {"version": "0", "text": "\n\n".join(["Para."] * 301)})
    )

    assert "The response has 301 paragraphs; it can have at most 300 comments." in text
    assert not draft.comments.exists()


def test_pasting_into_a_draft_changed_elsewhere_replaces_nothing(client, draft):
    page = client.post(url(draft), {"version": "7", "text": PROSE})

    assert "nothing was replaced" in visible_text(page)
    assert PROSE.splitlines()[0] in page.content.decode()  # the pasted text is kept in the form
    assert not draft.comments.exists()


def test_text_quoting_the_same_wording_twice_is_one_link(client, draft):
    text = "Point 1.11 says it will be ‘considered’. Yes, ‘considered’, and ‘Considered’ again."

    page = client.post(url(draft), {"version": "0", "text": text})

    assert page.status_code == 302
    assert list(draft.comments.get().section_links.values_list("exact", flat=True)) == [
        "considered"
    ]
