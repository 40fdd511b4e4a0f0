"""The offices' administrators' groups made before: they manage their own office's document templates
and which services issue them (`offices.groups.OFFICE_ADMINISTRATION`, as new offices get it)."""

from django.db import migrations

GRANTS = [
    (action, model)
    for model in ("documenttemplate", "servicedocument")
    for action in ("view", "add", "change", "delete")
]


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    config = apps.get_app_config("documents")
    config.models_module = True  # the migration state's app config has none; permissions need it
    create_permissions(config, verbosity=0, apps=apps)
    config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    OfficeGroup = apps.get_model("offices", "OfficeGroup")
    permissions = [
        Permission.objects.get(content_type__app_label="documents", codename=f"{action}_{model}")
        for action, model in GRANTS
    ]
    for link in OfficeGroup.objects.filter(role="Administrators").select_related("group"):
        link.group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0003_renewals"),
        ("offices", "0006_local_holidays"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
