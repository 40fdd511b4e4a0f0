"""The installation's administrators keep every office's LINE settings (an office's own administrators
reach their office's through `offices.permissions`)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from home.groups import ADMINISTRATORS

CODENAMES = ["change_linesettings", "view_linesettings"]


def _permissions(apps):
    app_config = apps.get_app_config("line")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth.Permission")
    return Permission.objects.filter(content_type__app_label="line", codename__in=CODENAMES)


def grant(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    group, _created = Group.objects.get_or_create(name=ADMINISTRATORS)
    group.permissions.add(*_permissions(apps))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    group = Group.objects.filter(name=ADMINISTRATORS).first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="line", codename__in=CODENAMES)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("line", "0001_initial"),
        ("home", "0002_locales_groups_workflow"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
