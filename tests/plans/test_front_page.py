"""The front page: what Marginalia is, open consultations first by closing date, then closed."""

import datetime

import pytest
from django.utils import timezone

from revisions.models import PlanVersion
from tests.factories import PlanFactory
from tests.page_text import visible_text

pytestmark = pytest.mark.django_db


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


def test_open_consultations_come_first_by_closing_date_then_the_closed(client):
    PlanFactory(title="Closed long ago", opens_on=days(-90), closes_on=days(-60))
    PlanFactory(title="Closes later", opens_on=days(-10), closes_on=days(40))
    PlanFactory(title="Closes soon", opens_on=days(-10), closes_on=days(5))
    PlanFactory(title="Not open yet", opens_on=days(10), closes_on=days(50))

    text = visible_text(client.get("/"))

    assert "Marginalia puts a government plan beside what people said about it." in text
    order = [
        "Open for responses",
        "Closes soon",
        "Closes later",
        "Opening soon",
        "Not open yet",
        "Closed",
        "Closed long ago",
    ]
    assert [text.index(words) for words in order] == sorted(text.index(w) for w in order)
    open_part = text.split("Open for responses", 1)[1].split("Opening soon", 1)[0]
    assert open_part.count("Respond to") == 2


def test_a_closed_consultation_says_whether_a_revised_plan_came_of_it(client):
    revised = PlanFactory(title="Revised", opens_on=days(-90), closes_on=days(-60))
    PlanVersion.objects.create(plan=revised, number=2, label="Final")
    PlanFactory(title="Waiting", opens_on=days(-90), closes_on=days(-30))

    text = visible_text(client.get("/"))

    assert "Revised Published by Department for Testing" in text
    assert "Outcome A revised plan has been published: read what was said and what changed" in text
    assert "Outcome No revised plan published yet" in text
    assert "Respond to" not in text
