"""Responses in the admin, for policy officers and admins only, and no further than the site
would let them: what a staff account may do here follows its role, not the model permissions its
groups carry (every respondent's group may change its own responses, on the site)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from plans.admin import ChangesWhatThePublicSees
from responses.models import (
    Campaign,
    CampaignGrouping,
    Comment,
    Respondent,
    Response,
    SectionLink,
    ThemeLink,
    reads_submitted_responses,
)


class ForReadersOfResponses:
    """Only those who read every submitted response (policy officers, admins) see this in the
    admin at all; for them, the model permissions decide as usual."""

    def has_module_permission(self, request):
        return reads_submitted_responses(request.user) and super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        return reads_submitted_responses(request.user) and super().has_view_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return reads_submitted_responses(request.user) and super().has_change_permission(
            request, obj
        )

    def has_add_permission(self, request, *args):
        return reads_submitted_responses(request.user) and super().has_add_permission(
            request, *args
        )

    def has_delete_permission(self, request, obj=None):
        return reads_submitted_responses(request.user) and super().has_delete_permission(
            request, obj
        )


class SectionLinkInline(admin.TabularInline):
    model = SectionLink
    fields = ["section", "exact", "prefix", "suffix"]
    autocomplete_fields = ["section"]
    extra = 0


class ThemeLinkInline(admin.TabularInline):
    model = ThemeLink
    autocomplete_fields = ["theme"]
    extra = 0


class CommentInline(admin.StackedInline):
    model = Comment
    fields = ["position", "stance", "text"]
    extra = 0
    show_change_link = True


@admin.register(Respondent)
class RespondentAdmin(ForReadersOfResponses, ChangesWhatThePublicSees, admin.ModelAdmin):
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "description"]

    def plans_of(self, respondent):
        return respondent.responses.values_list("plan_id", flat=True)


@admin.register(Response)
class ResponseAdmin(ForReadersOfResponses, ChangesWhatThePublicSees, SimpleHistoryAdmin):
    list_display = ["__str__", "respondent", "plan", "status", "submitted_at"]
    readonly_fields = ["owner"]

    def get_queryset(self, request):
        # As on the site: no one reads another's draft.
        return super().get_queryset(request).visible_to(request.user)

    def get_readonly_fields(self, request, obj=None):
        """Publishing, and what publishing shows (the respondent's name), are for those who
        may publish, as on the site."""
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.has_perm("responses.publish_response"):
            fields += ["status", "hide_respondent_name"]
        return fields

    list_filter = ["status", "plan"]
    search_fields = ["reference", "respondent__name"]
    list_select_related = ["respondent", "plan"]
    autocomplete_fields = ["respondent"]
    inlines = [CommentInline]

    def plans_of(self, response):
        return [response.plan_id]


@admin.register(Comment)
class CommentAdmin(ForReadersOfResponses, ChangesWhatThePublicSees, SimpleHistoryAdmin):
    list_display = ["__str__", "stance", "response"]
    list_filter = ["stance", "response__plan"]
    search_fields = ["text", "response__reference", "response__respondent__name"]
    list_select_related = ["response__respondent"]
    inlines = [SectionLinkInline, ThemeLinkInline]

    def get_queryset(self, request):
        visible = Response.objects.visible_to(request.user)
        return super().get_queryset(request).filter(response__in=visible)

    def plans_of(self, comment):
        return [comment.response.plan_id]


@admin.register(Campaign)
class CampaignAdmin(ForReadersOfResponses, ChangesWhatThePublicSees, admin.ModelAdmin):
    """Campaigns are made by grouping (officers' campaigns page): here only read or deleted."""

    list_display = ["__str__", "plan", "created_at"]
    list_filter = ["plan"]
    readonly_fields = ["plan", "shared_text", "created_at"]

    def has_add_permission(self, request):
        return False

    def plans_of(self, campaign):
        return [campaign.plan_id]


@admin.register(CampaignGrouping)
class CampaignGroupingAdmin(ForReadersOfResponses, admin.ModelAdmin):
    list_display = ["plan", "threshold", "state", "grouped_at", "grouped_threshold"]
    readonly_fields = [
        "state",
        "requested_at",
        "claimed_at",
        "failure",
        "grouped_at",
        "grouped_threshold",
    ]
