"""factory-boy factories, one per model the tests arrange, users with their roles included."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from officers.models import CommentTag, Review, Tag
from plans.models import Plan, Section, Theme
from reports.models import ExportLog
from responses.models import Comment, Respondent, Response, SectionLink, ThemeLink

# Every factory-made user signs in with this password.
PASSWORD = "a-long-enough-password-1"


def _member_of(*default_names):
    """Adds the user to the groups named, or to those passed as `groups=[...]`."""

    def add_to_groups(user, create, names, **kwargs):
        if create and (names or default_names):
            user.groups.add(*Group.objects.filter(name__in=names or default_names))

    return factory.PostGeneration(add_to_groups)


class UserFactory(factory.django.DjangoModelFactory):
    """A user with a role: `UserFactory(respondent=True)`, `(officer=True)` or `(admin=True)`;
    `permissions=["reports.export_report"]` for a permission of their own."""

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    class Params:
        # The groups migration accounts 0001 makes, with their permissions.
        respondent = factory.Trait(groups=_member_of("Respondents"))
        officer = factory.Trait(groups=_member_of("Policy officers"))
        admin = factory.Trait(is_staff=True, is_superuser=True)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password(PASSWORD)

    groups = _member_of()

    @factory.post_generation
    def permissions(user, create, names, **kwargs):
        for name in names or ():
            app_label, codename = name.split(".")
            user.user_permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


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
    """A published response unless told otherwise: `status=Response.Status.SUBMITTED`, or
    `draft=True` for an unsubmitted draft (with no date or reference) by its `owner`."""

    class Meta:
        model = Response

    class Params:
        draft = factory.Trait(
            status=Response.Status.DRAFT,
            submitted_at=None,
            reference=None,
            respondent=factory.SubFactory(
                "tests.factories.RespondentFactory", user=factory.SelfAttribute("..owner")
            ),
        )

    plan = factory.SubFactory(PlanFactory)
    respondent = factory.SubFactory(RespondentFactory)
    status = Response.Status.PUBLISHED
    submitted_at = factory.LazyFunction(timezone.now)
    reference = factory.Sequence(lambda n: f"TEST-{n:06d}")
    # Published with its name unless told otherwise (a draft too: it has answered the question
    # before its check; `publication_consent=""` for one that has not).
    publication_consent = Response.Consent.NAMED


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


class CommentTagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CommentTag

    comment = factory.SubFactory(CommentFactory)
    tag = factory.SubFactory(TagFactory)


class ReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Review

    comment = factory.SubFactory(CommentFactory)
    status = Review.Status.REVIEWED


class ExportLogFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExportLog

    user = factory.SubFactory(UserFactory, admin=True)
    plan = factory.SubFactory(PlanFactory)
    format = ExportLog.Format.CSV
