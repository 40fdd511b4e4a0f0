"""Communications staff keep the attraction categories (add, change, delete and view the snippet)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from home.groups import COMMUNICATIONS_STAFF

CODENAMES = ["add_attractioncategory", "change_attractioncategory", "delete_attractioncategory",
             "view_attractioncategory"]  # fmt: skip


def _permissions(apps):
    # Permissions are normally created after all migrations: create tourism's now.
    app_config = apps.get_app_config("tourism")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth.Permission")
    return Permission.objects.filter(content_type__app_label="tourism", codename__in=CODENAMES)


def grant(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    group, _created = Group.objects.get_or_create(name=COMMUNICATIONS_STAFF)
    group.permissions.add(*_permissions(apps))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    group = Group.objects.filter(name=COMMUNICATIONS_STAFF).first()
    if group is not None:
        Permission = apps.get_model("auth.Permission")
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="tourism", codename__in=CODENAMES)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("tourism", "0001_initial"),
        ("home", "0002_locales_groups_workflow"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
