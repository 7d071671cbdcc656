"""A large consultation for `make bench`, built the same way every time: one plan of 50 sections
under five themes, 2,000 published responses and 100,000 comments, each critiquing five
sections (500,000 links), a fifth of them quoting a section's wording, a tenth also on a theme.

The text is varied (sentences drawn from a seeded generator over a policy vocabulary, with the
section numbers and quoted wording a real response has), so search, ranking and page sizes behave
as they would on real prose. Rows are written with bulk_create in batches; sort keys and quotes
are set as the app would set them.
"""

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

SLUG = "bench-plan"
THEMES = [
    "Strengthening communities",
    "Transforming public services",
    "Reducing re-offending",
    "Volunteering",
    "Commissioning",
]
VOCABULARY = """
volunteering organisations commissioning partnership consortia offenders victims probation prisons
community local national funding capacity infrastructure mentoring support services outcomes
evidence evaluation delivery contracts procurement charities enterprise social independence
accountability training employment housing health education families youth rehabilitation
resettlement engagement networks standards quality safety diversity access sustainable investment
grants small medium large regional strategic operational practice
"""
WORDS = VOCABULARY.split()
OPENINGS = [
    "We welcome the commitment that",
    "We are concerned that",
    "We recommend that",
    "It is not clear whether",
    "Our members report that",
    "The plan should make clear that",
    "In our experience",
    "We would like to see",
]
BATCH = 5_000


def _sentence(generator, words=12):
    body = " ".join(generator.choice(WORDS) for _ in range(words))
    return f"{generator.choice(OPENINGS)} {body}."


def _section_numbers(count):
    """1.1, 1.2 … 1.10, 2.1 …: ten sections to a part."""
    return [f"{1 + n // 10}.{1 + n % 10}" for n in range(count)]


def build_consultation(*, comments=100_000, responses=2_000, sections=50, seed=2026):
    """Write the consultation into the current database and return its plan."""
    from plans.models import Plan, Section, Theme
    from plans.ordering import sort_key
    from responses.models import Comment, Respondent, Response, SectionLink, ThemeLink

    generator = random.Random(seed)
    with transaction.atomic():
        plan = Plan.objects.create(
            title="A national plan under consultation",
            slug=SLUG,
            publisher="Department for Benchmarks",
            reference_prefix="BENCH",
            summary=_sentence(generator, 30),
        )
        themes = Theme.objects.bulk_create(Theme(plan=plan, name=name) for name in THEMES)
        plan_sections = Section.objects.bulk_create(
            Section(
                plan=plan,
                number=number,
                sort_key=sort_key(number),
                heading=" ".join(generator.choice(WORDS) for _ in range(4)).capitalize(),
                text=" ".join(_sentence(generator, 14) for _ in range(5)),
                theme=themes[index % len(themes)],
            )
            for index, number in enumerate(_section_numbers(sections))
        )
        respondents = Respondent.objects.bulk_create(
            Respondent(
                name=f"{generator.choice(WORDS).capitalize()} {generator.choice(WORDS)} "
                f"{'Trust' if index % 3 else 'Network'} {index}",
                kind=Respondent.Kind.INDIVIDUAL
                if index % 10 == 0
                else Respondent.Kind.ORGANISATION,
                description=_sentence(generator, 20),
            )
            for index in range(responses)
        )
        started = timezone.now() - timedelta(days=60)
        plan_responses = Response.objects.bulk_create(
            Response(
                plan=plan,
                respondent=respondent,
                status=Response.Status.PUBLISHED,
                submitted_at=started + timedelta(minutes=37 * index),
                reference=f"BENCH-{index + 1:06d}",
                hide_respondent_name=index % 20 == 0,
            )
            for index, respondent in enumerate(respondents)
        )
    per_response = -(-comments // responses)
    stances = [stance for stance, _ in Comment.Stance.choices]
    written = 0
    while written < comments:
        size = min(BATCH, comments - written)
        with transaction.atomic():
            batch = Comment.objects.bulk_create(
                _comment(generator, plan_responses, plan_sections, stances, per_response, index)
                for index in range(written, written + size)
            )
            links, theme_links = [], []
            for index, comment in enumerate(batch, start=written):
                first = generator.randrange(len(plan_sections))
                targets = [
                    plan_sections[(first + 7 * step) % len(plan_sections)] for step in range(5)
                ]
                for step, section in enumerate(targets):
                    quote = step == 0 and index % 5 == 0
                    links.append(_section_link(SectionLink, comment, section, quote, generator))
                if index % 10 == 0:
                    theme_links.append(
                        ThemeLink(comment=comment, theme=themes[index // 10 % len(themes)])
                    )
            SectionLink.objects.bulk_create(links, batch_size=BATCH)
            ThemeLink.objects.bulk_create(theme_links, batch_size=BATCH)
        written += size
        print(f"\r  {written:,} comments", end="", flush=True)
    print()
    return plan


def _comment(generator, plan_responses, plan_sections, stances, per_response, index):
    from responses.models import Comment

    section = plan_sections[index % len(plan_sections)]
    text = " ".join(_sentence(generator, generator.randrange(8, 20)) for _ in range(3))
    return Comment(
        response=plan_responses[index // per_response],
        position=1 + index % per_response,
        text=f"Point {section.number}: {text}",
        stance=stances[index % len(stances)],
        proposed_wording=_sentence(generator, 10) if index % 7 == 0 else "",
    )


def _section_link(model, comment, section, quote, generator):
    if not quote:
        return model(comment=comment, section=section)
    words = section.text.split()
    start = generator.randrange(len(words) - 3)
    exact = " ".join(words[start : start + 3])
    at = section.text.index(exact)
    return model(
        comment=comment,
        section=section,
        exact=exact,
        prefix=section.text[max(0, at - 32) : at],
        suffix=section.text[at + len(exact) : at + len(exact) + 32],
    )
