from annotations.permissions import can_annotate, can_publish


def officer(request):
    """`officer` and `can_publish` in every template, so pages show officers their tools."""
    return {"officer": can_annotate(request.user), "can_publish": can_publish(request.user)}
