"""Payments point at submissions in `casework` (the same table, renamed by casework 0001: state only)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    run_before = [("eforms", "0007_requests_to_casework")]

    dependencies = [
        ("casework", "0001_initial"),
        ("payments", "0002_permit_officer_permissions"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="feeassessment",
                    name="submission",
                    field=models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="fee_assessment",
                        to="casework.submission",
                        verbose_name="submission",
                    ),
                ),
                migrations.AlterField(
                    model_name="payment",
                    name="submission",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="payments",
                        to="casework.submission",
                        verbose_name="submission",
                    ),
                ),
            ]
        ),
    ]
