"""Arranging campaigns: responses to a plan whose whole text is a letter, and the campaign letter
the tests copy."""

from tests.factories import CommentFactory, RespondentFactory, ResponseFactory

LETTER = (
    "Dear Sir or Madam, I am writing to object to the proposed closure of the Riverside library. "
    "The library is used every day by children after school and by older people who have no "
    "internet at home. Closing it would leave the whole east of the town without a quiet place "
    "to read, study or look for work.\n\n"
    "The council's own survey found that two in three residents of the ward had used the library "
    "in the last year, and that most of them walk there. The nearest other branch is two buses "
    "away, and the mobile library calls only once a fortnight for an hour. The savings the plan "
    "expects are small beside what the town would lose, and the building would cost money to "
    "keep empty.\n\n"
    "I urge the council to keep the library open, to fund it properly for the next ten years, and "
    "to ask the people who use it before making any change to its hours or its services. "
    "Yours faithfully, Jane Smith"
)
# What the members of a campaign of the letter share: its words, with no name signed.
SHARED = " ".join(LETTER.removesuffix(" Jane Smith").split())
# A paragraph of a member's own: with it, a copy is near enough at 0.8 but not at 0.95.
OWN_PARAGRAPH = (
    "My own children learned to read in that library, and my father still reads the papers there."
)


def signed(name, *, added=""):
    """The letter signed by `name`, with `added` (words of their own) before the close."""
    letter = LETTER.replace("Jane Smith", name)
    if added:
        letter = letter.replace("Yours faithfully", f"{added} Yours faithfully")
    return letter


def response_saying(plan, text, *, name=None, **fields):
    """A response to `plan` (published, unless `fields` say otherwise) whose paragraphs (blank
    line separated) are its comments, in order."""
    respondent = RespondentFactory(**({"name": name} if name else {}))
    response = ResponseFactory(plan=plan, respondent=respondent, **fields)
    for position, paragraph in enumerate(text.split("\n\n"), start=1):
        CommentFactory(response=response, position=position, text=paragraph)
    return response
