"""The two groups every account belongs to: respondents write responses; policy officers read
every submitted response and link its comments to the plan's sections and themes."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_PERMISSIONS = {
    "Respondents": [
        "responses.add_response",
        "responses.change_response",
        "responses.view_response",
        "responses.add_comment",
        "responses.change_comment",
        "responses.delete_comment",
        "responses.view_comment",
        "responses.add_respondent",
        "responses.change_respondent",
        "responses.view_respondent",
    ],
    "Policy officers": [
        "plans.view_plan",
        "plans.view_theme",
        "plans.view_section",
        "responses.view_respondent",
        "responses.view_response",
        "responses.view_submitted_response",
        "responses.change_response",
        "responses.view_comment",
        "responses.change_comment",
        "responses.add_sectionlink",
        "responses.change_sectionlink",
        "responses.delete_sectionlink",
        "responses.view_sectionlink",
        "responses.add_themelink",
        "responses.change_themelink",
        "responses.delete_themelink",
        "responses.view_themelink",
    ],
}


def create_groups(apps, schema_editor):
    database = schema_editor.connection.alias
    # Django makes permissions after the last migration (post_migrate): on a fresh database they
    # do not exist yet, so make them now. Migration app configs have no models_module, and
    # create_permissions skips an app without one.
    for app_label in ("plans", "responses"):
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, using=database, apps=apps)

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, permissions in GROUP_PERMISSIONS.items():
        group, _ = Group.objects.using(database).get_or_create(name=name)
        for permission in permissions:
            app_label, codename = permission.split(".")
            group.permissions.add(
                Permission.objects.using(database).get(
                    content_type__app_label=app_label, codename=codename
                )
            )


def delete_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.using(schema_editor.connection.alias).filter(name__in=GROUP_PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("responses", "0002_respondents_enter_responses"),
        ("plans", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, delete_groups)]
