"""The offices' administrators' groups made before: they manage their own office's staff
(`offices.groups.OFFICE_ADMINISTRATION`, as new offices get it)."""

from django.db import migrations


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    config = apps.get_app_config("staff")
    config.models_module = True  # the migration state's app config has none; permissions need it
    create_permissions(config, verbosity=0, apps=apps)
    config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    OfficeGroup = apps.get_model("offices", "OfficeGroup")
    permission = Permission.objects.get(content_type__app_label="staff", codename="manage_office_staff")
    for link in OfficeGroup.objects.filter(role="Administrators").select_related("group"):
        link.group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("staff", "0001_office_staff_member"),
        ("offices", "0006_local_holidays"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
