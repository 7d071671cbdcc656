"""Officers' pages: annotate a comment, revert a change, publish a response."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from marginalia.fields import is_database_id
from marginalia.next_url import safe_next_url
from officers.forms import AnnotationForm
from officers.history import CannotRevert, comment_history, revert_change
from officers.models import Redaction, Review
from officers.permissions import can_publish, officer_required
from officers.redactions import CannotRedact, decide, redact_words, scan_comment
from officers.selectors import next_unreviewed
from officers.services import annotate_comment, publish_response, unpublish_response
from responses.consent import CannotPublish, record_consent
from responses.models import Response
from responses.selectors import visible_comments


def _get_comment(request, pk):
    """A comment of a response the officer may read, or 404."""
    return get_object_or_404(visible_comments(request.user).select_related("response__plan"), pk=pk)


def _initial(comment):
    review = Review.objects.filter(comment=comment).first() or Review()
    return {
        "stance": comment.stance,
        "sections": list(comment.section_links.values_list("section_id", flat=True)),
        "themes": list(comment.theme_links.values_list("theme_id", flat=True)),
        "tags": list(comment.comment_tags.values_list("tag_id", flat=True)),
        "status": review.status,
        "plan_change": review.plan_change,
        "note": review.note,
    }


@officer_required
def annotate(request, pk):
    comment = _get_comment(request, pk)
    if comment.personal_data_scanned_at is None and not comment.response.is_draft:
        scan_comment(comment)
    form = AnnotationForm(request.POST or None, initial=_initial(comment), comment=comment)
    if request.method == "POST" and form.is_valid():
        annotate_comment(comment=comment, **form.cleaned_data)
        messages.success(request, f"Your annotations of comment {comment.position} are saved.")
        if request.POST.get("then") == "next_unreviewed":
            return _to_next_unreviewed(request, comment)
        return redirect(safe_next_url(request, request.path))
    return render(
        request,
        "officers/annotate.html",
        {
            "comment": comment,
            "response": comment.response,
            "plan": comment.response.plan,
            "form": form,
            "history": comment_history(comment),
            "next": safe_next_url(request, ""),
            "redactions": list(comment.redactions.select_related("decided_by")),
            "kinds": Redaction.Kind.choices,
        },
    )


@require_POST
@officer_required
def redactions(request, pk):
    """An officer's decision on personal data in a comment: redact a finding, set it aside or
    lift a redaction (`decide`: "redacted", "set_aside" or "lifted", with the redaction's id),
    or redact words they give (`words`). Each with its reason; the respondent's text is kept."""
    comment = _get_comment(request, pk)
    reason = request.POST.get("reason", "")
    try:
        if "words" in request.POST:
            made = redact_words(
                comment,
                request.POST["words"],
                by=request.user,
                reason=reason,
                kind=(
                    request.POST["kind"]
                    if request.POST.get("kind") in Redaction.Kind.values
                    else Redaction.Kind.OTHER
                ),
            )
            done = f"Redacted {len(made)} place{'s' if len(made) != 1 else ''}."
        else:
            redaction = comment.redactions.filter(
                pk=request.POST.get("redaction")
                if is_database_id(request.POST.get("redaction", ""))
                else None
            ).first()
            if redaction is None:
                raise CannotRedact("That finding is not this comment's: reload the page.")
            state = request.POST.get("decide", "")
            if state == Redaction.State.LIFTED and not reason.strip():
                raise CannotRedact("Say why the redaction is lifted.")
            decide(redaction, state, by=request.user, reason=reason or redaction.get_kind_display())
            done = {
                Redaction.State.REDACTED: f"Redacted “{redaction.exact}”.",
                Redaction.State.SET_ASIDE: f"“{redaction.exact}” is set aside: it stays public.",
                Redaction.State.LIFTED: f"The redaction of “{redaction.exact}” is lifted.",
            }[redaction.state]
    except CannotRedact as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, f"{done} Everyone but officers reads the comment so.")
    return redirect(reverse("officers:annotate", args=[comment.pk]) + "#personal-data")


def _to_next_unreviewed(request, comment):
    plan = comment.response.plan
    following = next_unreviewed(plan, after=comment.pk)
    if following is None:
        messages.info(request, f"Every comment on {plan.title} has been reviewed.")
        return redirect(plan)
    return redirect("officers:annotate", pk=following)


@require_POST
@officer_required
def revert(request, pk):
    comment = _get_comment(request, pk)
    history_id = request.POST.get("history_id", "")
    try:
        if not is_database_id(history_id):
            raise CannotRevert("That change is not part of this comment's history.")
        revert_change(
            comment=comment, kind=request.POST.get("kind", ""), history_id=int(history_id)
        )
    except CannotRevert as error:
        messages.error(request, f"That change could not be reverted: {error}")
    else:
        messages.success(request, "The change has been reverted. The revert is in the history too.")
    return redirect("officers:annotate", pk=comment.pk)


@require_POST
@officer_required
def publication(request, pk):
    if not can_publish(request.user):
        raise PermissionDenied("Only policy officers may publish responses.")
    response = get_object_or_404(Response.objects.visible_to(request.user), pk=pk)
    if response.is_draft:
        messages.error(request, "A draft cannot be published: its respondent has not submitted it.")
    elif request.POST.get("action") == "unpublish":
        unpublish_response(response=response)
        messages.success(
            request, "The response is no longer published. Officers can still read it."
        )
    else:
        try:
            publish_response(response=response, hide_name=bool(request.POST.get("hide_name")))
        except CannotPublish as refusal:
            messages.error(request, f"This response cannot be published. {refusal}")
        else:
            messages.success(request, "The response is published: anyone can read it.")
    return redirect(response)


@require_POST
@officer_required
def consent(request, pk):
    """What the respondent of a response received outside the site said about publication, as
    an officer records it. An online respondent chose on the site: that stands."""
    if not can_publish(request.user):
        raise PermissionDenied("Only policy officers may record consent to publish.")
    response = get_object_or_404(Response.objects.visible_to(request.user), pk=pk)
    chosen = request.POST.get("publication_consent", "")
    if response.is_draft or response.channel == Response.Channel.ONLINE:
        messages.error(
            request, "Its respondent answered on the site: what they chose cannot be changed."
        )
    elif chosen not in Response.Consent.values:
        messages.error(request, "Choose what the respondent said about publication.")
    else:
        was_published = response.status == Response.Status.PUBLISHED
        record_consent(response, chosen, by=request.user)
        messages.success(
            request,
            f"Recorded: {response.get_publication_consent_display().lower()}."
            + (
                " It is no longer published."
                if was_published and not response.may_be_published
                else ""
            ),
        )
    return redirect(response)
