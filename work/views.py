"""An officer's home: what waits for them in each plan, each queue a link to its page."""

from django.shortcuts import render

from officers.permissions import officer_required
from work.queues import work_of_plans


@officer_required
def home(request):
    return render(request, "work/home.html", {"plans": work_of_plans()})
