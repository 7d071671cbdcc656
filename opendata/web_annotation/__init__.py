"""A plan's critique as a W3C Web Annotation collection (https://www.w3.org/TR/annotation-model/):
`writing.collection_for_plan` writes it, `reading.import_collection` reads it back.

The document is an `AnnotationCollection` whose `first` page holds every annotation:
- One annotation per comment–section link: its target is the section's page, with a
  TextQuoteSelector when the comment quotes the section's wording. Once the plan has revisions
  (revisions app), a quote still found in one adds a target per revision: the revised section's
  page, the selector over its wording there, `marginalia:version` and `marginalia:quote`
  ("unchanged" or "changed"); the target is then a list, the section as consulted on first.
  A comment linked to no section (on themes only, or on the plan as a whole) is one annotation
  whose target is the plan's page, so the collection holds every comment.
- Its bodies: the comment's text (purpose "commenting"), its stance ("classifying"), the wording
  it proposes if any ("editing"), and each theme it critiques ("tagging"). The motivation follows
  the stance (see MOTIVATIONS); `created` is when the response was submitted; `creator` is the
  respondent as the caller may know them.
- Ids are built from the plan's URL, the response reference, the comment's position and the
  section number, never from database keys, so exporting, importing into an empty database and
  exporting again gives the same document.
- Drafts are left out: they are unfinished and have no reference to name them by.
- Marginalia's own fields sit in the `urn:marginalia:` namespace (the second `@context` entry):
  `marginalia:plan` on the collection (the plan, its themes and its sections, enough to rebuild
  it in an empty database), and `marginalia:response` and `marginalia:position` on each annotation.

What this module holds is shared by both directions: the vocabulary and how stances and
respondents map onto it.
"""

from responses.models import Comment, Respondent, Response

WEB_ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
NAMESPACE = "urn:marginalia:"
CONTEXT = [WEB_ANNOTATION_CONTEXT, {"marginalia": NAMESPACE, "@vocab": NAMESPACE}]
MEDIA_TYPE = f'application/ld+json; profile="{WEB_ANNOTATION_CONTEXT}"'

MOTIVATIONS = {
    Comment.Stance.WELCOMES: "assessing",
    Comment.Stance.CONCERN: "assessing",
    Comment.Stance.RECOMMENDATION: "editing",
    Comment.Stance.QUESTION: "questioning",
    Comment.Stance.GENERAL: "commenting",
}
CREATOR_TYPES = {
    Respondent.Kind.ORGANISATION: "Organization",
    Respondent.Kind.INDIVIDUAL: "Person",
}
CREATOR_KINDS = {creator_type: kind for kind, creator_type in CREATOR_TYPES.items()}
# Only what has been submitted is exported; a draft has no reference.
IMPORTED_STATUSES = [Response.Status.SUBMITTED, Response.Status.PUBLISHED]


class WebAnnotationError(ValueError):
    """The document is not a collection this module writes, or cannot be saved as it is."""
