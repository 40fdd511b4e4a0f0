"""Emails waiting in the e-forms outbox move to the one outbox of every message (`outbox.Message`);
the request they concern is kept by its reference."""

from django.db import migrations


def copy_to_outbox(apps, schema_editor):
    Notification = apps.get_model("eforms", "Notification")
    Message = apps.get_model("outbox", "Message")
    Message.objects.bulk_create(
        [
            Message(
                channel="email",
                kind=n.kind,
                to=n.to,
                language=n.language,
                subject=n.subject,
                body=n.body,
                reference=n.submission.reference if n.submission_id else "",
                state=n.state,
                attempts=n.attempts,
                last_error=n.last_error,
                created_at=n.created_at,
                next_attempt_at=n.next_attempt_at,
                sent_at=n.sent_at,
            )
            for n in Notification.objects.select_related("submission").order_by("pk").iterator()
        ],
        batch_size=500,
    )
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="eforms", model="notification").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("eforms", "0005_personal_data"),
        ("outbox", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(copy_to_outbox, migrations.RunPython.noop),
        migrations.DeleteModel(name="Notification"),
    ]
