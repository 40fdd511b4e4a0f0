"""Communications staff keep the checklist (the installation's group and every office's), and every
office's administrators do for their own office (`disclosure.permissions` decides which office)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from home.groups import ADMINISTRATORS, COMMUNICATIONS_STAFF

CODENAMES = ["add_disclosureitem", "change_disclosureitem", "delete_disclosureitem", "view_disclosureitem"]


def _permissions(apps):
    # Permissions are normally created after all migrations: create disclosure's now.
    app_config = apps.get_app_config("disclosure")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth.Permission")
    return Permission.objects.filter(content_type__app_label="disclosure", codename__in=CODENAMES)


def _groups(apps):
    Group = apps.get_model("auth.Group")
    OfficeGroup = apps.get_model("offices.OfficeGroup")
    office_groups = OfficeGroup.objects.filter(role__in=[COMMUNICATIONS_STAFF, ADMINISTRATORS])
    return Group.objects.filter(name=COMMUNICATIONS_STAFF) | Group.objects.filter(
        pk__in=office_groups.values("group_id")
    )


def grant(apps, schema_editor):
    permissions = list(_permissions(apps))
    for group in _groups(apps):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth.Permission")
    permissions = list(
        Permission.objects.filter(content_type__app_label="disclosure", codename__in=CODENAMES)
    )
    for group in _groups(apps):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("disclosure", "0001_initial"),
        ("home", "0002_locales_groups_workflow"),
        ("offices", "0006_local_holidays"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
