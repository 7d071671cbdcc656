"""Open data: a plan's critique as a W3C Web Annotation collection, in JSON-LD.

The format, and what is left out of it, is `opendata.web_annotation`; this view picks the
comments the caller may read and serves them.
"""

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response as ApiResponse
from rest_framework.views import APIView

from opendata.api.lookups import readable_comments
from opendata.web_annotation import MEDIA_TYPE
from opendata.web_annotation.writing import collection_for_plan


class WebAnnotationCollectionRenderer(JSONRenderer):
    """JSON-LD. DRF would match `Accept: */*` only to a media type without parameters, so the
    profile is added to the response's content type by the view."""

    media_type = "application/ld+json"
    format = "jsonld"


# The outline of the document for the OpenAPI schema; the W3C model says the rest.
WEB_ANNOTATION_COLLECTION_SCHEMA = {
    "type": "object",
    "description": "A W3C Web Annotation AnnotationCollection "
    "(https://www.w3.org/TR/annotation-model/), every annotation in its first page.",
    "required": ["@context", "id", "type", "label", "total", "first"],
    "properties": {
        "@context": {"type": "array", "items": {}},
        "id": {"type": "string", "format": "uri"},
        "type": {"type": "string", "enum": ["AnnotationCollection"]},
        "label": {"type": "string"},
        "total": {"type": "integer"},
        "marginalia:plan": {"type": "object", "description": "The plan, its themes and sections."},
        "first": {
            "type": "object",
            "properties": {
                "type": {"type": "string", "enum": ["AnnotationPage"]},
                "items": {
                    "type": "array",
                    "items": {"type": "object", "description": "A W3C Annotation."},
                },
            },
        },
    },
}


class PlanWebAnnotations(APIView):
    renderer_classes = [WebAnnotationCollectionRenderer, JSONRenderer]

    @extend_schema(
        operation_id="plans_annotations_retrieve",
        responses={
            200: OpenApiResponse(WEB_ANNOTATION_COLLECTION_SCHEMA, description="The collection."),
            404: OpenApiResponse(description="No such plan."),
        },
    )
    def get(self, request, slug, plan):
        # `plan` is found (or not: 404) by the URL's cache of the public's answers.
        comments = readable_comments(request.user, plan)
        collection = collection_for_plan(
            plan, comments, request.build_absolute_uri, viewer=request.user
        )
        json_ld = isinstance(request.accepted_renderer, WebAnnotationCollectionRenderer)
        return ApiResponse(collection, content_type=MEDIA_TYPE if json_ld else None)
