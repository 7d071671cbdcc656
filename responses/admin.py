from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from responses.models import Comment, Respondent, Response, SectionLink, ThemeLink


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
class RespondentAdmin(admin.ModelAdmin):
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "description"]


@admin.register(Response)
class ResponseAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "respondent", "plan", "status", "submitted_at"]
    readonly_fields = ["owner"]
    list_filter = ["status", "plan"]
    search_fields = ["reference", "respondent__name"]
    list_select_related = ["respondent", "plan"]
    autocomplete_fields = ["respondent"]
    inlines = [CommentInline]


@admin.register(Comment)
class CommentAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "stance", "response"]
    list_filter = ["stance", "response__plan"]
    search_fields = ["text", "response__reference", "response__respondent__name"]
    list_select_related = ["response__respondent"]
    inlines = [SectionLinkInline, ThemeLinkInline]
