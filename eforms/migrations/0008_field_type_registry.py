"""Field types are validated by the registry (eforms.field_types): a new type needs no migration."""

from django.db import migrations, models

import eforms.field_types.registry


class Migration(migrations.Migration):
    dependencies = [
        ("eforms", "0007_requests_to_casework"),
    ]

    operations = [
        migrations.AlterField(
            model_name="eformfield",
            name="field_type",
            field=models.CharField(
                choices=eforms.field_types.registry.field_type_choices,
                max_length=16,
                verbose_name="field type",
            ),
        ),
    ]
