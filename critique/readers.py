"""What each reader gets on the critique pages: everyone the comments they may read, filtered as
anyone may filter them; policy officers also their own filters (the coding frame's too), the
counts by stance, and their annotations and codes under each comment."""

from coding.filters import CodedCommentFilter
from coding.selectors import with_codings
from officers.permissions import can_annotate
from officers.selectors import with_annotations
from responses.filters import CommentFilter
from responses.selectors import visible_comments

# Drawn under each comment card for officers: its review, its tags and the link to annotate it;
# its codes and the link to code it.
OFFICERS_COMMENT_TOOLS = "coding/_comment_tools.html"


def with_officers_tools(comments):
    """`comments`, a queryset, with what OFFICERS_COMMENT_TOOLS draws: annotations and codes."""
    return with_codings(with_annotations(comments))


def filtered_comments(request, plan, *, officer, themes=None, sections=None):
    """The plan's comments the user may read, filtered and sorted by the page's GET parameters
    with the filters this reader gets (`themes`, `sections`: the plan's, if the page has read
    them)."""
    comments = visible_comments(request.user).filter(response__plan=plan)
    filter_class = CodedCommentFilter if officer else CommentFilter
    return filter_class(
        request.GET or None, queryset=comments, plan=plan, themes=themes, sections=sections
    )


def reader_tools(request):
    """Whether the reader is an officer, and what each comment card draws for them."""
    officer = can_annotate(request.user)
    return {"officer": officer, "comment_tools": OFFICERS_COMMENT_TOOLS if officer else None}
