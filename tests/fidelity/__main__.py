"""`make fidelity`: the fidelity corpus' figures beside issue 19's targets, and every miss."""

import os
import sys

import django

TARGETS = {
    "comments linked to more sections than they name or distinctively quote": "0",
    "quotes placed at a wrong occurrence": "0",
    "quotes linked": "recall >= 0.95 at precision >= 0.98",
    "stance suggested as labelled": ">= 85 %",
    "organisation or individual told apart": ">= 95 %",
    "revision matches": "every renumbered, expanded, split, merged and moved section",
}


def main():
    from tests.fidelity.scoring import SETS, measure

    for name in SETS:
        _table(f"The {name} cases", measure([name]))
    _table("All cases together (what `make test` holds to the targets)", measure())
    return 0


def _table(title, figures):
    print(f"\n{title}\n")
    rows = [
        ("cases", figures.cases, ""),
        ("sections linked from comments", _pr(figures.sections_linked), ""),
        ("quotes linked", _pr(figures.quotes_linked), TARGETS["quotes linked"]),
        ("sections read from plan documents", _pr(figures.sections_read), ""),
        ("revision matches", _pr(figures.revision_matches), TARGETS["revision matches"]),
        ("quotes followed into revisions", _pr(figures.quotes_followed), ""),
        (
            "comments over-linked",
            len(figures.over_linked),
            TARGETS["comments linked to more sections than they name or distinctively quote"],
        ),
        ("quotes at a wrong occurrence", len(figures.wrong_occurrences), "0"),
        (
            "stance as labelled",
            f"{figures.stance.recall:.0%}",
            TARGETS["stance suggested as labelled"],
        ),
        (
            "organisation or individual",
            f"{figures.sender_kind.recall:.0%}",
            TARGETS["organisation or individual told apart"],
        ),
    ]
    print(f"| {'measure':<36}| {'figure':<34}| target")
    print(f"|{'-' * 37}|{'-' * 35}|{'-' * 8}")
    for name, figure, target in rows:
        print(f"| {name:<36}| {str(figure):<34}| {target}")
    if figures.misses:
        print("\nMisses:")
        for miss in figures.misses:
            print(f"- {miss}")


def _pr(count):
    return f"precision {count.precision:.2f}, recall {count.recall:.2f}"


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marginalia.settings")
    django.setup()
    sys.exit(main())
