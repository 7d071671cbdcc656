from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from officers.models import CommentTag, Review, Tag


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    search_fields = ["name"]


@admin.register(Review)
class ReviewAdmin(SimpleHistoryAdmin):
    list_display = ["comment", "status"]
    list_filter = ["status", "comment__response__plan"]
    search_fields = ["comment__text", "note", "plan_change"]
    raw_id_fields = ["comment"]


@admin.register(CommentTag)
class CommentTagAdmin(SimpleHistoryAdmin):
    list_display = ["comment", "tag"]
    list_filter = ["tag"]
    raw_id_fields = ["comment"]
