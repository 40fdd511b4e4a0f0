"""The personal-data log now belongs to `privacy` (its table was moved there by privacy 0001)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("privacy", "0001_initial"),
        ("security", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(
                    name="AccessLog",
                ),
            ]
        ),
    ]
