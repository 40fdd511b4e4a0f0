"""Permit officers may see payments, refund (within the approval limit), record counter payments and
set assessed fees. Approving refunds and the reconciliation report stay with administrators (who
hold every permission, see home.groups)."""

from django.db import migrations

OFFICER_PERMISSIONS = ["view_payment", "refund_payment", "record_counter_payment", "assess_fee"]


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    config = apps.get_app_config("payments")
    config.models_module = True  # the migration state's app config has none; permissions need it
    create_permissions(config, verbosity=0, apps=apps)
    config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="Permit officers").first()
    if group is None:
        return
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="payments", codename__in=OFFICER_PERMISSIONS)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("payments", "0001_initial"),
        ("home", "0002_locales_groups_workflow"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
