from django.contrib import admin

from plans.models import Plan, Section, Theme


class ThemeInline(admin.TabularInline):
    model = Theme
    extra = 0


class SectionInline(admin.TabularInline):
    model = Section
    fk_name = "plan"
    fields = ["number", "heading", "theme"]
    extra = 0
    show_change_link = True


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "publisher", "opens_on", "closes_on"]
    prepopulated_fields = {"slug": ["title"]}
    search_fields = ["title", "publisher"]
    inlines = [ThemeInline, SectionInline]


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "plan"]
    list_filter = ["plan"]
    search_fields = ["name"]


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["number", "heading", "plan", "theme"]
    list_filter = ["plan", "theme"]
    search_fields = ["number", "heading", "text"]
    autocomplete_fields = ["parent", "theme"]
