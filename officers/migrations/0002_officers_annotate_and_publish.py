"""Policy officers may annotate comments (tags, review status, notes) and publish responses."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

OFFICER_PERMISSIONS = [
    "officers.annotate_comment",
    "officers.view_review",
    "officers.add_review",
    "officers.change_review",
    "officers.view_tag",
    "officers.add_tag",
    "officers.view_commenttag",
    "officers.add_commenttag",
    "officers.delete_commenttag",
    "responses.publish_response",
]


def grant(apps, schema_editor):
    database = schema_editor.connection.alias
    # As in accounts 0001: permissions do not exist yet on a fresh database, so make them.
    for app_label in ("officers", "responses"):
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, using=database, apps=apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    officers, _ = Group.objects.using(database).get_or_create(name="Policy officers")
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
    for officers in Group.objects.using(database).filter(name="Policy officers"):
        for permission in OFFICER_PERMISSIONS:
            app_label, codename = permission.split(".")
            officers.permissions.remove(
                *Permission.objects.using(database).filter(
                    content_type__app_label=app_label, codename=codename
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("officers", "0001_initial"),
        ("accounts", "0001_groups"),
        ("responses", "0003_history_publication_search"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
