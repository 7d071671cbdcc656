"""How one request reads one plan's page, worked out once (`PlanReading`): the plan, as the page's
query read it (whether it has campaigns, whose copies its lists show once; whether the reader
owns responses to it, whose drafts change without a new generation), whether the reader is a
policy officer and what each comment card draws for them, and the class of readers whose pages
are alike. Everything the page then reads, filters, counts and keeps in the cache goes through it:
the comments the reader may read (`comments`), their figures (`figures`) and the body shared by
readers of the class (`shared`)."""

from dataclasses import dataclass
from functools import wraps

from django.http import HttpRequest

from critique.figures import PlanFigures, part_figures, plan_figures
from critique.readers import filtered_comments, reader_tools
from officers.permissions import reader_class
from plans.models import Plan
from responses.caching import cached_for_the_public, shared_fragment


@dataclass(frozen=True)
class PlanReading:
    request: HttpRequest
    plan: Plan
    officer: bool
    comment_tools: str | None
    readers: str
    has_campaigns: bool
    owns_responses: bool

    @classmethod
    def of(cls, request, plan):
        tools = reader_tools(request)
        return cls(
            request=request,
            plan=plan,
            officer=tools["officer"],
            comment_tools=tools["comment_tools"],
            readers=reader_class(request.user),
            # The page's plan query says these (critique.views.plan, responses.caching).
            has_campaigns=plan.has_campaigns,
            owns_responses=plan.reader_owns_responses,
        )

    @property
    def tools(self):
        """What every template of the page reads of its reader."""
        return {"officer": self.officer, "comment_tools": self.comment_tools}

    def comments(self, *, themes=None, sections=None):
        """The plan's comments the reader may read, filtered and sorted as the page asks."""
        return filtered_comments(
            self.request, self.plan, officer=self.officer, themes=themes, sections=sections
        )

    def figures(self, comment_filter, *, recent=0) -> PlanFigures:
        return plan_figures(
            user=self.request.user,
            plan=self.plan,
            comment_filter=comment_filter,
            has_campaigns=self.has_campaigns,
            reader_owns_responses=self.owns_responses,
            recent=recent,
        )

    def part_figures(self, comment_filter, on_part, *, part, of_counts) -> dict[str, int]:
        """The counts by stance of the comments on one part (critique.figures.part_figures)."""
        return part_figures(
            user=self.request.user,
            plan=self.plan,
            comment_filter=comment_filter,
            on_part=on_part,
            part=part,
            of_counts=of_counts,
            reader_owns_responses=self.owns_responses,
        )

    def shared(self, render, *arguments):
        """render(self, *arguments): a body kept for every reader of this class who asks this
        URL until the plan's next change (responses.caching.shared_fragment)."""
        return shared_fragment(
            self.request,
            self.plan,
            lambda: render(self, *arguments),
            readers=self.readers,
            reader_owns_responses=self.owns_responses,
        )


def reads_a_plan(plans_of_page, *, generation_of_page=None):
    """A view of a plan's page, called as view(request, reading, **the URL's other arguments)
    with the PlanReading of the plan `plans_of_page(**view_kwargs)` finds; read by the public
    from the cache (responses.caching.cached_for_the_public)."""

    def decorator(view):
        @cached_for_the_public(plans_of_page, generation_of_page=generation_of_page)
        @wraps(view)
        def read(request, *, plan, slug, **kwargs):
            return view(request, PlanReading.of(request, plan), **kwargs)

        return read

    return decorator
