"""Submissions and what follows them now belong to `casework` (casework 0001 moved their tables); here
they leave the e-forms app's state only."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("eforms", "0006_notifications_to_outbox"),
        ("casework", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(
                    name="Holiday",
                ),
                migrations.DeleteModel(
                    name="ReferenceCounter",
                ),
                migrations.RemoveField(
                    model_name="satisfactionrating",
                    name="submission",
                ),
                migrations.RemoveField(
                    model_name="servicehandler",
                    name="group",
                ),
                migrations.RemoveField(
                    model_name="servicehandler",
                    name="service",
                ),
                migrations.RemoveField(
                    model_name="submission",
                    name="assignee",
                ),
                migrations.RemoveField(
                    model_name="submission",
                    name="counter_officer",
                ),
                migrations.RemoveField(
                    model_name="submission",
                    name="service",
                ),
                migrations.RemoveField(
                    model_name="submissionfile",
                    name="submission",
                ),
                migrations.RemoveField(
                    model_name="submissionevent",
                    name="submission",
                ),
                migrations.RemoveField(
                    model_name="submissionevent",
                    name="actor",
                ),
                migrations.RemoveField(
                    model_name="submissionfile",
                    name="event",
                ),
                migrations.DeleteModel(
                    name="SatisfactionRating",
                ),
                migrations.DeleteModel(
                    name="ServiceHandler",
                ),
                migrations.DeleteModel(
                    name="Submission",
                ),
                migrations.DeleteModel(
                    name="SubmissionEvent",
                ),
                migrations.DeleteModel(
                    name="SubmissionFile",
                ),
            ],
        ),
    ]
