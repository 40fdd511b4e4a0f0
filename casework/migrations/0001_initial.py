"""Requests and what follows them (submissions, files, timeline, handlers, holidays, ratings, reference
counters) move from `eforms` to `casework`: the same tables, renamed, with their rows; permissions
follow their content types, so groups keep what they were given."""

import uuid

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import casework.models.submissions
import eforms.storage

MOVED = [
    "holiday",
    "referencecounter",
    "submission",
    "satisfactionrating",
    "submissionevent",
    "submissionfile",
    "servicehandler",
]


def move_tables(apps, schema_editor, source="eforms", target="casework"):
    for name in MOVED:
        model = apps.get_model("eforms", name)
        schema_editor.alter_db_table(model, f"{source}_{name}", f"{target}_{name}")
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label=source, model__in=MOVED).update(app_label=target)


def move_tables_back(apps, schema_editor):
    move_tables(apps, schema_editor, source="casework", target="eforms")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("eforms", "0006_notifications_to_outbox"),
        # Tables that point at the moved ones must exist before the move, so their references follow.
        ("payments", "0002_permit_officer_permissions"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Holiday",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("date", models.DateField(unique=True, verbose_name="date")),
                        ("name", models.CharField(max_length=150, verbose_name="name")),
                    ],
                    options={
                        "verbose_name": "office holiday",
                        "verbose_name_plural": "office holidays",
                        "ordering": ["date"],
                    },
                ),
                migrations.CreateModel(
                    name="ReferenceCounter",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("prefix", models.CharField(max_length=4)),
                        ("year_code", models.CharField(max_length=2)),
                        ("last_number", models.PositiveIntegerField(default=0)),
                    ],
                    options={
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("prefix", "year_code"), name="eforms_unique_reference_counter"
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="Submission",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("reference", models.CharField(max_length=20, unique=True, verbose_name="reference")),
                        ("service_title", models.CharField(max_length=255, verbose_name="service name")),
                        ("language", models.CharField(max_length=8, verbose_name="language")),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("submitted", "Submitted"),
                                    ("in_review", "In review"),
                                    ("waiting", "Waiting for the citizen"),
                                    ("approved", "Approved"),
                                    ("rejected", "Rejected"),
                                    ("completed", "Completed"),
                                    ("withdrawn", "Withdrawn"),
                                ],
                                db_index=True,
                                default="submitted",
                                max_length=20,
                                verbose_name="status",
                            ),
                        ),
                        ("answers", models.JSONField(default=list, verbose_name="answers")),
                        (
                            "applicant_email",
                            models.EmailField(blank=True, max_length=254, verbose_name="applicant's email"),
                        ),
                        (
                            "fee_amount",
                            models.DecimalField(
                                blank=True,
                                decimal_places=2,
                                max_digits=10,
                                null=True,
                                verbose_name="fee (baht)",
                            ),
                        ),
                        (
                            "processing_days",
                            models.PositiveSmallIntegerField(verbose_name="processing time (working days)"),
                        ),
                        ("expected_completion", models.DateField(verbose_name="expected completion")),
                        (
                            "submitted_at",
                            models.DateTimeField(
                                db_index=True, default=django.utils.timezone.now, verbose_name="submitted at"
                            ),
                        ),
                        ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated at")),
                        (
                            "applicant_name",
                            models.CharField(blank=True, max_length=200, verbose_name="applicant's name"),
                        ),
                        (
                            "channel",
                            models.CharField(
                                choices=[("online", "Online"), ("counter", "At the counter")],
                                default="online",
                                max_length=10,
                                verbose_name="channel",
                            ),
                        ),
                        (
                            "version",
                            models.PositiveIntegerField(
                                default=1,
                                help_text="Raised by every change; a form built on an older one is refused.",
                                verbose_name="version",
                            ),
                        ),
                        (
                            "status_changed_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="status changed at"),
                        ),
                        (
                            "paused_since",
                            models.DateField(
                                blank=True, null=True, verbose_name="waiting for the citizen since"
                            ),
                        ),
                        (
                            "paused_days",
                            models.PositiveSmallIntegerField(
                                default=0, verbose_name="working days waiting for the citizen"
                            ),
                        ),
                        (
                            "information_requests",
                            models.PositiveSmallIntegerField(default=0, verbose_name="information requests"),
                        ),
                        (
                            "decided_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="decided at"),
                        ),
                        (
                            "completed_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="completed at"),
                        ),
                        (
                            "last_overdue_notice_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="last overdue notice"),
                        ),
                        (
                            "anonymised_at",
                            models.DateTimeField(
                                blank=True,
                                help_text="Past its retention, or at the citizen's request (PDPA); what remains is for statistics.",
                                null=True,
                                verbose_name="personal data erased at",
                            ),
                        ),
                        (
                            "assignee",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="assigned_submissions",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="assigned to",
                            ),
                        ),
                        (
                            "counter_officer",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="made at the counter by",
                            ),
                        ),
                        (
                            "service",
                            models.ForeignKey(
                                help_text="The Thai (source) version of the e-service page.",
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="submissions",
                                to="eforms.eservicepage",
                                verbose_name="service",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "submission",
                        "verbose_name_plural": "submissions",
                        "ordering": ["-submitted_at", "-pk"],
                        "permissions": [
                            ("handle_all_submissions", "Can see and handle the submissions of every service"),
                            (
                                "override_information_request",
                                "Can request information from a citizen more than once",
                            ),
                            ("view_reports", "Can see the e-service reports"),
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="SatisfactionRating",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "score",
                            models.PositiveSmallIntegerField(
                                validators=[
                                    django.core.validators.MinValueValidator(1),
                                    django.core.validators.MaxValueValidator(5),
                                ],
                                verbose_name="rating",
                            ),
                        ),
                        ("comment", models.TextField(blank=True, max_length=2000, verbose_name="comment")),
                        (
                            "created_at",
                            models.DateTimeField(default=django.utils.timezone.now, verbose_name="rated at"),
                        ),
                        (
                            "submission",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="rating",
                                to="casework.submission",
                                verbose_name="submission",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "satisfaction rating",
                        "verbose_name_plural": "satisfaction ratings",
                    },
                ),
                migrations.CreateModel(
                    name="SubmissionEvent",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="when")),
                        (
                            "kind",
                            models.CharField(
                                choices=[
                                    ("created", "Request received"),
                                    ("status", "Status changed"),
                                    ("assigned", "Assigned"),
                                    ("comment", "Internal comment"),
                                    ("message_out", "Message to the citizen"),
                                    ("message_in", "Message from the citizen"),
                                    ("file_viewed", "File opened"),
                                    ("override", "Administrator override"),
                                    ("email_sent", "Email sent"),
                                    ("email_failed", "Email failed"),
                                    ("overdue", "Overdue notice"),
                                    ("rating", "Satisfaction rating"),
                                    ("payment", "Payment"),
                                ],
                                max_length=20,
                                verbose_name="what",
                            ),
                        ),
                        ("actor_name", models.CharField(blank=True, max_length=150, verbose_name="by")),
                        (
                            "from_status",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("submitted", "Submitted"),
                                    ("in_review", "In review"),
                                    ("waiting", "Waiting for the citizen"),
                                    ("approved", "Approved"),
                                    ("rejected", "Rejected"),
                                    ("completed", "Completed"),
                                    ("withdrawn", "Withdrawn"),
                                ],
                                max_length=20,
                                verbose_name="from",
                            ),
                        ),
                        (
                            "to_status",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("submitted", "Submitted"),
                                    ("in_review", "In review"),
                                    ("waiting", "Waiting for the citizen"),
                                    ("approved", "Approved"),
                                    ("rejected", "Rejected"),
                                    ("completed", "Completed"),
                                    ("withdrawn", "Withdrawn"),
                                ],
                                max_length=20,
                                verbose_name="to",
                            ),
                        ),
                        ("message", models.TextField(blank=True, verbose_name="message")),
                        (
                            "visible_to_citizen",
                            models.BooleanField(default=False, verbose_name="shown to the citizen"),
                        ),
                        ("data", models.JSONField(blank=True, default=dict)),
                        (
                            "actor",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="by",
                            ),
                        ),
                        (
                            "submission",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="events",
                                to="casework.submission",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "timeline entry",
                        "verbose_name_plural": "timeline entries",
                        "ordering": ["at", "pk"],
                    },
                ),
                migrations.CreateModel(
                    name="SubmissionFile",
                    fields=[
                        (
                            "id",
                            models.UUIDField(
                                default=uuid.uuid4, editable=False, primary_key=True, serialize=False
                            ),
                        ),
                        ("field_key", models.CharField(max_length=50, verbose_name="field key")),
                        ("original_name", models.CharField(max_length=255, verbose_name="file name")),
                        ("file_type", models.CharField(max_length=8, verbose_name="file type")),
                        ("size", models.PositiveIntegerField(verbose_name="size (bytes)")),
                        (
                            "file",
                            models.FileField(
                                max_length=255,
                                storage=eforms.storage.private_storage,
                                upload_to=casework.models.submissions._submission_file_path,
                            ),
                        ),
                        (
                            "uploaded_at",
                            models.DateTimeField(
                                default=django.utils.timezone.now, verbose_name="uploaded at"
                            ),
                        ),
                        (
                            "event",
                            models.ForeignKey(
                                blank=True,
                                help_text="The citizen's reply this file came with (empty for files sent with the form).",
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="files",
                                to="casework.submissionevent",
                            ),
                        ),
                        (
                            "submission",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="files",
                                to="casework.submission",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "submitted file",
                        "verbose_name_plural": "submitted files",
                    },
                ),
                migrations.CreateModel(
                    name="ServiceHandler",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "group",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                to="auth.group",
                                verbose_name="staff group",
                            ),
                        ),
                        (
                            "service",
                            models.ForeignKey(
                                help_text="The Thai version of the e-service; requests in English belong to it too.",
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="handlers",
                                to="eforms.eservicepage",
                                verbose_name="e-service",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "service handler",
                        "verbose_name_plural": "service handlers",
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("service", "group"), name="eforms_unique_service_handler"
                            )
                        ],
                    },
                ),
                migrations.AddIndex(
                    model_name="submission",
                    index=models.Index(
                        fields=["service", "-submitted_at"], name="eforms_subm_service_089797_idx"
                    ),
                ),
                migrations.AddIndex(
                    model_name="submission",
                    index=models.Index(
                        fields=["status", "expected_completion"], name="eforms_sub_status_due"
                    ),
                ),
                migrations.AddIndex(
                    model_name="submission",
                    index=models.Index(fields=["expected_completion", "id"], name="eforms_sub_due"),
                ),
                migrations.AddIndex(
                    model_name="submission",
                    index=models.Index(fields=["assignee", "status"], name="eforms_sub_assignee"),
                ),
                migrations.AddConstraint(
                    model_name="satisfactionrating",
                    constraint=models.CheckConstraint(
                        condition=models.Q(("score__gte", 1), ("score__lte", 5)),
                        name="eforms_rating_between_1_and_5",
                    ),
                ),
                migrations.AddIndex(
                    model_name="submissionevent",
                    index=models.Index(fields=["submission", "at"], name="eforms_event_submission"),
                ),
            ],
            database_operations=[migrations.RunPython(move_tables, move_tables_back)],
        ),
    ]
