"""The officers' annotations in the admin. A change made here bumps the generation of the plans
whose comments it annotates (plans.admin.ChangesWhatThePublicSees), as the officers' own pages
do: the officers' pages and figures are kept under it."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from officers.models import CommentTag, Review, Tag
from plans.admin import ChangesWhatThePublicSees


class ChangesAnnotations(ChangesWhatThePublicSees):
    annotations_only = True


class ChangesAComment(ChangesAnnotations):
    def plans_of(self, annotation):
        return [annotation.comment.response.plan_id]


@admin.register(Tag)
class TagAdmin(ChangesAnnotations, admin.ModelAdmin):
    search_fields = ["name"]

    def plans_of(self, tag):
        return tag.comment_tags.values_list("comment__response__plan_id", flat=True).distinct()


@admin.register(Review)
class ReviewAdmin(ChangesAComment, SimpleHistoryAdmin):
    list_display = ["comment", "status"]
    list_filter = ["status", "comment__response__plan"]
    search_fields = ["comment__text", "note", "plan_change"]
    raw_id_fields = ["comment"]


@admin.register(CommentTag)
class CommentTagAdmin(ChangesAComment, SimpleHistoryAdmin):
    list_display = ["comment", "tag"]
    list_filter = ["tag"]
    raw_id_fields = ["comment"]
