"""Payment settings per office, step 3: every settings row has its site."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("payments", "0011_payment_settings_to_every_office")]

    operations = [
        migrations.AlterField(
            model_name="paymentsettings",
            name="site",
            field=models.OneToOneField(
                editable=False, on_delete=django.db.models.deletion.CASCADE, to="wagtailcore.site"
            ),
        ),
    ]
