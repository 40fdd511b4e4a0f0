"""Reports made before `first_response_at` existed take it from their request's timeline: the first
entry by staff that the reporter could see (a change of state or a message; public answers are
messages too). A data migration of its own (schema and data apart, for PostgreSQL)."""

from django.db import migrations
from django.db.models import OuterRef, Subquery


def fill(apps, schema_editor):
    report = apps.get_model("problems", "ProblemReport")
    event = apps.get_model("casework", "SubmissionEvent")
    first = (
        event.objects.filter(
            submission_id=OuterRef("submission_id"),
            actor__isnull=False,
            visible_to_citizen=True,
            kind__in=["status", "message_out"],
        )
        .order_by("at", "pk")
        .values("at")[:1]
    )
    report.objects.filter(first_response_at__isnull=True).update(first_response_at=Subquery(first))


class Migration(migrations.Migration):
    dependencies = [
        ("casework", "0011_survey_answer_office_required"),
        ("problems", "0005_late_reports_first_answer"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
