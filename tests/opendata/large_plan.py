"""A plan with far more comments than the seed, for counting queries."""

from responses.models import Comment
from tests.factories import (
    CommentFactory,
    PlanFactory,
    ResponseFactory,
    SectionFactory,
    SectionLinkFactory,
    ThemeFactory,
    ThemeLinkFactory,
)


def make_large_plan(*, responses=30, comments_per_response=5):
    """Every comment quotes the first section, links to the second and to a theme."""
    plan = PlanFactory(slug="large-plan")
    first = SectionFactory(plan=plan, number="1.1", text="we will consider partnerships")
    second = SectionFactory(plan=plan, number="1.2")
    theme = ThemeFactory(plan=plan)
    for _ in range(responses):
        response = ResponseFactory(plan=plan)
        for position in range(1, comments_per_response + 1):
            comment = CommentFactory(
                response=response, position=position, stance=Comment.Stance.QUESTION
            )
            SectionLinkFactory(
                comment=comment, section=first, exact="consider", prefix="we will ", suffix=" p"
            )
            SectionLinkFactory(comment=comment, section=second)
            ThemeLinkFactory(comment=comment, theme=theme)
    return plan
