"""JSON API for responses: link suggestions for a respondent's prose.

Anyone may ask, and each answer runs the link detector over up to 200,000 characters, so callers
are throttled per address (30 a minute without signing in) or per account (120 a minute): more
gets 429 with a JSON `detail` and a Retry-After header. The counts live in the default cache.
"""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.decorators import api_view, throttle_classes
from rest_framework.response import Response as ApiResponse
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

from accounts.throttle import client_address
from plans.models import Plan
from responses.linking import MAX_TEXT_LENGTH
from responses.services import suggest_links


class _ByClientAddress:
    """Counts anonymous callers by our one rule for a request's address: DRF's own would believe
    any X-Forwarded-For a caller sends, and so could be dodged by sending a new one each time."""

    def get_ident(self, request):
        return client_address(request)


class AnonymousSuggestionsThrottle(_ByClientAddress, AnonRateThrottle):
    scope = "link_suggestions_anonymous"
    rate = "30/minute"


class SignedInSuggestionsThrottle(_ByClientAddress, UserRateThrottle):
    scope = "link_suggestions_signed_in"
    rate = "120/minute"


class TextField(serializers.CharField):
    """A CharField that refuses numbers and booleans instead of turning them into text."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class LinkSuggestionRequest(serializers.Serializer):
    text = TextField(
        allow_blank=True,
        trim_whitespace=False,
        max_length=MAX_TEXT_LENGTH,
        error_messages={
            "max_length": f"The text is too long: at most {MAX_TEXT_LENGTH:,} characters."
        },
    )


class QuoteSerializer(serializers.Serializer):
    section = serializers.CharField()
    exact = serializers.CharField(help_text="The plan's wording, as the section writes it.")
    prefix = serializers.CharField()
    suffix = serializers.CharField()
    similarity = serializers.FloatField(
        help_text="How alike the quote as typed is to `exact`: 1.0 as written, down to 0.8."
    )


class DoubtSerializer(serializers.Serializer):
    words = serializers.CharField()
    reason = serializers.CharField()
    sections = serializers.ListField(child=serializers.CharField())


class EvidenceSerializer(serializers.Serializer):
    kind = serializers.CharField()
    target = serializers.CharField()
    words = serializers.CharField()


class ParagraphLinksSerializer(serializers.Serializer):
    text = serializers.CharField()
    sections = serializers.ListField(child=serializers.CharField())
    themes = serializers.ListField(child=serializers.CharField())
    quotes = QuoteSerializer(many=True)
    evidence = EvidenceSerializer(many=True)
    proposed = serializers.ListField(
        child=serializers.CharField(), help_text="Wording the paragraph proposes instead."
    )
    doubts = DoubtSerializer(
        many=True, help_text="Quotes not linked with confidence: for a person to settle."
    )
    stance = serializers.CharField(help_text="The stance the paragraph's words suggest.")
    stance_words = serializers.CharField(help_text="The words that suggest it.")


@extend_schema(
    request=LinkSuggestionRequest,
    responses={
        200: inline_serializer(
            "LinkSuggestions", {"paragraphs": ParagraphLinksSerializer(many=True)}
        ),
        400: OpenApiResponse(description="Not a JSON object with a text."),
        404: OpenApiResponse(description="No such plan."),
        413: OpenApiResponse(description="The text is too long."),
        429: OpenApiResponse(description="Too many requests: try again after Retry-After seconds."),
    },
)
@api_view(["POST"])
@throttle_classes([AnonymousSuggestionsThrottle, SignedInSuggestionsThrottle])
def link_suggestions(request, slug):
    plan = get_object_or_404(Plan, slug=slug)
    if not isinstance(request.data, dict):
        return ApiResponse(
            {"detail": 'Send a JSON object such as {"text": "..."}.'},
            status=status.HTTP_400_BAD_REQUEST,
        )
    incoming = LinkSuggestionRequest(data=request.data)
    if not incoming.is_valid():
        too_long = any(error.code == "max_length" for error in incoming.errors.get("text", []))
        return ApiResponse(
            incoming.errors,
            status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
            if too_long
            else status.HTTP_400_BAD_REQUEST,
        )
    paragraphs = suggest_links(plan=plan, text=incoming.validated_data["text"])
    return ApiResponse({"paragraphs": ParagraphLinksSerializer(paragraphs, many=True).data})
