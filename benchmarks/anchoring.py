"""`make bench`: what approximate anchoring costs, against the exact anchoring it replaced.

Two measures, each as a ratio to the code of BASELINE_COMMIT (the last commit before the quote
matcher, loaded from git into a throwaway package) run in the same process on the same input:

- the link detector reading a 20-page response (about 10,000 words: section numbers, quotes as
  written, misquoted, and not the plan's) against a 300-section plan (target: at most 1.5×);
  the plan's and the response's words are drawn from the Volunteering England response's;
- following 20,000 quotes into a 50-section revision, every fifth section reworded, as
  revisions.services does it (one re-anchoring per distinct quote and successor; target: 2×).

    DJANGO_SETTINGS_MODULE=marginalia.settings python -m benchmarks.anchoring

Without git, or without that commit (a shallow clone), it times the new code alone.
"""

import importlib
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.serving import ROOT, store_results

BASELINE_COMMIT = "9baa647"
DETECTOR_TARGET = 1.5
FOLLOWING_TARGET = 2.0
# Each timing is the least of this many runs, the new and the old code taking turns, so that a
# busy moment of the shared machine falls on both alike.
REPEATS = 7

GLUE = [
    "will",
    "be",
    "the",
    "and",
    "of",
    "to",
    "in",
    "for",
    "with",
    "by",
    "every",
    "each",
    "where",
    "appropriate",
    "from",
    "on",
]


def _vocabulary():
    """The words of the Volunteering England response: real prose's variety of words."""
    from responses.seed import SEED_TEXT

    words = {word.lower() for word in SEED_TEXT.read_text(encoding="utf-8").split()}
    return sorted(word for word in words if word.isalpha() and len(word) > 3)


WORDS = []


def _sentence(rng, length):
    words = []
    for index in range(length):
        words.append(rng.choice(GLUE) if index % 3 == 1 else rng.choice(WORDS))
    return " ".join(words).capitalize() + "."


def _plan(rng, sections=300):
    numbers = [f"{chapter}.{part}" for chapter in range(1, 31) for part in range(1, 11)]
    return {
        number: " ".join(_sentence(rng, rng.randint(12, 30)) for _ in range(rng.randint(1, 3)))
        for number in numbers[:sections]
    }


def _misquote(rng, words):
    words = list(words)
    index = rng.randrange(len(words))
    word = words[index]
    if len(word) > 3:
        position = rng.randrange(1, len(word) - 1)
        words[index] = word[:position] + word[position + 1 :]  # a letter dropped
    return " ".join(words)


def _response(rng, plan, pages=20, words_a_page=500):
    numbers = list(plan)
    paragraphs = []
    written = 0
    while written < pages * words_a_page:
        number = rng.choice(numbers)
        words = plan[number].rstrip(".").split()
        start = rng.randrange(max(1, len(words) - 6))
        quoted = words[start : start + rng.randint(3, 7)]
        kind = rng.random()
        if kind < 0.4:
            quote = f"‘{' '.join(quoted)}’"
        elif kind < 0.7:
            quote = f"‘{_misquote(rng, quoted)}’"
        else:
            quote = f"‘{rng.choice(WORDS)} {rng.choice(WORDS)}’"  # not the plan's wording
        cite = f"Point {number} says " if rng.random() < 0.5 else "The plan says "
        paragraph = f"{cite}{quote}, and {_sentence(rng, rng.randint(30, 80))}"
        paragraphs.append(paragraph)
        written += len(paragraph.split())
    return "\n\n".join(paragraphs)


def _revision(rng, sections=50):
    old = {f"3.{n}": " ".join(_sentence(rng, 25) for _ in range(3)) for n in range(1, sections + 1)}
    new = {}
    for index, (number, text) in enumerate(old.items()):
        if index % 5 == 0:
            words = text.split()
            words[rng.randrange(len(words))] = rng.choice(WORDS)
            words.insert(rng.randrange(len(words)), rng.choice(WORDS))
            text = " ".join(words)
        new[number] = text
    return old, new


def _quotes(rng, old, count=20_000, context=32):
    quotes = []
    numbers = list(old)
    for _ in range(count):
        number = rng.choice(numbers)
        text = old[number]
        words = text.split()
        first = rng.randrange(len(words) - 8)
        exact = " ".join(words[first : first + rng.randint(2, 8)])
        start = text.find(exact)
        end = start + len(exact)
        quotes.append(
            (
                number,
                {
                    "exact": exact,
                    "prefix": text[max(0, start - context) : start],
                    "suffix": text[end : end + context],
                },
            )
        )
    return quotes


