"""Guessing a response's respondent from its document: the email's sender, a signature, the
letterhead, then the file name; each guess says where it came from, for the review table."""

import pytest

from intake.respondents import MAX_NAME_LENGTH, RespondentGuess, guess_respondent
from marginalia.documents import Document, Sender
from responses.models import Respondent

ORGANISATION = Respondent.Kind.ORGANISATION
INDIVIDUAL = Respondent.Kind.INDIVIDUAL

BODY = "We welcome the plan, and in particular its commitment to volunteering."


def a_letter(*blocks, name="letter.docx"):
    return Document(name=name, blocks=list(blocks))


def test_an_emails_sender_is_the_respondent():
    email = Document(
        name="mail.eml",
        blocks=["Dear consultation team,", BODY, "Kind regards,\nJane Smith"],
        sender=Sender("Jane Smith", "jane@example.org"),
    )

    assert guess_respondent(email) == RespondentGuess(
        "Jane Smith", INDIVIDUAL, "the email's sender", "jane@example.org"
    )


def test_a_sender_with_an_organisation_word_is_an_organisation():
    email = Document(name="mail.eml", blocks=[BODY], sender=Sender("Bell Trust", "info@bell.org"))

    guess = guess_respondent(email)

    assert (guess.name, guess.kind, guess.source) == (
        "Bell Trust",
        ORGANISATION,
        "the email's sender",
    )


def test_a_sender_signing_for_an_organisation_sends_the_organisations_response():
    email = Document(
        name="mail.eml",
        blocks=[BODY, "Kind regards,\nJane Smith\nPolicy Officer\nVolunteering England"],
        sender=Sender("Jane Smith", "jane@ve.org.uk"),
    )

    assert guess_respondent(email) == RespondentGuess(
        "Volunteering England",
        ORGANISATION,
        "the email's signature",
        "jane@ve.org.uk",
        contact="Jane Smith",
    )


def test_a_signature_run_into_one_line_leaves_the_sender_as_the_respondent():
    # The mail reader joins a paragraph's lines with spaces, so name, job title and organisation
    # cannot be told apart: better the sender's name than all of it.
    email = Document(
        name="mail.eml",
        blocks=[BODY, "Kind regards, Jane Smith Policy Officer Volunteering England"],
        sender=Sender("Jane Smith", "jane@ve.org.uk"),
    )

    guess = guess_respondent(email)

    assert (guess.name, guess.source) == ("Jane Smith", "the email's sender")


def test_a_sender_without_a_name_is_known_by_the_letter_attached():
    letter = a_letter(
        "Dear Sir or Madam,",
        BODY,
        "Yours faithfully,",
        "Amir Khan",
        "Chief Executive",
        "Bell Trust",
    )
    email = Document(
        name="mail.eml",
        blocks=["Please find our response attached."],
        sender=Sender("", "office@bell.org.uk"),
        attachments=[letter],
    )

    assert guess_respondent(email) == RespondentGuess(
        "Bell Trust", ORGANISATION, "the letter's signature", "office@bell.org.uk", "Amir Khan"
    )


def test_a_word_letters_signature_over_separate_blocks_names_the_organisation():
    letter = a_letter(
        "Dear consultation team,",
        BODY,
        "Yours sincerely,",
        "",
        "Jane Smith",
        "Director of Community Services",
        "Northshire Volunteer Centre",
        "Enc. our annual report",
    )

    assert guess_respondent(letter) == RespondentGuess(
        "Northshire Volunteer Centre", ORGANISATION, "the letter's signature", contact="Jane Smith"
    )


def test_a_plain_text_signature_within_one_block_names_the_organisation():
    letter = a_letter(
        BODY, "Kind regards,\nJane Smith\nChief Executive, Bell Trust\n12 High Street, Leeds"
    )

    guess = guess_respondent(letter)

    assert (guess.name, guess.kind, guess.source) == (
        "Bell Trust",
        ORGANISATION,
        "the letter's signature",
    )


@pytest.mark.parametrize(
    "signature",
    [
        ["Yours sincerely,", "Jane Smith", "On behalf of Volunteering England"],
        ["Yours sincerely,", "Jane Smith", "On behalf of", "Volunteering England"],
        ["On behalf of Volunteering England,\nJane Smith"],
    ],
)
def test_on_behalf_of_names_the_organisation(signature):
    guess = guess_respondent(a_letter(BODY, *signature))

    assert (guess.name, guess.kind) == ("Volunteering England", ORGANISATION)


def test_the_letterhead_names_the_organisation():
    letter = a_letter(
        "Northshire Council for Voluntary Service",
        "4 March 2024",
        "Dear consultation team,",
        BODY,
        "Thank you for the chance to respond.",
    )

    assert guess_respondent(letter) == RespondentGuess(
        "Northshire Council for Voluntary Service", ORGANISATION, "the letterhead"
    )


def test_an_individuals_signature_names_the_individual():
    letter = a_letter("Dear Sir,", BODY, "Yours sincerely,\nMary Jones")

    assert guess_respondent(letter) == RespondentGuess(
        "Mary Jones", INDIVIDUAL, "the letter's signature"
    )


def test_a_name_after_the_sign_off_on_its_line_is_taken():
    letter = a_letter(BODY, "Kind regards, Mary Jones")

    assert guess_respondent(letter).name == "Mary Jones"


