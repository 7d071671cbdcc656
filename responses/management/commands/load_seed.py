from django.core.management.base import BaseCommand

from responses.seed import load_seed


class Command(BaseCommand):
    help = (
        "Load the NOMS Third Sector Action Plan and the Volunteering England response (idempotent)."
    )

    def handle(self, *args, **options):
        plan, response = load_seed()
        self.stdout.write(
            self.style.SUCCESS(
                f"Seeded {plan.title}: {plan.sections.count()} sections, "
                f"response {response.reference} with {response.comments.count()} comments."
            )
        )
