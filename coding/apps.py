from django.apps import AppConfig


class CodingConfig(AppConfig):
    name = "coding"
    verbose_name = "Coding what was said: the coding frame, suggested themes and agreement"
