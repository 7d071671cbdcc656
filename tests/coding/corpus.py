"""A generated consultation with planted themes: each comment written mostly in one theme's own
words, with words every theme shares, so that a reader can tell which theme it raises."""

import random

PLANTED = {
    "funding": "funding grants money budget cuts finance contracts payment costs underfunded",
    "volunteers": "volunteers mentors recruitment training retention befriending unpaid helpers",
    "housing": "housing accommodation homeless hostels tenancy landlords rent shelter",
    "employment": "employment jobs work skills apprenticeships employers careers wages",
    "health": "health mental wellbeing addiction drugs alcohol treatment doctors",
}
SHARED = "plan offenders prison probation services partnership sector community section"


def planted_comments(per_theme=40, *, seed=7):
    """[(text, theme)]: `per_theme` comments of each planted theme, in a shuffled order."""
    generator = random.Random(seed)
    comments = []
    for theme, words in PLANTED.items():
        own, shared = words.split(), SHARED.split()
        for _ in range(per_theme):
            chosen = generator.choices(own, k=9) + generator.choices(shared, k=5)
            generator.shuffle(chosen)
            comments.append((" ".join(chosen).capitalize() + ".", theme))
    generator.shuffle(comments)
    return comments
