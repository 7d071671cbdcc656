"""A plan's sections folded by chapter, for pages and pickers that cannot list 300 at once.

A chapter is the first level of the sections' numbers (2 holds 2, 2.1 and 2.7.2), named by its own
section's heading when the plan has one. A plan numbered 1, 2, 3 … 300 has no chapters to speak
of: it is folded in runs of `RUN` sections instead.
"""

from dataclasses import dataclass

# A plan of more sections than this is shown folded by chapter; a shorter one is one list.
FOLD_ABOVE = 15
# Chapters by the first level of the number, unless that makes more folds than this: then runs.
MOST_CHAPTERS = 40
RUN = 25


@dataclass
class Chapter:
    label: str
    sections: list


def chapters_of(sections, *, every):
    """`sections` (in natural order) grouped by the first level of their numbers, each named by
    its chapter's own section when the plan has one; or in runs when that makes too many."""
    headings = {section.number: section for section in every if "." not in section.number}
    by_first = {}
    for section in sections:
        by_first.setdefault(section.number.split(".")[0], []).append(section)
    chapter_count = len({section.number.split(".")[0] for section in every})
    if chapter_count <= MOST_CHAPTERS:
        return [
            Chapter(label=_chapter_label(first, headings.get(first)), sections=run)
            for first, run in by_first.items()
        ]
    runs = [sections[start : start + RUN] for start in range(0, len(sections), RUN)]
    return [
        Chapter(label=f"Sections {run[0].number} to {run[-1].number}", sections=run) for run in runs
    ]


def _chapter_label(first, heading_section):
    if heading_section and heading_section.heading:
        return f"{first} {heading_section.heading}"
    return f"Chapter {first}"
