"""The document in the admin. Whatever the public reads of a plan, changed here, bumps the plan's
generation (ChangesWhatThePublicSees), so no cached page of it shows the old version."""

from django.contrib import admin

from plans.models import Plan, Section, Theme


class ChangesWhatThePublicSees:
    """For the admin of anything a plan's pages show: each change made here, to an object or its
    inlines, bumps the generation of the plans it belongs to, inside the admin's transaction.

    Each admin using it says which plans those are: `plans_of(obj)`, the ids of the plans whose
    pages show `obj`."""

    # Whether what is changed here are only the officers' own marks (plans.Plan.bump_generation).
    annotations_only = False

    def _bump(self, plans):
        Plan.objects.filter(pk__in=plans).bump_generation(annotations_only=self.annotations_only)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        self._bump(self.plans_of(form.instance))

    def delete_model(self, request, obj):
        plans = list(self.plans_of(obj))
        super().delete_model(request, obj)
        self._bump(plans)

    def delete_queryset(self, request, queryset):
        plans = {plan for obj in queryset for plan in self.plans_of(obj)}
        super().delete_queryset(request, queryset)
        self._bump(plans)


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
class PlanAdmin(ChangesWhatThePublicSees, admin.ModelAdmin):
    list_display = ["title", "slug", "publisher", "opens_on", "closes_on"]
    prepopulated_fields = {"slug": ["title"]}
    search_fields = ["title", "publisher"]
    inlines = [ThemeInline, SectionInline]

    def plans_of(self, plan):
        return [plan.pk]


@admin.register(Theme)
class ThemeAdmin(ChangesWhatThePublicSees, admin.ModelAdmin):
    list_display = ["name", "plan"]
    list_filter = ["plan"]
    search_fields = ["name"]

    def plans_of(self, theme):
        return [theme.plan_id]


@admin.register(Section)
class SectionAdmin(ChangesWhatThePublicSees, admin.ModelAdmin):
    list_display = ["number", "heading", "plan", "theme"]
    list_filter = ["plan", "theme"]
    search_fields = ["number", "heading", "text"]
    autocomplete_fields = ["parent", "theme"]

    def plans_of(self, section):
        return [section.plan_id]
