from django.apps import AppConfig
from django.db.models.signals import post_save


class OfficersConfig(AppConfig):
    name = "officers"
    verbose_name = "Policy officers' annotations"

    def ready(self):
        from officers.signals import scan_when_submitted
        from responses.models import Response

        post_save.connect(scan_when_submitted, sender=Response, dispatch_uid="scan_when_submitted")
