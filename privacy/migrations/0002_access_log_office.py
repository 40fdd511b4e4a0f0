"""Each entry of the personal-data log names the office of the record opened, so that an office's
administrators read their own office's entries. Earlier entries about a request or its file get it."""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def fill_office(apps, schema_editor):
    AccessLog = apps.get_model("privacy", "AccessLog")
    Submission = apps.get_model("casework", "Submission")
    SubmissionFile = apps.get_model("casework", "SubmissionFile")
    for object_type, model, office in (
        ("casework.submission", Submission, "office_id"),
        ("casework.submissionfile", SubmissionFile, "submission__office_id"),
    ):
        # object_id is text; compare it with the record's id as text on both databases.
        records = model.objects.annotate(key=models.functions.Cast("pk", models.CharField()))
        AccessLog.objects.filter(object_type=object_type, office__isnull=True).update(
            office_id=Subquery(records.filter(key=OuterRef("object_id")).values(office)[:1])
        )


class Migration(migrations.Migration):
    dependencies = [
        ("offices", "0005_office_administrators"),
        ("casework", "0004_submission_office"),
        ("privacy", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="accesslog",
            name="office",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="offices.office",
                verbose_name="office",
            ),
        ),
        migrations.RunPython(fill_office, migrations.RunPython.noop),
    ]
