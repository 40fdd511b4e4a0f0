import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("casework", "0010_survey_five_questions"),
    ]

    operations = [
        migrations.AlterField(
            model_name="satisfactionrating",
            name="office",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="offices.office",
                verbose_name="office",
            ),
        ),
    ]
