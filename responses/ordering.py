"""Reading order of comments: responses in the order they were submitted, then each response's
comments in the order they were written. One definition for every page, the API and the reports.
"""


def reading_order(*, through=""):
    """Ordering for comments, or for rows reaching a comment through `through` (e.g.
    "comment__" from a section link). The response's id breaks ties between responses submitted
    at the same moment, so pagination never repeats or skips a comment."""
    return [f"{through}response__submitted_at", f"{through}response_id", f"{through}position"]
