"""Who may do what in Django's admin, model by model: every registered model's list, add,
change, history and delete pages, asked by GET by each kind of reader, answer the status in this
table (tests/test_permissions.py holds the site's own URLs). A model registered without a row
here fails the first test: decide who may use it first.

The readers: the public (anonymous), a respondent, a staff account that is a respondent too
(every sign-up is in Respondents: their abilities must not open the admin), a policy officer
with staff status, and an admin (superuser). A 302 sends the reader to the admin's sign-in; a
403 is the admin refusing a signed-in staff account.
"""

import pytest
from django.contrib import admin

from responses.models import Response
from tests.arranging import comment_on
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

READERS = ("anonymous", "respondent", "staff respondent", "officer", "admin")

ADMINS_ONLY = (302, 302, 403, 403, 200)
OFFICERS = (302, 302, 403, 200, 200)
NO_ONE = (302, 302, 403, 403, 403)
# What officers manage on the site: they import plans and annotate comments, and may correct
# a response's respondent and comments; they delete nothing but their own annotations.
OFFICERS_BUT_DELETE = {
    "list": OFFICERS,
    "add": OFFICERS,
    "change": OFFICERS,
    "history": OFFICERS,
    "delete": ADMINS_ONLY,
}
# What only arrives through the site's own forms: officers read and correct it, never add it.
RECEIVED = {**OFFICERS_BUT_DELETE, "add": ADMINS_ONLY}
ADMINS = dict.fromkeys(("list", "add", "change", "history", "delete"), ADMINS_ONLY)
# Logs and records the site writes itself: an admin reads them, no one adds one by hand.
LOGS = {"list": ADMINS_ONLY, "add": NO_ONE}

TABLE = {
    "auth.Group": ADMINS,
    "auth.User": ADMINS,
    "axes.AccessAttempt": LOGS,
    "axes.AccessLog": LOGS,
    "axes.AccessFailureLog": LOGS,
    "django_tasks_database.DBTaskResult": LOGS,
    "plans.Plan": OFFICERS_BUT_DELETE,
    "plans.Section": OFFICERS_BUT_DELETE,
    "plans.Theme": OFFICERS_BUT_DELETE,
    "responses.Respondent": RECEIVED,
    "responses.Response": RECEIVED,
    "responses.Comment": RECEIVED,
    "responses.Campaign": LOGS,
    "responses.CampaignGrouping": {"list": ADMINS_ONLY, "add": ADMINS_ONLY},
    "officers.Tag": {"list": OFFICERS, "add": OFFICERS},
    "officers.Review": {"list": OFFICERS, "add": OFFICERS},
    "officers.CommentTag": {"list": OFFICERS, "add": OFFICERS},
    "reports.ExportLog": LOGS,
}


@pytest.fixture
def readers(seed):
    return {
        "anonymous": None,
        "respondent": UserFactory(respondent=True),
        "staff respondent": UserFactory(respondent=True, is_staff=True),
        "officer": UserFactory(officer=True, is_staff=True),
        "admin": UserFactory(admin=True),
    }


def admin_urls(model):
    """{page: URL} of the model's admin pages; change, history and delete of its first object,
    where it has one."""
    base = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
    urls = {"list": base, "add": f"{base}add/"}
    first = model._default_manager.order_by("pk").first()
    if first is not None:
        urls |= {page: f"{base}{first.pk}/{page}/" for page in ("change", "history", "delete")}
    return urls


def statuses(client, readers, url):
    answered = []
    for reader in READERS:
        client.logout()
        if readers[reader] is not None:
            client.force_login(readers[reader])
        answered.append(client.get(url).status_code)
    return tuple(answered)


def test_every_registered_model_has_a_row():
    registered = {model._meta.label for model in admin.site._registry}

    assert registered == set(TABLE)


def test_every_admin_page_answers_each_reader_as_the_table_says(client, readers):
    wrong = []
    for model in admin.site._registry:
        expected = TABLE[model._meta.label]
        for page, url in admin_urls(model).items():
            answered = statuses(client, readers, url)
            if answered != expected[page]:
                wrong.append(f"{url}: {dict(zip(READERS, answered, strict=True))}")

    assert wrong == []


def test_no_one_opens_anothers_draft_in_the_admin(client, readers, seed):
    plan, _ = seed
    draft = comment_on(
        plan.sections.get(number="3.5"), text="Drafted", status=Response.Status.DRAFT
    ).response

    page = f"/admin/responses/response/{draft.pk}/change/"

    # As on the site, a draft is its owner's alone: officers and admins are sent back to the
    # list, where it is not shown.
    assert statuses(client, readers, page) == (302, 302, 403, 302, 302)
