"""`make bench`: how fast the link detector reads adversarial text the size the API accepts.

Prints, per case, the seconds taken and characters read per second. The API's limit is 200,000
characters, so each case is about that long; all should read in a second or two.
"""

import time

from responses.linking import detect_links

WORST_CASES = {
    "many section numbers": "1.3 " * 50_000,
    "one long range chain": "1.3-" * 50_000,
    "one long list": "1.3, " * 40_000,
    "one dotted run": "1." * 100_000,
    "unclosed quotes": "‘" * 200_000,
    "straight quotes": " '" * 100_000,
    "matching quotes": "‘informed’ " * 18_000,
    "one long quote": "‘" + "a " * 99_999 + "’",
    "many short paragraphs": "a\n\n" * 66_000,
    "reference nouns": "Section " * 25_000,
    "mixed": "Point 1.11 ‘considered’ £2.8m 3.5% don't “x” 1.3.2009 strengthening communities\n"
    * 2_200,
}


def main():
    from responses.seed import SECTION_WORDING, THEMES  # needs Django set up

    print(f"{'case':<24}{'characters':>12}{'seconds':>10}{'chars/s':>14}")
    for name, text in WORST_CASES.items():
        started = time.perf_counter()
        detect_links(text, sections=SECTION_WORDING, themes=THEMES)
        seconds = time.perf_counter() - started
        print(f"{name:<24}{len(text):>12,}{seconds:>10.3f}{len(text) / seconds:>14,.0f}")


if __name__ == "__main__":
    import django

    django.setup()
    main()
