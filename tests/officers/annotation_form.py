"""What the annotation form posts for a comment of the seed: as it stands, with changes."""


def annotation_form_data(comment, **changes):
    """The comment's stance, a link to 3.5 and 'not reviewed', with `changes` made."""
    return {
        "stance": comment.stance,
        "sections": [str(comment.response.plan.sections.get(number="3.5").pk)],
        "status": "not_reviewed",
        **changes,
    }
