"""Campaign responses: finding the near-copies of one letter among many responses.

A campaign sends thousands of copies of one letter, each with a name changed or a sentence added.
Two texts are near-copies when the Jaccard similarity of their word shingles (runs of
SHINGLE_WORDS words of the normalised text: lower case, punctuation stripped) is at least a
threshold. Comparing every pair of 100,000 responses would take 5 billion comparisons, so each
text gets a MinHash signature (NUM_PERM hash minimums, whose share of equal values estimates the
Jaccard similarity) and MinHash LSH (datasketch) puts texts whose signatures agree on a whole
band of values into the same bucket. Only texts sharing a bucket are candidates; each candidate
pair is then verified against the threshold with the signatures' estimate before it is joined,
and the groups are the connected components of the verified pairs (A~B and B~C make one group
even if A and C differ more). The estimate is close, not exact (its standard error is about 0.035
at a similarity of 0.8 with 128 values), so a pair within a few hundredths of the threshold may
fall either way; a campaign's members are joined through many pairs, so a copy is left out only
if it is borderline against every other copy.

`shared_text` and `additions` then say what the members of a group have in common and what each
one added. Pure functions on strings: no database, no models.
"""

import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from difflib import SequenceMatcher

import numpy as np
from datasketch import MinHash, MinHashLSH
from datasketch.hashfunc import sha1_hash32

DEFAULT_THRESHOLD = 0.8
SHINGLE_WORDS = 3
NUM_PERM = 128
# The LSH index finds candidates a little below the threshold, so that pairs whose banding
# happens to miss are rare; verification then applies the threshold itself.
LSH_MARGIN = 0.1
# Texts with fewer shingles than this are too short to tell a campaign from a coincidence.
MIN_SHINGLES = 3
# Fixed, so the same texts always give the same signatures and the same groups.
SEED = 1

# An odd 64-bit multiplier mixing a shingle's word hashes in order (wrapping modulo 2**64).
_MIX = np.uint64(0x9E3779B97F4A7C15)
_WORD = re.compile(r"\w+")
_APOSTROPHES = re.compile(r"['\u2019]")


def normalised_words(text: str) -> list[str]:
    """The text's words in lower case, punctuation stripped ("Don't!" -> "dont")."""
    return _WORD.findall(_APOSTROPHES.sub("", text.lower()))


def shingles(text: str) -> set[str]:
    """The text's distinct runs of SHINGLE_WORDS consecutive normalised words."""
    words = normalised_words(text)
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def group_near_copies(
    texts: dict[int, str], *, threshold: float = DEFAULT_THRESHOLD
) -> list[list[int]]:
    """The ids of `texts` whose texts are near-copies (estimated Jaccard similarity of their
    shingles at least `threshold`), grouped: each group of two or more ids sorted, the groups
    sorted by their first id. Texts like no other are left out, and so are very short texts."""
    if not 0 < threshold <= 1:
        raise ValueError(f"threshold must be in (0, 1], got {threshold}")
    ids, shingle_sets, word_hashes = [], [], {}
    for response_id in sorted(texts):
        hashes = _shingle_hashes(texts[response_id], word_hashes)
        if hashes.size >= MIN_SHINGLES:
            ids.append(response_id)
            shingle_sets.append(hashes)
    if len(ids) < 2:
        return []

    lsh = MinHashLSH(threshold=max(threshold - LSH_MARGIN, 0.05), num_perm=NUM_PERM)
    signatures = _index_signatures(shingle_sets, lsh)
    del shingle_sets, word_hashes
    labels = np.arange(len(ids))  # labels[i]: the component text i is in
    needed = math.ceil(threshold * NUM_PERM - 1e-9)  # equal signature values to be near-copies
    for bucket in _candidate_buckets(lsh):
        _join_bucket(bucket, signatures, labels, needed)

    groups: dict[int, list[int]] = {}
    for index, label in enumerate(labels.tolist()):
        groups.setdefault(label, []).append(ids[index])
    return sorted((group for group in groups.values() if len(group) > 1), key=lambda g: g[0])


def _shingle_hashes(text: str, word_hashes: dict[str, int]) -> np.ndarray:
    """The text's distinct shingles (as `shingles` finds them), each as a 32-bit hash.

    Hashing each shingle's string with SHA-1 took most of the time, so each distinct word is
    hashed once (cached in `word_hashes`) and a shingle's hash is mixed from its words' hashes
    in order, with numpy. A collision of two shingles is as rare as with a 32-bit string hash."""
    words = normalised_words(text)
    for word in words:
        if word not in word_hashes:
            word_hashes[word] = sha1_hash32(word.encode())
    values = np.array([word_hashes[word] for word in words], dtype=np.uint64)
    count = len(words) - SHINGLE_WORDS + 1
    if count < 1:
        return np.empty(0, dtype=np.uint32)
    mixed = np.zeros(count, dtype=np.uint64)
    for offset in range(SHINGLE_WORDS):
        mixed = mixed * _MIX + values[offset : offset + count]
    return np.unique(((mixed >> np.uint64(32)) ^ mixed).astype(np.uint32))


