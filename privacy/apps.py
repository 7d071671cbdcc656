from django.apps import AppConfig
from django.db.models.signals import post_save


class PrivacyConfig(AppConfig):
    name = "privacy"
    verbose_name = "Respondents' personal data: erasure, retention and access"

    def ready(self):
        from plans.models import Plan
        from privacy.tasks import when_saved

        post_save.connect(when_saved, sender=Plan, dispatch_uid="privacy_retention")
