"""Receipt books per office, step 3: every receipt and counter has its office; numbers are unique
within an office."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("payments", "0008_receipts_to_their_office")]

    operations = [
        migrations.AlterField(
            model_name="receiptcounter",
            name="office",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT, related_name="+", to="offices.office"
            ),
        ),
        migrations.AlterField(
            model_name="receipt",
            name="office",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="receipts",
                to="offices.office",
                verbose_name="office",
            ),
        ),
        migrations.AddConstraint(
            model_name="receiptcounter",
            constraint=models.UniqueConstraint(
                fields=("office", "fiscal_year"), name="payments_unique_receipt_counter"
            ),
        ),
        migrations.AddConstraint(
            model_name="receipt",
            constraint=models.UniqueConstraint(
                fields=("office", "fiscal_year", "sequence"), name="payments_unique_receipt_sequence"
            ),
        ),
        migrations.AddConstraint(
            model_name="receipt",
            constraint=models.UniqueConstraint(
                fields=("office", "number"), name="payments_unique_receipt_number"
            ),
        ),
    ]
