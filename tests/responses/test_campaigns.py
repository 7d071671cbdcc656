"""Grouping campaign responses (near-copies of one letter): pure functions, no database."""

import random
import string

from responses.campaigns.near_copies import (
    DEFAULT_THRESHOLD,
    additions,
    group_near_copies,
    shared_text,
    shingles,
)

LETTER = (
    "Dear Sir or Madam, I am writing to object to the proposed closure of the Riverside library. "
    "The library is used every day by children after school and by older people who have no "
    "internet at home. Closing it would leave the whole east of the town without a quiet place "
    "to read, study or look for work. I urge the council to keep the library open and to fund "
    "it properly for the next ten years. Yours faithfully, Jane Smith"
)


def _vocabulary(rng, size=2000):
    letters = string.ascii_lowercase
    return ["".join(rng.choices(letters, k=rng.randint(3, 9))) for _ in range(size)]


def _sentence(rng, vocabulary):
    words = rng.choices(vocabulary, k=rng.randint(8, 12))
    return " ".join(words).capitalize() + "."


def _letter(rng, vocabulary, sentences=30):
    return [_sentence(rng, vocabulary) for _ in range(sentences)]


def _copy(rng, vocabulary, letter):
    """One campaign member's copy: its own name signed, one sentence changed."""
    sentences = list(letter)
    sentences[rng.randrange(len(sentences))] = _sentence(rng, vocabulary)
    name = " ".join(rng.choices(vocabulary, k=2)).title()
    return " ".join(sentences) + f" Yours faithfully, {name}"


def campaign_texts(*, campaigns, copies, singles, seed=0):
    """Texts keyed by shuffled ids: `campaigns` letters of `copies` near-copies each, then
    `singles` unrelated letters. Returns the texts and the expected groups."""
    rng = random.Random(seed)
    vocabulary = _vocabulary(rng)
    bodies, expected = [], []
    for _ in range(campaigns):
        letter = _letter(rng, vocabulary)
        expected.append(range(len(bodies), len(bodies) + copies))
        bodies.extend(_copy(rng, vocabulary, letter) for _ in range(copies))
    bodies.extend(" ".join(_letter(rng, vocabulary)) for _ in range(singles))
    ids = rng.sample(range(1, 10 * len(bodies)), len(bodies))
    texts = dict(zip(ids, bodies, strict=True))
    groups = sorted((sorted(ids[i] for i in members) for members in expected), key=lambda g: g[0])
    return texts, groups


def _jaccard(a, b):
    a, b = shingles(a), shingles(b)
    return len(a & b) / len(a | b)


def test_identical_texts_are_one_group():
    assert group_near_copies({3: LETTER, 1: LETTER, 2: LETTER}) == [[1, 2, 3]]


def test_a_changed_name_and_an_added_sentence_still_group_at_the_default_threshold():
    renamed = LETTER.replace("Jane Smith", "Robert Oduya")
    added = LETTER.replace(
        "Yours faithfully", "My own children learned to read there. Yours faithfully"
    )
    assert group_near_copies({1: LETTER, 2: renamed, 3: added}) == [[1, 2, 3]]


def test_unrelated_texts_do_not_group():
    other = (
        "I support the new cycle lanes on the high street because they make it safer for my "
        "daughter to ride to school, and I would like them extended to the station as well."
    )
    assert group_near_copies({1: LETTER, 2: other}) == []


def test_a_raised_threshold_splits_a_loosely_similar_pair_and_a_lowered_one_joins_it():
    loose = LETTER.replace(
        "The library is used every day by children after school",
        "Many families rely on it on weekends",
    ).replace("for the next ten years", "for as long as it is needed")
    assert 0.5 < _jaccard(LETTER, loose) < 0.7
    texts = {1: LETTER, 2: loose}
    assert group_near_copies(texts, threshold=0.9) == []
    assert group_near_copies(texts) == []
    assert group_near_copies(texts, threshold=0.4) == [[1, 2]]


def test_near_copies_join_transitively_into_one_group():
    rng = random.Random(1)
    vocabulary = _vocabulary(rng)
    a = _letter(rng, vocabulary, sentences=10)
    new = _letter(rng, vocabulary, sentences=4)
    b = a[2:] + new[:2]  # 8 of b's 10 sentences are a's
    c = a[4:] + new  # 8 of c's 10 sentences are b's, only 6 are a's
    texts = {1: " ".join(a), 2: " ".join(b), 3: " ".join(c)}
    threshold = 0.52
    assert _jaccard(texts[1], texts[2]) > threshold + 0.1
    assert _jaccard(texts[2], texts[3]) > threshold + 0.1
    assert _jaccard(texts[1], texts[3]) < threshold - 0.1
    assert group_near_copies(texts, threshold=threshold) == [[1, 2, 3]]


def test_short_texts_never_group():
    texts = {1: "I object.", 2: "I object.", 3: "Agreed", 4: "Agreed", 5: "No to this!"}
    texts[6] = texts[5]
    assert group_near_copies(texts) == []


def test_shared_text_is_the_letter_and_additions_are_what_each_member_wrote():
    members = [
        LETTER,
        LETTER.replace("Jane Smith", "Robert Oduya"),
        LETTER.replace("older people who", "older people like my mother who"),
    ]
    shared = shared_text(members)
    assert shared == LETTER.removesuffix(" Jane Smith")
    assert additions(members[0], shared) == ["Jane Smith"]
    assert additions(members[1], shared) == ["Robert Oduya"]
    assert additions(members[2], shared) == ["like my mother", "Jane Smith"]


def test_three_campaigns_of_200_among_400_unrelated_letters_are_exactly_three_groups():
    texts, expected = campaign_texts(campaigns=3, copies=200, singles=400)
    assert len(texts) == 1000
    assert group_near_copies(texts, threshold=DEFAULT_THRESHOLD) == expected


def test_the_letter_most_members_sent_outlasts_each_member_changing_a_sentence_of_their_own():
    texts, [group] = campaign_texts(campaigns=1, copies=200, singles=0)
    members = [texts[response_id] for response_id in group]

    everyones = shared_text(members)
    most = shared_text(members, share=0.5)

    assert len(everyones.split()) < 100  # each of the 30 sentences is changed by someone
    assert len(most.split()) > 250
    # A member added no more than the sentence they changed (8 to 12 words) and their name.
    assert max(len(" ".join(additions(text, most)).split()) for text in members) <= 14


def test_more_than_half_of_two_texts_is_both():
    assert shared_text([LETTER, LETTER.replace("Jane Smith", "Robert Oduya")], share=0.5) == (
        LETTER.removesuffix(" Jane Smith")
    )
