"""Policy officers bring consultations in: they import a plan from its document."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

OFFICER_PERMISSIONS = ["plans.add_plan", "plans.add_section", "plans.add_theme"]


def grant(apps, schema_editor):
    database = schema_editor.connection.alias
    app_config = apps.get_app_config("plans")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, using=database, apps=apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    officers = Group.objects.using(database).get(name="Policy officers")
    for permission in OFFICER_PERMISSIONS:
        app_label, codename = permission.split(".")
        officers.permissions.add(
            Permission.objects.using(database).get(
                content_type__app_label=app_label, codename=codename
            )
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    database = schema_editor.connection.alias
    officers = Group.objects.using(database).filter(name="Policy officers").first()
    if officers:
        officers.permissions.remove(
            *Permission.objects.using(database).filter(
                content_type__app_label="plans",
                codename__in=[name.split(".")[1] for name in OFFICER_PERMISSIONS],
            )
        )


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_groups")]

    operations = [migrations.RunPython(grant, revoke)]
