"""The counts the database keeps (responses.counts, migration 0012's triggers) equal a live
recount after every kind of write: drafts, submission, publication, an officer's review and its
reversal, prose imported, responses received and imported in a batch, the seed, campaigns,
revisions, the admin's edits and deletions."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.urls import reverse

from intake.services import confirm_links
from officers.history import comment_history, revert_change
from officers.services import annotate_comment, publish_response, unpublish_response
from plans.outline import Outline, OutlineSection
from responses.campaigns.grouping import group_campaigns, split_out
from responses.counts import comment_counts, kept_counts, kept_section_counts, plan_counts
from responses.drafts import import_prose, save_comments, submit_response
from responses.models import Comment, Response, SectionLink, asking_for_change_q
from responses.received import record_response
from revisions.services import follow_quotes, save_revision
from tests.factories import (
    CommentFactory,
    PlanFactory,
    ResponseFactory,
    SectionFactory,
    SectionLinkFactory,
    ThemeFactory,
    ThemeLinkFactory,
    UserFactory,
)
from tests.intake.letters import mixed_responses

PUBLIC = [Response.Status.PUBLISHED]
OFFICERS = [Response.Status.PUBLISHED, Response.Status.SUBMITTED]


def assert_kept(plan):
    """The kept counts of `plan`, as the public and as officers read them, equal a recount."""
    for statuses in (PUBLIC, OFFICERS):
        comments = Comment.objects.filter(response__plan=plan, response__status__in=statuses)
        assert kept_counts(plan=plan, statuses=statuses) == comment_counts(comments=comments)
        links = SectionLink.objects.filter(comment__in=comments)
        live = {
            section: (
                links.filter(section=section).values("comment").distinct().count(),
                links.filter(section=section)
                .filter(asking_for_change_q("comment__"))
                .values("comment")
                .distinct()
                .count(),
            )
            for section in plan.sections.values_list("pk", flat=True)
        }
        live = {section: counts for section, counts in live.items() if counts[0]}
        assert kept_section_counts(plan=plan, statuses=statuses) == live


@pytest.fixture
def plan(db):
    plan = PlanFactory()
    for number in ("1.1", "1.2", "2.1"):
        SectionFactory(
            plan=plan,
            number=number,
            heading=f"Section {number}",
            text=f"Section {number} says the probation service will work with volunteers.",
        )
    ThemeFactory(plan=plan, name="Volunteering")
    return plan


@pytest.fixture
def officer(db):
    return UserFactory(officer=True)


def _sections(plan):
    return list(plan.sections.in_natural_order())


def test_comments_and_links_made_and_deleted_one_by_one(plan):
    first, second, _ = _sections(plan)
    theme = plan.themes.get()
    submitted = ResponseFactory(plan=plan, status=Response.Status.SUBMITTED)
    comment = CommentFactory(response=submitted, stance=Comment.Stance.WELCOMES)
    assert_kept(plan)
    # Two passages of one section count once for it; the comment leaves the whole plan.
    SectionLinkFactory(comment=comment, section=first, exact="probation")
    SectionLinkFactory(comment=comment, section=first, exact="volunteers")
    assert_kept(plan)
    assert kept_counts(plan=plan, statuses=OFFICERS).of_section(first.pk)["welcomes"] == 1
    ThemeLinkFactory(comment=comment, theme=theme)
    general = CommentFactory(response=submitted, proposed_wording="Say 'encouraged'.")
    SectionLinkFactory(comment=general, section=second)
    assert_kept(plan)
    comment.section_links.filter(exact="probation").delete()
    assert_kept(plan)
    comment.section_links.all().delete()
    comment.theme_links.all().delete()
    assert_kept(plan)
    assert kept_counts(plan=plan, statuses=OFFICERS).of_plan()["welcomes"] == 1
    general.delete()
    assert_kept(plan)


def test_a_link_moved_to_another_section_and_a_comment_changed(plan):
    first, second, third = _sections(plan)
    comment = CommentFactory(response=ResponseFactory(plan=plan))
    link = SectionLinkFactory(comment=comment, section=first)
    link.section = second
    link.save()
    assert_kept(plan)
    comment.stance = Comment.Stance.QUESTION
    comment.proposed_wording = "Other words."
    comment.save()
    assert_kept(plan)
    comment.text = "Only the words changed."
    comment.save()
    Comment.objects.filter(pk=comment.pk).update(stance=Comment.Stance.GENERAL)
    assert_kept(plan)
    SectionLink.objects.filter(comment=comment).update(section=third)
    assert_kept(plan)


def test_drafts_are_counted_from_submission(plan):
    owner = UserFactory(respondent=True)
    first, second, _ = _sections(plan)
    draft = ResponseFactory(draft=True, plan=plan, owner=owner)
    draft = save_comments(
        response=draft,
        version=draft.version,
        comments=[
            {"text": "We welcome this.", "stance": "welcomes", "sections": [first, second]},
            {"text": "On the plan as a whole.", "stance": "general", "sections": []},
        ],
    )
    assert kept_counts(plan=plan, statuses=OFFICERS).total == 0
    assert_kept(plan)
    # The owner reads their own draft's counts beside everyone's.
    assert plan_counts(plan=plan, viewer=owner, owns_responses=True).total == 2
    draft = import_prose(
        response=draft,
        version=draft.version,
        prose="Section 1.2 will work with volunteers.\n\nWe are concerned about 2.1.",
    )
    submitted = submit_response(response=draft, version=draft.version)
    assert kept_counts(plan=plan, statuses=OFFICERS).total == submitted.comments.count()
    assert kept_counts(plan=plan, statuses=PUBLIC).total == 0
    assert_kept(plan)
    publish_response(response=submitted, hide_name=False)
    assert kept_counts(plan=plan, statuses=PUBLIC).total == submitted.comments.count()
    assert_kept(plan)
    unpublish_response(response=submitted)
    assert_kept(plan)
    assert plan_counts(plan=plan, viewer=AnonymousUser(), owns_responses=False).total == 0


def test_an_officers_review_and_its_reversal(plan, officer):
    first, second, third = _sections(plan)
    theme = plan.themes.get()
    comment = CommentFactory(response=ResponseFactory(plan=plan))
    SectionLinkFactory(comment=comment, section=first)
    annotate_comment(
        comment=comment,
        stance=Comment.Stance.RECOMMENDATION,
        sections=[second, third],
        themes=[theme],
        tags=[],
        new_tags=["housing"],
        status="reviewed",
        plan_change="",
        note="",
    )
    assert_kept(plan)
    for change in comment_history(comment):
        if change.can_revert:
            revert_change(comment=comment, kind=change.kind, history_id=change.history_id)
            assert_kept(plan)


def test_responses_received_grouped_split_and_published_in_bulk(plan):
    for number in range(3):
        record_response(
            plan=plan,
            name=f"Probation Trust {number}",
            kind="organisation",
            channel=Response.Channel.EMAIL,
            prose="Section 1.1 says the probation service will work with volunteers.\n\n"
            "We welcome 2.1 and the theme of volunteering.",
            publication_consent=Response.Consent.NAMED,
        )
    assert_kept(plan)
    grouping = group_campaigns(plan=plan, threshold=0.8)
    assert grouping.campaigns
    split_out(response=plan.responses.first())
    assert_kept(plan)
    publish_response(response=plan.responses.first(), hide_name=False)
    Response.objects.filter(plan=plan).update(status=Response.Status.PUBLISHED)
    assert_kept(plan)


def test_the_seed_a_batch_imported_and_a_revision(seed, tmp_path):
    plan, _ = seed
    assert_kept(plan)
    for name, content in mixed_responses(4).items():
        (tmp_path / name).write_bytes(content)
    call_command("import_responses", plan.slug, str(tmp_path), channel="post")
    assert plan.responses.exclude(source_sha256=None).count() == 4
    assert_kept(plan)
    confirm_links(plan=plan, comment_ids=list(Comment.objects.values_list("pk", flat=True)))
    assert_kept(plan)

    sections = [
        OutlineSection(number=section.number, heading=section.heading, paragraphs=[section.text])
        for section in plan.sections.in_natural_order()
    ]
    save_revision(plan, Outline(sections=sections[1:], themes=[], preamble=[]), label="Version 2")
    follow_quotes(plan)
    assert_kept(plan)


def test_the_admins_edits_and_deletions(plan, client):
    admin = UserFactory(admin=True)
    client.force_login(admin)
    first, _, _ = _sections(plan)
    response = ResponseFactory(plan=plan)
    comments = [CommentFactory(response=response) for _ in range(3)]
    for comment in comments:
        SectionLinkFactory(comment=comment, section=first)
        ThemeLinkFactory(comment=comment, theme=plan.themes.get())
    assert_kept(plan)
    deleted = client.post(
        reverse("admin:responses_comment_delete", args=[comments[0].pk]), {"post": "yes"}
    )
    assert deleted.status_code == 302
    assert_kept(plan)
    client.post(reverse("admin:responses_response_delete", args=[response.pk]), {"post": "yes"})
    assert not Response.objects.filter(pk=response.pk).exists()
    assert_kept(plan)
    assert kept_counts(plan=plan, statuses=OFFICERS).total == 0
    # A section deleted takes its links with it.
    other = CommentFactory(response=ResponseFactory(plan=plan))
    SectionLinkFactory(comment=other, section=first)
    first.delete()
    assert_kept(plan)
