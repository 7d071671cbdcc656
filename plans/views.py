"""The plans under consultation: the site's front page."""

from django.shortcuts import render

from plans.models import Plan


def plan_list(request):
    return render(request, "plans/plan_list.html", {"plans": Plan.objects.all()})
