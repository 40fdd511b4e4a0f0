"""The offices' administrators' groups made before: the powers to run their own office
(`offices.groups.OFFICE_ADMINISTRATION` at the time), now that requests are scoped by office."""

from django.db import migrations

GRANTS = [
    ("payments", "approve_refund"),
    ("privacy", "view_accesslog"),
    ("offices", "view_processingagreement"),
    ("offices", "add_processingagreement"),
    ("offices", "change_processingagreement"),
    ("offices", "delete_processingagreement"),
]


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for label in {app for app, _codename in GRANTS}:
        config = apps.get_app_config(label)
        config.models_module = True  # the migration state's app config has none; permissions need it
        create_permissions(config, verbosity=0, apps=apps)
        config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    OfficeGroup = apps.get_model("offices", "OfficeGroup")
    permissions = [
        Permission.objects.get(content_type__app_label=app, codename=codename) for app, codename in GRANTS
    ]
    for link in OfficeGroup.objects.filter(role="Administrators").select_related("group"):
        link.group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("offices", "0004_processing_agreements"),
        ("casework", "0004_submission_office"),
        ("payments", "0009_receipt_office_required"),
        ("privacy", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
