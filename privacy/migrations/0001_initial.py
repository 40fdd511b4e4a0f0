"""The personal-data log moves from `security` to `privacy`: same table (renamed), same rows, and its
permission follows its content type."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def move_table(apps, schema_editor):
    schema_editor.alter_db_table(
        apps.get_model("security", "AccessLog"), "security_accesslog", "privacy_accesslog"
    )
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="security", model="accesslog").update(app_label="privacy")


def move_table_back(apps, schema_editor):
    schema_editor.alter_db_table(
        apps.get_model("security", "AccessLog"), "privacy_accesslog", "security_accesslog"
    )
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="privacy", model="accesslog").update(app_label="security")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("security", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="AccessLog",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("at", models.DateTimeField(auto_now_add=True, db_index=True, verbose_name="when")),
                        ("username", models.CharField(max_length=150, verbose_name="username")),
                        (
                            "action",
                            models.CharField(
                                choices=[
                                    ("view", "Viewed"),
                                    ("download", "Downloaded a file"),
                                    ("export", "Exported"),
                                    ("change", "Changed"),
                                    ("erase", "Erased"),
                                    ("search", "Searched personal data"),
                                ],
                                max_length=20,
                                verbose_name="action",
                            ),
                        ),
                        ("object_type", models.CharField(max_length=100, verbose_name="record type")),
                        ("object_id", models.CharField(db_index=True, max_length=64, verbose_name="record")),
                        (
                            "object_label",
                            models.CharField(blank=True, max_length=255, verbose_name="description"),
                        ),
                        ("detail", models.CharField(blank=True, max_length=255, verbose_name="detail")),
                        (
                            "ip_address",
                            models.GenericIPAddressField(blank=True, null=True, verbose_name="IP address"),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="staff member",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "personal data access",
                        "verbose_name_plural": "personal data accesses",
                        "ordering": ["-at", "-pk"],
                        "indexes": [
                            models.Index(
                                fields=["object_type", "object_id", "-at"], name="security_access_object"
                            )
                        ],
                    },
                ),
            ],
            database_operations=[migrations.RunPython(move_table, move_table_back)],
        ),
    ]
