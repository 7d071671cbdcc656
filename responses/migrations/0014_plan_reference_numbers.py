"""Each plan's references now count from 1 in the plan's own sequence (Plan.references_given).
References already given were numbered by the response's id: a plan's sequence goes on from the
largest of them, so no new reference repeats an old one."""

import re

from django.db import migrations


def continue_from_the_references_given(apps, schema_editor):
    Plan = apps.get_model("plans", "Plan")
    Response = apps.get_model("responses", "Response")
    for plan in Plan.objects.all():
        numbers = [
            int(found[1])
            for reference in Response.objects.filter(plan=plan)
            .exclude(reference=None)
            .values_list("reference", flat=True)
            if (found := re.search(r"-(\d+)$", reference))
        ]
        Plan.objects.filter(pk=plan.pk).update(references_given=max(numbers, default=0))


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0005_plan_references_given"),
        ("responses", "0013_section_links_by_section"),
    ]

    operations = [
        migrations.RunPython(continue_from_the_references_given, migrations.RunPython.noop)
    ]