@pytest.mark.parametrize(
    ("filename", "name", "kind"),
    [
        ("volunteering-england-response.docx", "Volunteering England", ORGANISATION),
        ("Bell_Trust_consultation_submission_FINAL_v2.pdf", "Bell Trust", ORGANISATION),
        ("response from jane smith 12 March 2024 (1).docx", "Jane Smith", INDIVIDUAL),
        ("2024-03-04-mary-jones-draft-copy.odt", "Mary Jones", INDIVIDUAL),
    ],
)
def test_the_file_name_names_the_respondent(filename, name, kind):
    guess = guess_respondent(a_letter(BODY), filename=filename)

    assert guess == RespondentGuess(name, kind, "the file name")


def test_the_documents_own_name_is_the_file_name_when_none_is_given():
    guess = guess_respondent(a_letter(BODY, name="bell-trust-reply.docx"))

    assert (guess.name, guess.source) == ("Bell Trust", "the file name")


def test_nothing_to_go_on_gives_an_empty_name_and_source():
    guess = guess_respondent(a_letter(BODY), filename="consultation-response-final.docx")

    assert (guess.name, guess.source, guess.email) == ("", "", "")


def test_an_email_with_nothing_to_go_on_keeps_its_address():
    email = Document(name="mail.eml", blocks=[BODY], sender=Sender("", "someone@example.org"))

    guess = guess_respondent(email)

    assert (guess.name, guess.source, guess.email) == ("", "", "someone@example.org")


def test_a_very_long_line_is_not_taken_as_a_name():
    sentence = (
        "The National Council for Voluntary Organisations and its members across England "
        "would like to thank the department for the chance to respond"
    )
    letter = a_letter("Dear Sir,", BODY, "Yours faithfully,", sentence, sentence)

    assert guess_respondent(letter).name == ""


def test_a_long_sender_name_is_cut_to_a_respondent_names_length():
    email = Document(name="mail.eml", blocks=[BODY], sender=Sender("Bell Trust " * 40, ""))

    assert len(guess_respondent(email).name) <= MAX_NAME_LENGTH


@pytest.mark.parametrize(
    "first_line",
    [
        "4 March 2024",
        "Dear Sir",
        "Dear Sir or Madam at the Department,",
        "4 March 2024, National Volunteering Week",
        "Community House, 12 High Street, Leeds LS1 4AB",
        "The council's plan does not say enough about volunteers.",
    ],
)
def test_a_date_a_greeting_or_an_address_is_not_a_letterhead(first_line):
    letter = a_letter(first_line, BODY, "Thank you for the chance to respond.")

    guess = guess_respondent(letter)

    assert (guess.name, guess.source) == ("", "")


def test_an_organisation_named_only_after_the_signatorys_role_is_the_respondent():
    letter = a_letter(
        "Nacro welcomes the chance to comment on the plan.",
        BODY,
        "Yours sincerely,",
        "Jane Smith",
        "Head of Policy, Nacro",
    )

    assert guess_respondent(letter) == RespondentGuess(
        "Nacro", ORGANISATION, "the letter's signature", contact="Jane Smith"
    )


def test_a_letter_that_opens_in_its_organisations_name_is_the_organisations():
    letter = a_letter(
        "Dear consultation team,",
        "Nacro welcomes the chance to comment on the plan.",
        BODY,
        "Yours sincerely,",
        "Jane Smith",
    )

    assert guess_respondent(letter) == RespondentGuess(
        "Nacro", ORGANISATION, "the letter's opening", contact="Jane Smith"
    )


def test_a_letter_in_the_first_person_stays_a_persons():
    letter = a_letter("I welcome the plan.", BODY, "Yours sincerely,", "Jane Smith")

    assert guess_respondent(letter) == RespondentGuess(
        "Jane Smith", INDIVIDUAL, "the letter's signature"
    )


def test_an_email_signed_with_the_name_its_address_gives_is_that_organisations():
    email = Document(
        name="mail.eml",
        blocks=["Our response is below.", BODY, "Kind regards,", "Jane Smith", "Oakwood Refuge"],
        sender=Sender("Jane Smith", "jane@oakwoodrefuge.org.uk"),
    )

    assert guess_respondent(email) == RespondentGuess(
        "Oakwood Refuge",
        ORGANISATION,
        "the email's signature",
        "jane@oakwoodrefuge.org.uk",
        contact="Jane Smith",
    )


def test_an_email_from_a_public_mail_service_signed_by_a_person_is_theirs():
    email = Document(
        name="mail.eml",
        blocks=["Here are my views.", BODY, "Kind regards,", "Jane Smith", "Leeds"],
        sender=Sender("Jane Smith", "jane.smith@gmail.com"),
    )

    assert guess_respondent(email).kind == INDIVIDUAL


@pytest.mark.parametrize(
    "opening",
    [
        # A title line that is a sentence, not a name.
        "Response from the residents of our street who are tired of waiting",
        # The plan's own author, not the respondent.
        "The Council welcomes nothing in this plan.",
        # A run of capitals far longer than any name.
        "On behalf of " + "Big " * 5_000 + "Trust",
    ],
)
def test_an_opening_that_names_no_organisation_leaves_the_signatory(opening):
    letter = a_letter(opening, BODY, "Yours sincerely,", "Mary Jones")

    assert guess_respondent(letter) == RespondentGuess(
        "Mary Jones", INDIVIDUAL, "the letter's signature"
    )
