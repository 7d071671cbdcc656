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
class RespondentAdmin(ChangesWhatThePublicSees, admin.ModelAdmin):
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "description"]

    def plans_of(self, respondent):
        return respondent.responses.values_list("plan_id", flat=True)


@admin.register(Response)
class ResponseAdmin(ChangesWhatThePublicSees, SimpleHistoryAdmin):
    list_display = ["__str__", "respondent", "plan", "status", "submitted_at"]
    readonly_fields = ["owner"]
    list_filter = ["status", "plan"]
    search_fields = ["reference", "respondent__name"]
    list_select_related = ["respondent", "plan"]
    autocomplete_fields = ["respondent"]
    inlines = [CommentInline]

    def plans_of(self, response):
        return [response.plan_id]


@admin.register(Comment)
class CommentAdmin(ChangesWhatThePublicSees, SimpleHistoryAdmin):
    list_display = ["__str__", "stance", "response"]
    list_filter = ["stance", "response__plan"]
    search_fields = ["text", "response__reference", "response__respondent__name"]
    list_select_related = ["response__respondent"]
    inlines = [SectionLinkInline, ThemeLinkInline]

    def plans_of(self, comment):
        return [comment.response.plan_id]


@admin.register(Campaign)
class CampaignAdmin(ChangesWhatThePublicSees, admin.ModelAdmin):
    """Campaigns are made by grouping (officers' campaigns page): here only read or deleted."""

    list_display = ["__str__", "plan", "created_at"]
    list_filter = ["plan"]
    readonly_fields = ["plan", "shared_text", "created_at"]

    def has_add_permission(self, request):
        return False

    def plans_of(self, campaign):
        return [campaign.plan_id]


@admin.register(CampaignGrouping)
class CampaignGroupingAdmin(admin.ModelAdmin):
    list_display = ["plan", "threshold", "state", "grouped_at", "grouped_threshold"]
    readonly_fields = ["state", "requested_at", "started_at", "grouped_at", "grouped_threshold"]
