"""PromptPay QR: a record of each bank statement uploaded, and the permission to import one, given to
the groups that record counter payments (they already handle money received at the office)."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    config = apps.get_app_config("payments")
    config.models_module = True  # the migration state's app config has none; permissions need it
    create_permissions(config, verbosity=0, apps=apps)
    config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.get(content_type__app_label="payments", codename="import_bank_statement")
    for group in Group.objects.filter(
        permissions__content_type__app_label="payments", permissions__codename="record_counter_payment"
    ).distinct():
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("payments", "0005_remove_stripe_event"),
        ("auth", "0012_alter_user_first_name_max_length"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="StatementImport",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("file_name", models.CharField(max_length=255, verbose_name="file")),
                ("sha256", models.CharField(db_index=True, max_length=64)),
                (
                    "uploaded_at",
                    models.DateTimeField(default=django.utils.timezone.now, verbose_name="uploaded at"),
                ),
                ("lines", models.PositiveIntegerField(default=0, verbose_name="lines")),
                ("paid", models.PositiveIntegerField(default=0, verbose_name="paid")),
                ("flagged", models.PositiveIntegerField(default=0, verbose_name="needing review")),
                ("duplicates", models.PositiveIntegerField(default=0, verbose_name="already imported")),
                ("skipped", models.PositiveIntegerField(default=0, verbose_name="left for other officers")),
                (
                    "uploaded_by",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="uploaded by",
                    ),
                ),
            ],
            options={
                "verbose_name": "bank statement import",
                "ordering": ["-uploaded_at", "-pk"],
                "permissions": [("import_bank_statement", "Can import bank statements (PromptPay QR)")],
            },
        ),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
