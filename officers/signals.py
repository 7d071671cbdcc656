"""What officers' work listens for in the apps before it: a response submitted or recorded has
its comments read for personal data once its transaction commits (officers.redactions), in the
request that submitted it or the worker that imported it."""

from django.db import transaction

from officers.redactions import scan_unscanned
from responses.models import Comment, Response


def scan_when_submitted(sender, instance, **kwargs):
    if instance.status != Response.Status.DRAFT:
        response_id = instance.pk
        transaction.on_commit(
            lambda: scan_unscanned(Comment.objects.filter(response_id=response_id)), robust=True
        )
