"""What a summary report reads: the responses and comments it covers, for the one who reads it.

Only responses the viewer may read are reported (Response.objects.visible_to), and only submitted
and published ones: a report never holds a draft, not even the viewer's own. Respondents are
named as the viewer may know them (Response.name_shown_to).
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.utils import timezone

from officers.permissions import can_annotate
from plans.models import Plan
from reports.filters import STATUSES, ReportFilters
from responses.models import Comment, Response, SectionLink, shown_text
from responses.ordering import reading_order


def command_line_admin():
    """Who `manage.py export_report` reads as: an administrator who is no account (a superuser
    never saved), so the report holds every submitted and published response, with stored names
    and officers' annotations, and the export is logged without a user."""
    return get_user_model()(
        username="manage.py export_report", is_active=True, is_staff=True, is_superuser=True
    )


def shows_annotations(viewer):
    """Whether the report shows officers' tags, review status, plan change and internal note:
    to those who may annotate, as the critique pages do."""
    return can_annotate(viewer)


def _start_of_day(date):
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time.min))


def reported_responses(*, plan: Plan, viewer, filters: ReportFilters):
    """The plan's submitted and published responses the viewer may read, as filtered."""
    responses = Response.objects.visible_to(viewer).filter(
        plan=plan, status__in=STATUSES[filters.status]
    )
    if filters.submitted_from:
        responses = responses.filter(submitted_at__gte=_start_of_day(filters.submitted_from))
    if filters.submitted_to:
        next_day = filters.submitted_to + datetime.timedelta(days=1)
        responses = responses.filter(submitted_at__lt=_start_of_day(next_day))
    if filters.respondent_kind:
        responses = responses.filter(respondent__kind=filters.respondent_kind)
    return responses


def reported_comments(*, plan: Plan, viewer, filters: ReportFilters):
    """The comments of the reported responses, in reading order."""
    return (
        Comment.objects.filter(
            response__in=reported_responses(plan=plan, viewer=viewer, filters=filters)
        )
        .select_related("response__respondent")
        .annotate(shown_text=shown_text(viewer))
        .order_by(*reading_order())
    )


@dataclass(frozen=True)
class ReportSize:
    """What a report draws: each comment, each of their links to a section (a comment is drawn
    under every section it critiques), and each section (a part of its own, or a row of the
    table of sections nobody commented on)."""

    comments: int
    section_links: int
    sections: int

    @property
    def rows(self):
        return self.comments + self.section_links + self.sections


def report_size(*, plan: Plan, comments) -> ReportSize:
    return ReportSize(
        comments=comments.count(),
        section_links=SectionLink.objects.filter(comment__in=comments.values("pk")).count(),
        sections=plan.sections.count(),
    )
