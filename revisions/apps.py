from django.apps import AppConfig


class RevisionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "revisions"
    verbose_name = "Revised versions of plans and what changed"
