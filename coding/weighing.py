"""How the machine weighs a comment's words, for the themes it suggests (coding.themes) and the
codes (coding.code_suggestions): TF-IDF of its words and two-word phrases (common English words
left out, section numbers not words), beside its spellings (letters at a time within a word), so
that "volunteers", "volunteering" and "volunter" count as alike. Each reader says only how it
differs: how many terms it keeps, how common a term may be, how many letters make a spelling.
"""

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion

WORD = r"(?u)\b[a-zA-Z][a-zA-Z'-]+\b"  # words, not section numbers


def comment_reader(*, words: dict, spellings: dict) -> FeatureUnion:
    """A reader of comments' words ("words", whose terms are phrases a person reads) and
    spellings ("spellings"), each TfidfVectorizer given these settings over the shared ones."""
    return FeatureUnion(
        [
            ("words", TfidfVectorizer(**{
                "stop_words": "english", "ngram_range": (1, 2), "sublinear_tf": True,
                "token_pattern": WORD, **words,
            })),
            ("spellings", TfidfVectorizer(
                **{"analyzer": "char_wb", "sublinear_tf": True, **spellings}
            )),
        ]
    )  # fmt: skip
