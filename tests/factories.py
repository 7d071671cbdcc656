"""factory-boy factories for every model the tests arrange."""

import factory
from django.utils import timezone

from officers.models import Tag
from plans.models import Plan, Section, Theme
from responses.models import Comment, Respondent, Response, SectionLink, ThemeLink


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan

    title = factory.Sequence(lambda n: f"Action plan {n}")
    slug = factory.Sequence(lambda n: f"action-plan-{n}")
    publisher = "Department for Testing"
    reference_prefix = factory.Sequence(lambda n: f"AP{n}")


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    plan = factory.SubFactory(PlanFactory)
    name = factory.Sequence(lambda n: f"Theme {n}")


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    plan = factory.SubFactory(PlanFactory)
    number = factory.Sequence(lambda n: f"1.{n + 1}")
    text = factory.Faker("sentence", nb_words=12)


class RespondentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Respondent

    name = factory.Sequence(lambda n: f"Organisation {n}")
    kind = Respondent.Kind.ORGANISATION


class ResponseFactory(factory.django.DjangoModelFactory):
    """A published response unless told otherwise."""

    class Meta:
        model = Response

    plan = factory.SubFactory(PlanFactory)
    respondent = factory.SubFactory(RespondentFactory)
    status = Response.Status.PUBLISHED
    submitted_at = factory.LazyFunction(timezone.now)
    reference = factory.Sequence(lambda n: f"TEST-{n:06d}")


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    response = factory.SubFactory(ResponseFactory)
    position = factory.Sequence(lambda n: n + 1)
    text = factory.Faker("paragraph")
    stance = Comment.Stance.CONCERN


class SectionLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SectionLink

    comment = factory.SubFactory(CommentFactory)
    section = factory.SubFactory(
        SectionFactory, plan=factory.SelfAttribute("..comment.response.plan")
    )


class ThemeLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ThemeLink

    comment = factory.SubFactory(CommentFactory)
    theme = factory.SubFactory(ThemeFactory, plan=factory.SelfAttribute("..comment.response.plan"))


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tag

    name = factory.Sequence(lambda n: f"tag {n}")
