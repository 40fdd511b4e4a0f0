"""References per office, step 1: counters get an office (filled in by 0006, required by 0007)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("casework", "0004_submission_office"),
        ("offices", "0003_office_groups"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="referencecounter", name="eforms_unique_reference_counter"),
        migrations.AddField(
            model_name="referencecounter",
            name="office",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="offices.office",
                verbose_name="office",
            ),
        ),
    ]
