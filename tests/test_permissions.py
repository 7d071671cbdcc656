"""Who may do what, URL by URL: every URL pattern of the project (but Django's own admin, which
checks its own staff), asked by GET and by POST by each kind of reader, answers the status in
this table. A URL added without a row here fails the first test: decide who may use it first.

The readers: the public (anonymous), a respondent who owns the response or draft the URL names,
another respondent, a policy officer and an admin (superuser). POSTs carry no form data: the
answer shows whether the reader got as far as the form (200 with its errors, a redirect, a 409
for a stale draft), not what a valid form does (each app's tests show that).
"""

import pytest
from django.urls import URLResolver, get_resolver

from intake.services import Upload, start_batch
from plans.outline import read_outline
from reports.models import ReportJob
from responses.models import Response
from revisions.services import save_revision
from tests.arranging import comment_on
from tests.factories import UserFactory
from tests.revisions.arranging import revised_text

pytestmark = pytest.mark.django_db

READERS = ("anonymous", "owner", "other", "officer", "admin")
PLAN = "noms-third-sector-action-plan"

ADMINS_ONLY = (302, 403, 403, 403, 200)
OFFICERS = (302, 403, 403, 200, 200)
SIGNED_IN = (302, 200, 200, 200, 200)

# URL name -> (how the URL is made from the arranged objects, {method: statuses of READERS}).
# A status of 302 sends the public to sign in (or a signed-in reader on to the next page).
TABLE = {
    "health": ("/health/", {"GET": (200,) * 5, "POST": (200,) * 5}),
    "plans:plan_list": ("/", {"GET": (200,) * 5, "POST": (200,) * 5}),
    "plans:section_titles": (
        f"/plans/{PLAN}/sections.json",
        {"GET": (200,) * 5, "POST": (405,) * 5},
    ),
    "intake:batches": (
        f"/plans/{PLAN}/imports/",
        {"GET": (302, 403, 403, 200, 200), "POST": (302, 403, 403, 200, 200)},
    ),
    "intake:record": (
        f"/plans/{PLAN}/imports/record/",
        {"GET": (302, 403, 403, 200, 200), "POST": (302, 403, 403, 200, 200)},
    ),
    "intake:links_to_check": (
        f"/plans/{PLAN}/links-to-check/",
        {"GET": (302, 403, 403, 200, 200), "POST": (302, 403, 403, 302, 302)},
    ),
    "intake:new_survey": (
        f"/plans/{PLAN}/imports/survey/",
        {"GET": (302, 403, 403, 200, 200), "POST": (302, 403, 403, 200, 200)},
    ),
    "intake:mapping": (
        lambda o: f"/imports/{o['batch'].pk}/mapping/",
        {"GET": (405,) * 5, "POST": (302, 403, 403, 302, 302)},
    ),
    "intake:new_import": (
        f"/plans/{PLAN}/imports/new/",
        {"GET": (302, 403, 403, 200, 200), "POST": (302, 403, 403, 200, 200)},
    ),
    "intake:batch": (
        lambda o: f"/imports/{o['batch'].pk}/",
        {"GET": (302, 403, 403, 200, 200), "POST": (302, 403, 403, 200, 200)},
    ),
    "intake:confirm": (
        lambda o: f"/imports/{o['batch'].pk}/confirm/",
        {"GET": (405,) * 5, "POST": (302, 403, 403, 302, 302)},
    ),
    "intake:progress": (
        lambda o: f"/imports/{o['batch'].pk}/progress.json",
        {"GET": (302, 403, 403, 200, 200), "POST": (302, 403, 403, 200, 200)},
    ),
    "intake:original": (
        lambda o: f"/imports/documents/{o['batch'].documents.get().pk}/original",
        {"GET": (302, 403, 403, 200, 200), "POST": (302, 403, 403, 200, 200)},
    ),
    "reports:make_in_background": (
        f"/reports/{PLAN}/summary.docx/background/",
        {"GET": (405,) * 5, "POST": (302, 403, 403, 403, 302)},
    ),
    "reports:job": (
        lambda o: f"/reports/jobs/{o['job'].pk}/",
        {"GET": (302, 403, 403, 403, 200), "POST": (302, 403, 403, 403, 200)},
    ),
    "reports:job_download": (
        lambda o: f"/reports/jobs/{o['job'].pk}/download",
        {"GET": (302, 403, 403, 403, 302), "POST": (302, 403, 403, 403, 302)},
    ),
    "plan_import:import_plan": (
        "/plans/import/",
        {"GET": (302, 403, 403, 200, 200), "POST": (302, 403, 403, 200, 200)},
    ),
    "plan_import:import_outline": (
        "/plans/import/outline/",
        {"GET": (405,) * 5, "POST": (302, 403, 403, 302, 302)},
    ),
    "revisions:versions": (f"/plans/{PLAN}/versions/", {"GET": (200,) * 5, "POST": (200,) * 5}),
    "revisions:what_changed": (
        f"/plans/{PLAN}/versions/2/",
        {"GET": (200,) * 5, "POST": (200,) * 5},
    ),
    "revisions:revised_section": (
        f"/plans/{PLAN}/versions/2/sections/1.11/",
        {"GET": (200,) * 5, "POST": (200,) * 5},
    ),
    "revisions:import": (
        f"/plans/{PLAN}/versions/import/",
        {"GET": (302, 403, 403, 200, 200), "POST": (302, 403, 403, 200, 200)},
    ),
    "revisions:import_outline": (
        f"/plans/{PLAN}/versions/import/outline/",
        {"GET": (405,) * 5, "POST": (302, 403, 403, 302, 302)},
    ),
    "revisions:quotes_to_check": (
        f"/plans/{PLAN}/versions/2/quotes-to-check/",
        {"GET": (302, 403, 403, 200, 200), "POST": (302, 403, 403, 302, 302)},
    ),
    "revisions:correct_matches": (
        f"/plans/{PLAN}/versions/2/matches/",
        {"GET": (302, 403, 403, 200, 200), "POST": (302, 403, 403, 200, 200)},
    ),
    "critique:plan": (f"/plans/{PLAN}/", {"GET": (200,) * 5, "POST": (200,) * 5}),
    "critique:overview": (f"/plans/{PLAN}/overview/", {"GET": (200,) * 5, "POST": (200,) * 5}),
    "critique:section": (f"/plans/{PLAN}/sections/3.5/", {"GET": (200,) * 5, "POST": (200,) * 5}),
    "critique:theme": (
        lambda o: f"/plans/{PLAN}/themes/{o['theme'].pk}/",
        {"GET": (200,) * 5, "POST": (200,) * 5},
    ),
    "critique:general": (f"/plans/{PLAN}/general/", {"GET": (200,) * 5, "POST": (200,) * 5}),
    "critique:search": ("/search/?q=consortia", {"GET": (200,) * 5, "POST": (200,) * 5}),
    "critique:response": (
        lambda o: f"/responses/{o['submitted'].pk}/",
        {"GET": (404, 200, 404, 200, 200), "POST": (404, 200, 404, 200, 200)},
    ),
    "responses:respond": (
        f"/plans/{PLAN}/respond/",
        {"GET": (302, 200, 200, 200, 200), "POST": (302, 200, 200, 200, 200)},
    ),
    "responses:mine": (
        "/responses/mine/",
        {"GET": (302, 200, 200, 200, 200), "POST": (302, 200, 200, 200, 200)},
    ),
    "responses:copy": (
        lambda o: f"/responses/{o['submitted'].pk}/copy.txt",
        {"GET": (404, 200, 404, 200, 200), "POST": (404, 200, 404, 200, 200)},
    ),
    "responses:edit_comments": (
        lambda o: f"/responses/{o['draft'].pk}/comments/",
        {"GET": (302, 200, 404, 404, 404), "POST": (302, 200, 404, 404, 404)},
    ),
    "responses:paste": (
        lambda o: f"/responses/{o['draft'].pk}/paste/",
        {"GET": (302, 200, 404, 404, 404), "POST": (302, 200, 404, 404, 404)},
    ),
    "responses:consent": (
        lambda o: f"/responses/{o['draft'].pk}/consent/",
        {"GET": (302, 200, 404, 404, 404), "POST": (302, 200, 404, 404, 404)},
    ),
    "responses:review": (
        lambda o: f"/responses/{o['draft'].pk}/review/",
        {"GET": (302, 200, 404, 404, 404), "POST": (302, 200, 404, 404, 404)},
    ),
    "responses:submit": (
        lambda o: f"/responses/{o['draft'].pk}/submit/",
        {"GET": (405,) * 5, "POST": (302, 302, 404, 404, 404)},
    ),
    "responses:submitted": (
        lambda o: f"/responses/{o['submitted'].pk}/submitted/",
        {"GET": (302, 200, 404, 404, 404), "POST": (302, 200, 404, 404, 404)},
    ),
    "officers:annotate": (
        lambda o: f"/comments/{o['comment'].pk}/",
        {"GET": (302, 403, 403, 200, 200), "POST": (302, 403, 403, 200, 200)},
    ),
    "work:home": ("/work/", {"GET": (302, 403, 403, 200, 200), "POST": (302, 403, 403, 200, 200)}),
    "work:moderation": (
        f"/plans/{PLAN}/moderation/",
        {"GET": (302, 403, 403, 200, 200), "POST": (302, 403, 403, 302, 302)},
    ),
    "coding:frame": (
        f"/plans/{PLAN}/codes/",
        {"GET": OFFICERS, "POST": OFFICERS},
    ),
    "coding:suggest": (
        f"/plans/{PLAN}/codes/suggest/",
        {"GET": (405,) * 5, "POST": (302, 403, 403, 302, 302)},
    ),
    "coding:frame_csv": (f"/plans/{PLAN}/coding-frame.csv", {"GET": OFFICERS, "POST": OFFICERS}),
    "coding:codings_csv": (f"/plans/{PLAN}/codings.csv", {"GET": OFFICERS, "POST": OFFICERS}),
    "coding:upload": (
        f"/plans/{PLAN}/codes/import/",
        {"GET": (405,) * 5, "POST": (302, 403, 403, 302, 302)},
    ),
    "coding:suggest_codes": (
        f"/plans/{PLAN}/codes/suggest-codes/",
        {"GET": (405,) * 5, "POST": (302, 403, 403, 302, 302)},
    ),
    "coding:publication": (
        f"/plans/{PLAN}/codes/publication/",
        {"GET": (405,) * 5, "POST": (302, 403, 403, 302, 302)},
    ),
    "coding:bulk": (f"/plans/{PLAN}/codes/apply/", {"GET": OFFICERS, "POST": OFFICERS}),
    "coding:suggestions": (
        lambda o: f"/suggestions/{_suggesting(o).pk}/",
        {"GET": OFFICERS, "POST": OFFICERS},
    ),
    "coding:decide_theme": (
        lambda o: f"/suggested-themes/{_suggesting(o).themes.create(position=1, label='A').pk}/",
        {"GET": (405,) * 5, "POST": (302, 403, 403, 302, 302)},
    ),
    "coding:code": (
        lambda o: f"/codes/{o['plan'].codes.create(name='Funding').pk}/",
        {"GET": OFFICERS, "POST": OFFICERS},
    ),
    "coding:assignment": (
        lambda o: f"/codings/{_coded(o).pk}/",
        {"GET": (405,) * 5, "POST": (302, 403, 403, 302, 302)},
    ),
    "coding:comment": (
        lambda o: f"/comments/{o['comment'].pk}/codes/",
        {"GET": OFFICERS, "POST": OFFICERS},
    ),
    "coding:samples": (f"/plans/{PLAN}/agreement/", {"GET": OFFICERS, "POST": OFFICERS}),
    "coding:sample": (
        lambda o: f"/samples/{_sample(o).pk}/",
        {"GET": OFFICERS, "POST": OFFICERS},
    ),
    # Only the officer it was drawn for codes it again (an admin who is not: 403).
    "coding:second_coding": (
        lambda o: f"/samples/{_sample(o).pk}/code/",
        {"GET": (302, 403, 403, 403, 403), "POST": (302, 403, 403, 403, 403)},
    ),
    "coding:resolve": (
        lambda o: (
            f"/sample-items/{_sample(o).items.create(position=1, comment=o['comment']).pk}/resolve/"
        ),
        {"GET": (405,) * 5, "POST": (302, 403, 403, 302, 302)},
    ),
    "privacy:respondents": ("/privacy/", {"GET": ADMINS_ONLY, "POST": ADMINS_ONLY}),
    "privacy:erase": (
        lambda o: f"/privacy/respondents/{o['submitted'].respondent_id}/erase/",
        {"GET": ADMINS_ONLY, "POST": ADMINS_ONLY},
    ),
    "privacy:respondent_data": (
        lambda o: f"/privacy/respondents/{o['submitted'].respondent_id}/data.zip",
        {"GET": ADMINS_ONLY, "POST": ADMINS_ONLY},
    ),
    "privacy:my_data": ("/my-data/", {"GET": SIGNED_IN, "POST": SIGNED_IN}),
    "privacy:my_data_download": ("/my-data/your-data.zip", {"GET": SIGNED_IN, "POST": SIGNED_IN}),
    "privacy:retention": (
        f"/plans/{PLAN}/retention/",
        {"GET": ADMINS_ONLY, "POST": (302, 403, 403, 403, 302)},
    ),
    "officers:revert": (
        lambda o: f"/comments/{o['comment'].pk}/revert/",
        {"GET": (405,) * 5, "POST": (302, 403, 403, 302, 302)},
    ),
    "officers:redactions": (
        lambda o: f"/comments/{o['comment'].pk}/redactions/",
        {"GET": (405,) * 5, "POST": (302, 403, 403, 302, 302)},
    ),
    "officers:publication": (
        lambda o: f"/responses/{o['submitted'].pk}/publication/",
        {"GET": (405,) * 5, "POST": (302, 403, 403, 302, 302)},
    ),
    "officers:consent": (
        lambda o: f"/responses/{o['submitted'].pk}/consent-to-publish/",
        {"GET": (405,) * 5, "POST": (302, 403, 403, 302, 302)},
    ),
    "signup": (
        "/accounts/signup/",
        {"GET": (200, 302, 302, 302, 302), "POST": (200, 302, 302, 302, 302)},
    ),
    "signup_sent": ("/accounts/signup/sent/", {"GET": (200,) * 5, "POST": (405,) * 5}),
    # A forged or expired link: a page that says so, whoever asks.
    "signup_finish": ("/accounts/signup/finish/forged/", {"GET": (200,) * 5, "POST": (200,) * 5}),
    "login": ("/accounts/login/", {"GET": (200,) * 5, "POST": (200,) * 5}),
    "logout": ("/accounts/logout/", {"GET": (405,) * 5, "POST": (302,) * 5}),
    "password_reset": ("/accounts/password_reset/", {"GET": (200,) * 5, "POST": (200,) * 5}),
    "password_reset_done": (
        "/accounts/password_reset/done/",
        {"GET": (200,) * 5, "POST": (405,) * 5},
    ),
    "password_reset_confirm": (
        "/accounts/reset/MQ/set-password/",
        {"GET": (200,) * 5, "POST": (200,) * 5},
    ),
    "password_reset_complete": ("/accounts/reset/done/", {"GET": (200,) * 5, "POST": (405,) * 5}),
    "password_change": (
        "/accounts/password_change/",
        {"GET": (302, 200, 200, 200, 200), "POST": (302, 200, 200, 200, 200)},
    ),
    "password_change_done": (
        "/accounts/password_change/done/",
        {"GET": (302, 200, 200, 200, 200), "POST": (302, 405, 405, 405, 405)},
    ),
    "api:schema": ("/api/schema/", {"GET": (200,) * 5, "POST": (405,) * 5}),
    "api:plan_list": ("/api/plans/", {"GET": (200,) * 5, "POST": (405,) * 5}),
    "api:plan": (f"/api/plans/{PLAN}/", {"GET": (200,) * 5, "POST": (405,) * 5}),
    "api:plan_comments": (f"/api/plans/{PLAN}/comments/", {"GET": (200,) * 5, "POST": (405,) * 5}),
    "api:plan_web_annotations": (
        f"/api/plans/{PLAN}/annotations.jsonld",
        {"GET": (200,) * 5, "POST": (405,) * 5},
    ),
    "api:section_list": (f"/api/plans/{PLAN}/sections/", {"GET": (200,) * 5, "POST": (405,) * 5}),
    "api:section": (f"/api/plans/{PLAN}/sections/3.5/", {"GET": (200,) * 5, "POST": (405,) * 5}),
    "api:section_comments": (
        f"/api/plans/{PLAN}/sections/3.5/comments/",
        {"GET": (200,) * 5, "POST": (405,) * 5},
    ),
    "api:link_suggestions": (
        f"/api/plans/{PLAN}/link-suggestions/",
        {"GET": (405,) * 5, "POST": (415,) * 5},
    ),
    "reports:summary": (
        f"/reports/{PLAN}/summary.csv",
        {"GET": (302, 403, 403, 403, 200), "POST": (302, 403, 403, 403, 200)},
    ),
    # A POST without a threshold is the form again, with its error.
    "officers:campaigns": (
        f"/plans/{PLAN}/campaigns/",
        {"GET": (302, 403, 403, 200, 200), "POST": (302, 403, 403, 200, 200)},
    ),
    "officers:campaign": (
        lambda o: f"/campaigns/{o['plan'].campaigns.create(shared_text='A letter.').pk}/",
        {"GET": (302, 403, 403, 200, 200), "POST": (302, 403, 403, 200, 200)},
    ),
    "officers:campaign_redactions": (
        lambda o: (
            f"/campaigns/{o['plan'].campaigns.create(shared_text='A letter.').pk}/redactions/"
        ),
        {"GET": (405,) * 5, "POST": (302, 403, 403, 302, 302)},
    ),
    # A response in no campaign: back to the plan's campaigns, saying so.
    "officers:split_out": (
        lambda o: f"/responses/{o['submitted'].pk}/split-out/",
        {"GET": (405,) * 5, "POST": (302, 403, 403, 302, 302)},
    ),
}


