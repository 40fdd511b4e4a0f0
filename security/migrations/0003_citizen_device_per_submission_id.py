"""Citizens' code devices name their request by its id: a reference is unique only within its office.

The devices kept so far are deleted rather than matched: a code lives 10 minutes, and a citizen who
was waiting for one asks for a new one (the hourly limits are counted in the cache, not here).
"""

from django.db import migrations, models


def delete_devices(apps, schema_editor):
    apps.get_model("security", "CitizenDevice").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("security", "0002_delete_accesslog")]

    operations = [
        migrations.RunPython(delete_devices, migrations.RunPython.noop),
        migrations.RemoveConstraint(model_name="citizendevice", name="security_one_device_per_address"),
        migrations.RemoveField(model_name="citizendevice", name="submission_reference"),
        migrations.AddField(
            model_name="citizendevice",
            name="submission_id",
            field=models.PositiveBigIntegerField(db_index=True, default=0, verbose_name="request id"),
            preserve_default=False,
        ),
        migrations.AddConstraint(
            model_name="citizendevice",
            constraint=models.UniqueConstraint(
                fields=("submission_id", "address"), name="security_one_device_per_request_address"
            ),
        ),
    ]
