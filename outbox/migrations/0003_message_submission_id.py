"""Messages name their request by its id: a reference is unique only within its office. Messages
written before are linked by casework's migration 0008 (the outbox does not know requests)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("outbox", "0002_message_claim")]

    operations = [
        migrations.AddField(
            model_name="message",
            name="submission_id",
            field=models.PositiveBigIntegerField(
                blank=True, db_index=True, null=True, verbose_name="request id"
            ),
        ),
    ]
