from django.apps import AppConfig


class CritiqueConfig(AppConfig):
    name = "critique"
    verbose_name = "The plan beside its critique"