def _names_and_routes(patterns, namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                continue
            inner = ":".join(part for part in (namespace, pattern.namespace) if part) or None
            yield from _names_and_routes(pattern.url_patterns, inner)
        else:
            yield f"{namespace}:{pattern.name}" if namespace else pattern.name


def test_every_url_pattern_has_a_row():
    names = set(_names_and_routes(get_resolver().url_patterns))

    assert sorted(names - set(TABLE)) == []
    assert sorted(set(TABLE) - names) == []


def _suggesting(objects):
    from coding.models import ThemeSuggesting

    return ThemeSuggesting.objects.create(plan=objects["plan"], described="every comment")


def _sample(objects):
    from coding.models import AgreementSample

    return AgreementSample.objects.create(plan=objects["plan"])


def _coded(objects):
    code = objects["plan"].codes.create(name="Coded")
    return code.assignments.create(comment=objects["comment"], origin="officer")


@pytest.fixture
def arranged(seed):
    """The objects the URLs name: the seed plan, a submitted response and a draft of the
    owner's (each with a comment on 3.5), and the seed's published response."""
    plan, published = seed
    owner = UserFactory(respondent=True)
    section = plan.sections.get(number="3.5")
    submitted = comment_on(section, text="Submitted", owner=owner).response
    draft = comment_on(section, text="Drafted", status=Response.Status.DRAFT, owner=owner).response
    readers = {
        "anonymous": None,
        "owner": owner,
        "other": UserFactory(respondent=True),
        "officer": UserFactory(officer=True),
        "admin": UserFactory(admin=True),
    }
    objects = {
        "plan": plan,
        "published": published,
        "submitted": submitted,
        "draft": draft,
        "comment": submitted.comments.get(),
        "theme": plan.themes.first(),
        "job": ReportJob.objects.create(plan=plan, requested_by=readers["admin"], format="docx"),
        "batch": start_batch(
            plan=plan,
            user=None,
            uploads=[Upload("letter.txt", b"Point 3.5 matters.")],
            channel=Response.Channel.POST,
        ),
    }
    # Version 2 of the plan, its sections as they were.
    save_revision(plan, read_outline(revised_text(plan)), label="Revised plan")
    return readers, objects


@pytest.mark.parametrize("name", sorted(TABLE))
def test_each_reader_gets_the_status_of_the_table(client, arranged, name):
    readers, objects = arranged
    make_url, expected = TABLE[name]
    url = make_url if isinstance(make_url, str) else make_url(objects)
    answered = {}
    for method, _ in expected.items():
        statuses = []
        for reader in READERS:
            client.logout()
            if readers[reader] is not None:
                client.force_login(readers[reader])
            statuses.append(getattr(client, method.lower())(url).status_code)
        answered[method] = tuple(statuses)

    assert answered == expected, url
