"""Payment settings per office, step 1: the columns (a setting's site, an event's and a statement's
office), empty for now. Step 2 (0011) fills them, step 3 (0012) requires a settings row's site. Three
migrations, because PostgreSQL cannot build the new foreign keys' indexes in the transaction that has
just updated their rows."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("casework", "0004_submission_office"),
        ("offices", "0003_office_groups"),
        ("payments", "0009_receipt_office_required"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="paymentsettings",
            name="site",
            field=models.OneToOneField(
                null=True, editable=False, on_delete=django.db.models.deletion.CASCADE, to="wagtailcore.site"
            ),
        ),
        migrations.AddField(
            model_name="providerevent",
            name="office",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="offices.office",
            ),
        ),
        migrations.AddField(
            model_name="statementimport",
            name="office",
            field=models.ForeignKey(
                null=True, on_delete=django.db.models.deletion.CASCADE, related_name="+", to="offices.office"
            ),
        ),
    ]