def _index_signatures(shingle_sets: list[np.ndarray], lsh: MinHashLSH) -> np.ndarray:
    """Each shingle set's MinHash, inserted in `lsh` under its row number and returned as one row
    of NUM_PERM values. Built in bulk: the generator reuses one set of permutations instead of
    drawing them again for every text. The shingles are hashed already, so the MinHash's hash
    function is the identity (datasketch still mixes the values before permuting them)."""
    rows = np.empty((len(shingle_sets), NUM_PERM), dtype=np.uint32)
    minhashes = MinHash.generator(shingle_sets, num_perm=NUM_PERM, seed=SEED, hashfunc=int)
    with lsh.insertion_session() as session:
        for index, minhash in enumerate(minhashes):
            rows[index] = minhash.hashvalues
            session.insert(index, minhash, check_duplication=False)
    return rows


def _candidate_buckets(lsh: MinHashLSH) -> Iterator[np.ndarray]:
    """The LSH buckets holding two or more texts (as sorted arrays of row numbers): texts in one
    bucket agree on a whole band of their signatures, so are candidate near-copies."""
    for table, counts in zip(lsh.hashtables, lsh.get_counts(), strict=True):
        for key, count in counts.items():
            if count > 1:
                yield np.sort(np.fromiter(table.get(key), dtype=np.intp, count=count))


def _join_bucket(bucket: np.ndarray, signatures: np.ndarray, labels: np.ndarray, needed: int):
    """Join the verified near-copies among one bucket's texts into components.

    Every pair in the bucket is a candidate, but a pair already in one component needs no check:
    each text is compared (vectorised) only with the bucket's texts outside its component, so a
    bucket of 5,000 copies of one letter costs one pass, not 12 million pair checks. Merging
    relabels the merged components (union by relabelling; merges are few)."""
    for index in bucket:
        others = bucket[labels[bucket] != labels[index]]
        if others.size == 0:
            return  # the whole bucket is one component
        agreeing = np.count_nonzero(signatures[others] == signatures[index], axis=1)
        joined = others[agreeing >= needed]
        if joined.size:
            merged = np.unique(labels[joined])
            labels[np.isin(labels, merged)] = labels[index]


def shared_text(texts: Iterable[str], *, share: float = 1.0) -> str:
    """The words more than `share` of the texts have (every text, at `share` 1), in order: the
    campaign's common letter.

    With `share` 1 (the default), the words every text shares: a common subsequence of all the
    texts, from which a name changed or a sentence added by any member drops out. Among
    thousands of members each changing a sentence of their own, every sentence is changed by
    someone, and little is left that all share: a `share` of 0.5 gives the letter as most
    members sent it.

    The first text is the reference: each text is matched against it word by word (difflib,
    words split on whitespace, so the letter keeps its capitals and punctuation). A reference
    word stays when enough texts match it; a run of words the reference lacks (a sentence the
    first member changed) comes in at its place when enough texts have that same run there."""
    texts = iter(texts)
    reference = next(texts, "").split()
    word_votes = [1] * len(reference)  # the reference has each of its words
    run_votes: Counter[tuple[int, tuple[str, ...]]] = Counter()  # (before word i, run)
    count = 1
    for text in texts:
        count += 1
        words = text.split()
        matcher = SequenceMatcher(None, reference, words, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                for i in range(i1, i2):
                    word_votes[i] += 1
            elif op in ("insert", "replace"):
                run_votes[i1, tuple(words[j1:j2])] += 1
    needed = min(count, math.floor(share * count + 1e-9) + 1)
    runs_before: dict[int, list[str]] = {}
    for (before, run), votes in sorted(run_votes.items()):
        if votes >= needed:
            runs_before.setdefault(before, []).extend(run)
    common = []
    for i, word in enumerate(reference):
        common.extend(runs_before.get(i, ()))
        if word_votes[i] >= needed:
            common.append(word)
    common.extend(runs_before.get(len(reference), ()))
    return " ".join(common)


def additions(text: str, shared: str) -> list[str]:
    """What `text` has beyond the `shared` text: each run of its words inserted into, or put in
    place of, the shared words, in order ("Dear Jane Smith," -> ["Jane Smith,"])."""
    words = text.split()
    matcher = SequenceMatcher(None, shared.split(), words, autojunk=False)
    return [
        " ".join(words[j1:j2])
        for op, _, _, j1, j2 in matcher.get_opcodes()
        if op in ("insert", "replace")
    ]
