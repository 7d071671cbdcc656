from django.apps import AppConfig
from django.db import models
from django.db.models.signals import pre_save

from marginalia.text import without_control_characters


class MarginaliaConfig(AppConfig):
    """The project's own app: its template tags, and the rules every app's models keep."""

    name = "marginalia"

    def ready(self):
        from marginalia import secret_key  # noqa: F401  (registers its deployment check)

        pre_save.connect(_store_text_without_control_characters)


# Our apps, whose models' text is what people wrote (INSTALLED_APPS lists them after this one).
OUR_APPS = {"plans", "responses", "accounts", "officers", "reports", "opendata", "critique"}


def _store_text_without_control_characters(sender, instance, **kwargs):
    """Before any model of ours is saved, however it is saved (a form, the admin, an import),
    its text keeps to marginalia.text's rule."""
    if sender._meta.app_label not in OUR_APPS:
        return
    for field in sender._meta.concrete_fields:
        if isinstance(field, models.CharField | models.TextField):
            value = getattr(instance, field.attname)
            if isinstance(value, str):
                setattr(instance, field.attname, without_control_characters(value))
