"""Receipt books per office, step 1: the office columns, still empty (0008 fills them)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("offices", "0002_an_office_for_every_site"),
        ("payments", "0006_bank_statements"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="receipt", name="payments_unique_receipt_sequence"),
        migrations.AlterField(
            model_name="receiptcounter", name="fiscal_year", field=models.PositiveSmallIntegerField()
        ),
        migrations.AlterField(
            model_name="receipt",
            name="number",
            field=models.CharField(max_length=20, verbose_name="receipt number"),
        ),
        migrations.AddField(
            model_name="receiptcounter",
            name="office",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="offices.office",
            ),
        ),
        migrations.AddField(
            model_name="receipt",
            name="office",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="receipts",
                to="offices.office",
                verbose_name="office",
            ),
        ),
    ]
