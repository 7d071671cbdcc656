"""Fixtures shared by every test: the seed consultation, and Debian's chromium for browser tests."""

import os

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make
# there (arranging data for live_server) are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture
def seed(db):
    """The NOMS plan and the Volunteering England response, loaded as `make run` loads them."""
    from responses.seed import load_seed

    plan, response = load_seed()
    return plan, response


@pytest.fixture
def revised_seed(seed):
    """Version 2 of the seed plan, as the department might have revised it after the
    consultation: 1.11 says sub-contracting and consortia building "will be encouraged" where
    it said "considered"; its quotes followed."""
    from tests.revisions.arranging import ENCOURAGED, revise, revised_text

    plan, _response = seed
    return revise(plan, revised_text(plan, **{"1_11": ENCOURAGED}), label="Revised action plan")


@pytest.fixture
def worker():
    """`worker()` runs the background tasks queued so far, as `manage.py db_worker` would."""
    from tests.background import run_queued_tasks

    return run_queued_tasks


@pytest.fixture
def officer_client(client, seed):
    """A client signed in as a policy officer ('olivia'), with the seed loaded."""
    from tests.factories import UserFactory

    client.force_login(UserFactory(officer=True, username="olivia"))
    return client


@pytest.fixture
def unpublished(seed):
    """A submitted and a draft comment on the seed's 3.5, both by the user `owner`."""
    from responses.models import Response
    from tests.arranging import comment_on
    from tests.factories import UserFactory

    plan, _ = seed
    section = plan.sections.get(number="3.5")
    owner = UserFactory(respondent=True)
    return {
        "owner": owner,
        "submitted": comment_on(section, text="Submitted zebra okapi", owner=owner),
        "draft": comment_on(
            section, text="Drafted zebra quokka", status=Response.Status.DRAFT, owner=owner
        ),
    }


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # `playwright install` cannot reach its download host here: drive Debian's chromium.
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # axe-core is injected as a script, which our own Content Security Policy would block.
    return {**browser_context_args, "bypass_csp": True}


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test starts with an empty cache: a page cached by one test, under a plan id a later
    test's database reuses, must not answer that test."""
    from django.core.cache import cache

    cache.clear()
