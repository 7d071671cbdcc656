"""Erase the personal details of respondents to every plan whose retention period has ended
(privacy.retention), for cron; the background runner does the same on the day after."""

from django.core.management.base import BaseCommand

from privacy.retention import apply_retention


class Command(BaseCommand):
    help = "Erase respondents' personal details from plans whose retention period has ended."

    def handle(self, *args, **options):
        erasures = apply_retention()
        if not erasures:
            self.stdout.write("No plan has personal details left past its retention date.")
        for erasure in erasures:
            counted = ", ".join(erasure.counted)
            self.stdout.write(f"{erasure.plan}: erased {counted}.")
