"""The outbox's messages written before now name their request by reference only; give them its id
(references were still unique in the installation until this release, so each names one request).
Here rather than in the outbox, which does not know requests."""

from django.db import migrations


def link_messages(apps, schema_editor):
    Message = apps.get_model("outbox", "Message")
    Submission = apps.get_model("casework", "Submission")
    references = set(
        Message.objects.filter(submission_id__isnull=True)
        .exclude(reference="")
        .values_list("reference", flat=True)
    )
    ids = dict(Submission.objects.filter(reference__in=references).values_list("reference", "pk"))
    for reference, pk in ids.items():
        Message.objects.filter(submission_id__isnull=True, reference=reference).update(submission_id=pk)


class Migration(migrations.Migration):
    dependencies = [
        ("casework", "0007_references_unique_per_office"),
        ("outbox", "0003_message_submission_id"),
    ]

    operations = [migrations.RunPython(link_messages, migrations.RunPython.noop)]
