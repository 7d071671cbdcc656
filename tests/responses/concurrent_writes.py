"""Run as a script by test_concurrent_writes.py, on a SQLite file of its own (threads cannot
share the suite's in-memory database): respondents submit at once, and one draft is saved from
several tabs at once. Writes each request's status as JSON to the file its argument names."""

import json
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import django

SUBMITTERS = 20
TABS = 10


def main():
    django.setup()
    from django.core.management import call_command
    from django.db import connections
    from django.test import Client

    from plans.models import Plan
    from responses.models import Comment, Respondent, Response
    from tests.factories import UserFactory

    call_command("migrate", verbosity=0)
    call_command("load_seed", verbosity=0)
    plan = Plan.objects.get()
    section = str(plan.sections.get(number="3.5").pk)

    def draft_of(user):
        respondent = Respondent.objects.create(user=user, name=user.username)
        draft = Response.objects.create(
            plan=plan,
            respondent=respondent,
            owner=user,
            status=Response.Status.DRAFT,
            publication_consent=Response.Consent.NAMED,
        )
        Comment.objects.create(response=draft, position=1, text="Our comment.")
        return draft

    submitters = [UserFactory(respondent=True) for _ in range(SUBMITTERS)]
    drafts = [draft_of(user) for user in submitters]
    editor = UserFactory(respondent=True)
    edited = draft_of(editor)

    def as_user(user, method, url, data):
        client = Client(HTTP_HOST="localhost")
        client.force_login(user)
        try:
            return getattr(client, method)(url, data).status_code
        finally:
            connections.close_all()  # each thread's own connection

    with ThreadPoolExecutor(SUBMITTERS) as pool:
        submits = list(
            pool.map(
                lambda pair: as_user(
                    pair[0], "post", f"/responses/{pair[1].pk}/submit/", {"version": "0"}
                ),
                zip(submitters, drafts, strict=True),
            )
        )
    form = {
        "version": "0",
        "action": "save",
        "comments-TOTAL_FORMS": "1",
        "comments-INITIAL_FORMS": "0",
        "comments-0-text": "Saved from a tab.",
        "comments-0-stance": "concern",
        "comments-0-sections": [section],
    }
    with ThreadPoolExecutor(TABS) as pool:
        saves = list(
            pool.map(
                lambda _: as_user(editor, "post", f"/responses/{edited.pk}/comments/", form),
                range(TABS),
            )
        )
    Path(sys.argv[1]).write_text(
        json.dumps(
            {
                "submits": submits,
                "submitted": Response.objects.filter(status=Response.Status.SUBMITTED).count(),
                "saves": saves,
                "saved_comments": list(edited.comments.values_list("text", flat=True)),
            }
        )
    )


if __name__ == "__main__":
    main()