def _baseline():
    """The detector and re-anchoring of BASELINE_COMMIT, or None without git or that commit."""
    files = {
        "linking/__init__.py": "responses/linking/__init__.py",
        "linking/detect.py": "responses/linking/detect.py",
        "linking/numbers.py": "responses/linking/numbers.py",
        "linking/quotes.py": "responses/linking/quotes.py",
        "linking/text.py": "responses/linking/text.py",
        "linking/themes.py": "responses/linking/themes.py",
        "versions.py": "plans/versions.py",
    }
    package = Path(tempfile.mkdtemp()) / "baseline_anchoring"
    try:
        for target, source in files.items():
            shown = subprocess.run(
                ["git", "show", f"{BASELINE_COMMIT}:{source}"],
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            path = package / target
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(shown.replace("responses.linking", "baseline_anchoring.linking"))
    except (OSError, subprocess.CalledProcessError):
        return None
    (package / "__init__.py").write_text("")
    sys.path.insert(0, str(package.parent))
    return (
        importlib.import_module("baseline_anchoring.linking").detect_links,
        importlib.import_module("baseline_anchoring.versions").reanchor,
    )


def _best_of(*runs):
    """The least time each of `runs` took over REPEATS turns, taken in turn."""
    times = [[] for _ in runs]
    for _ in range(REPEATS):
        for run, taken in zip(runs, times, strict=True):
            started = time.perf_counter()
            run()
            taken.append(time.perf_counter() - started)
    return [min(taken) for taken in times]


def _follow_all(reanchor, quotes, old, new):
    memo = {}
    for number, selector in quotes:
        key = (number, selector["exact"], selector["prefix"], selector["suffix"])
        if key not in memo:
            memo[key] = reanchor(selector, old[number], new[number])
    return len(memo)


def main():
    from plans.versions import reanchor
    from responses.linking import detect_links

    WORDS[:] = _vocabulary()
    rng = random.Random(19)
    plan = _plan(rng)
    response = _response(rng, plan)
    old, new = _revision(rng)
    quotes = _quotes(rng, old)
    baseline = _baseline()

    def detect(detector):
        return lambda: detector(response, sections=plan, themes=[])

    results = {"response_characters": len(response), "plan_sections": len(plan)}
    linked = detect_links(response, sections=plan, themes=[])
    results["quotes_linked"] = sum(len(paragraph.quotes) for paragraph in linked)

    def new_follow():
        return _follow_all(reanchor, quotes, old, new)

    if baseline is None:
        results["detector_seconds"], results["following_seconds"] = _best_of(
            detect(detect_links), new_follow
        )
    else:
        old_detect, old_reanchor = baseline
        results["detector_seconds"], results["baseline_detector_seconds"] = _best_of(
            detect(detect_links), detect(old_detect)
        )
        results["following_seconds"], results["baseline_following_seconds"] = _best_of(
            new_follow, lambda: _follow_all(old_reanchor, quotes, old, new)
        )
        results["baseline_quotes_linked"] = sum(
            len(paragraph.quotes) for paragraph in old_detect(response, sections=plan, themes=[])
        )
        results["detector_ratio"] = (
            results["detector_seconds"] / results["baseline_detector_seconds"]
        )
        results["following_ratio"] = (
            results["following_seconds"] / results["baseline_following_seconds"]
        )
    print(
        f"A {len(response):,}-character response against a {len(plan)}-section plan; "
        f"{len(quotes):,} quotes followed into a {len(new)}-section revision."
    )
    for name, value in results.items():
        print(f"  {name:<30}{value:,.3f}" if isinstance(value, float) else f"  {name:<30}{value:,}")
    if baseline is not None:
        for name, ratio, target in (
            ("detector", results["detector_ratio"], DETECTOR_TARGET),
            ("following", results["following_ratio"], FOLLOWING_TARGET),
        ):
            verdict = "PASS" if ratio <= target else "MISS"
            print(f"{verdict} {name}: {ratio:.2f}× of {BASELINE_COMMIT}'s (target ≤ {target}×)")
    store_results({"anchoring": results})


if __name__ == "__main__":
    import django

    django.setup()
    main()
