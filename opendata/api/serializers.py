"""How the open-data API writes plans, sections and comments as JSON.

Every URL is absolute. Comments need their `section_links` (with `section`) and `theme_links`
(with `theme`) prefetched, and the request in the context: the respondent's name depends on who
asks.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from plans.models import Plan, Section, Theme
from responses.models import Comment, Respondent, Response


@extend_schema_field(OpenApiTypes.URI)
class PageField(serializers.Field):
    """The absolute URL of the object's own page on the site (its `get_absolute_url`)."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value):
        return self.context["request"].build_absolute_uri(value.get_absolute_url())


class SectionUrlField(serializers.HyperlinkedIdentityField):
    """An API URL about one section, found by its plan's slug and its number."""

    def get_url(self, section, view_name, request, format):
        kwargs = {"slug": section.plan.slug, "number": section.number}
        return self.reverse(view_name, kwargs=kwargs, request=request, format=format)


class ThemeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Theme
        fields = ["name", "description"]


class PlanSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:plan", lookup_field="slug")
    page = PageField()
    themes = ThemeSerializer(many=True, read_only=True)
    sections = serializers.HyperlinkedIdentityField(
        view_name="api:section_list", lookup_field="slug"
    )
    comments = serializers.HyperlinkedIdentityField(
        view_name="api:plan_comments", lookup_field="slug"
    )
    annotations = serializers.HyperlinkedIdentityField(
        view_name="api:plan_web_annotations", lookup_field="slug"
    )

    class Meta:
        model = Plan
        fields = [
            "slug",
            "title",
            "publisher",
            "summary",
            "reference_prefix",
            "opens_on",
            "closes_on",
            "has_full_text",
            "themes",
            "url",
            "page",
            "sections",
            "comments",
            "annotations",
        ]


class SectionSerializer(serializers.ModelSerializer):
    """A section; needs `plan`, `theme` and `parent` selected with it."""

    url = SectionUrlField(view_name="api:section")
    page = PageField()
    theme = serializers.SlugRelatedField(slug_field="name", read_only=True)
    parent = serializers.SlugRelatedField(slug_field="number", read_only=True)
    comments = SectionUrlField(view_name="api:section_comments")

    class Meta:
        model = Section
        fields = ["number", "heading", "text", "theme", "parent", "url", "page", "comments"]


class TextQuoteSelectorSerializer(serializers.Serializer):
    """The quoted wording as a W3C Web Annotation TextQuoteSelector."""

    type = serializers.ChoiceField(choices=["TextQuoteSelector"])
    exact = serializers.CharField()
    prefix = serializers.CharField(allow_blank=True)
    suffix = serializers.CharField(allow_blank=True)


class SectionQuoteSerializer(serializers.Serializer):
    section = serializers.CharField(help_text="The number of the section quoted.")
    selector = TextQuoteSelectorSerializer()


class RespondentSerializer(serializers.Serializer):
    """Who responded, as the caller may know them: a name hidden by publishing stays hidden."""

    name = serializers.SerializerMethodField()
    kind = serializers.ChoiceField(choices=Respondent.Kind.choices, source="respondent.kind")

    def get_name(self, response) -> str:
        return response.name_shown_to(self.context["request"].user)


class ResponseSummarySerializer(serializers.ModelSerializer):
    page = PageField()

    class Meta:
        model = Response
        fields = ["reference", "status", "submitted_at", "page"]


class CommentSerializer(serializers.ModelSerializer):
    response = ResponseSummarySerializer(read_only=True)
    respondent = RespondentSerializer(source="response", read_only=True)
    # The words as the reader may read them: redactions laid over them for all but officers.
    text = serializers.SerializerMethodField()
    sections = serializers.SerializerMethodField()
    themes = serializers.SerializerMethodField()
    quotes = serializers.SerializerMethodField()
    codes = serializers.SerializerMethodField()

    class Meta:
        model = Comment
        fields = [
            "id",
            "position",
            "stance",
            "text",
            "proposed_wording",
            "response",
            "respondent",
            "sections",
            "themes",
            "quotes",
            "codes",
        ]

    def get_text(self, comment) -> str:
        return comment.text_shown_to(self.context["request"].user)

    def get_sections(self, comment) -> list[str]:
        """The numbers of the sections the comment critiques, once each."""
        return [section.number for section in comment.linked_sections]

    def get_themes(self, comment) -> list[str]:
        return [theme.name for theme in comment.linked_themes]

    def get_codes(self, comment) -> list[str]:
        """The codes of the plan's coding frame it has, as "Theme › Sub-theme": for officers
        every one; for the public, once the frame is published, those officers gave or
        confirmed (coding.publication)."""
        return [str(coding.code) for coding in getattr(comment, "readable_codings", [])]

    @extend_schema_field(SectionQuoteSerializer(many=True))
    def get_quotes(self, comment):
        return [
            {"section": link.section.number, "selector": link.selector}
            for link in comment.section_links.all()
            if link.selector
        ]
