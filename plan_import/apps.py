from django.apps import AppConfig


class PlanImportConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "plan_import"
    verbose_name = "Plans brought in from their documents"
