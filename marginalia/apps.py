from functools import partial
from pathlib import Path

from django.apps import AppConfig, apps
from django.conf import settings
from django.db import models
from django.db.models.signals import pre_save

from marginalia.text import without_control_characters


class MarginaliaConfig(AppConfig):
    """The project's own app: its template tags, and the rules every app's models keep."""

    name = "marginalia"

    def ready(self):
        from marginalia import secret_key  # noqa: F401  (registers its deployment check)

        # Our apps, whose models' text is what people wrote: those in the project's own folder.
        ours = {
            config.label
            for config in apps.get_app_configs()
            if Path(config.path).parent == Path(settings.BASE_DIR)
        }
        pre_save.connect(
            partial(_store_text_without_control_characters, ours=ours),
            weak=False,
            dispatch_uid="marginalia.text",
        )


def _store_text_without_control_characters(sender, instance, *, ours, **kwargs):
    """Before any model of ours is saved, however it is saved (a form, the admin, an import),
    its text keeps to marginalia.text's rule."""
    if sender._meta.app_label not in ours:
        return
    for field in sender._meta.concrete_fields:
        if isinstance(field, models.CharField | models.TextField):
            value = getattr(instance, field.attname)
            if isinstance(value, str):
                setattr(instance, field.attname, without_control_characters(value))
