"""References per office, step 3: a counter belongs to an office; a reference is unique in its office."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("casework", "0006_reference_counters_to_offices")]

    operations = [
        migrations.AlterField(
            model_name="referencecounter",
            name="office",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="offices.office",
                verbose_name="office",
            ),
        ),
        migrations.AddConstraint(
            model_name="referencecounter",
            constraint=models.UniqueConstraint(
                fields=("office", "prefix", "year_code"), name="casework_reference_counter_per_office"
            ),
        ),
        migrations.AlterField(
            model_name="submission",
            name="reference",
            field=models.CharField(db_index=True, max_length=20, verbose_name="reference"),
        ),
        migrations.AddConstraint(
            model_name="submission",
            constraint=models.UniqueConstraint(
                fields=("office", "reference"), name="casework_reference_per_office"
            ),
        ),
    ]
