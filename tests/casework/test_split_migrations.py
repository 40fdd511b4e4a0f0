"""The apps were split (eforms → casework, outbox; security → privacy) by migrations that move tables
and their rows. Run them from the state before the split with real rows, on this test's database
(SQLite or PostgreSQL), and check that nothing is lost and new rows still reference correctly."""

import datetime

import pytest

from tests.migrations import latest, migrate

BEFORE = [
    ("eforms", "0005_personal_data"),
    ("payments", "0002_permit_officer_permissions"),
    ("security", "0001_initial"),
    ("outbox", None),
    ("casework", None),
    ("privacy", None),
]


@pytest.mark.django_db(transaction=True)
def test_rows_survive_the_split(django_user_model):
    newest = latest()
    try:
        old = migrate(BEFORE)
        Group = old.get_model("auth", "Group")
        Permission = old.get_model("auth", "Permission")
        User = old.get_model("auth", "User")
        officer = User.objects.create(username="officer")
        group = Group.objects.create(name="Inspectors")
        group.permissions.add(
            Permission.objects.get(content_type__app_label="eforms", codename="handle_all_submissions"),
            Permission.objects.get(content_type__app_label="security", codename="view_accesslog"),
        )
        Submission = old.get_model("eforms", "Submission")
        submission = Submission.objects.create(
            reference="GF-69-000001",
            service_title="ค่าธรรมเนียมเก็บขยะ",
            language="th",
            applicant_email="somchai@example.com",
            processing_days=3,
            expected_completion=datetime.date(2026, 12, 1),
            assignee=officer,
        )
        event = old.get_model("eforms", "SubmissionEvent").objects.create(
            submission=submission, kind="created"
        )
        old.get_model("eforms", "SubmissionFile").objects.create(
            submission=submission, field_key="doc", original_name="บัตร.pdf", file_type="pdf", size=5,
            file="submissions/x.pdf", event=event,
        )  # fmt: skip
        old.get_model("eforms", "Notification").objects.create(
            submission=submission, kind="received", to="somchai@example.com", language="th",
            subject="ได้รับคำขอแล้ว", body="เรียนคุณสมชาย", state="failed", attempts=5,
        )  # fmt: skip
        old.get_model("eforms", "SatisfactionRating").objects.create(submission=submission, score=5)
        old.get_model("payments", "Payment").objects.create(
            submission=submission, channel="counter", amount=4000, description="x"
        )
        old.get_model("security", "AccessLog").objects.create(
            username="officer", action="view", object_type="eforms.submission", object_id="1"
        )

        new = migrate(newest)
        moved = new.get_model("casework", "Submission").objects.get(reference="GF-69-000001")
        assert moved.assignee_id == officer.pk and moved.applicant_email == "somchai@example.com"
        # A request whose service page is gone belongs to the default site's office.
        assert moved.office.site.is_default_site
        assert moved.events.get().files.get().original_name == "บัตร.pdf"
        assert new.get_model("casework", "SatisfactionRating").objects.get().score == 5
        message = new.get_model("outbox", "Message").objects.get()
        assert (message.reference, message.state, message.attempts, message.to) == (
            "GF-69-000001", "failed", 5, "somchai@example.com",
        )  # fmt: skip
        assert new.get_model("privacy", "AccessLog").objects.get().object_id == "1"
        payment = new.get_model("payments", "Payment").objects.get()
        assert payment.submission_id == moved.pk
        # New rows point at the moved tables (SQLite rewrites references on rename; PostgreSQL keeps them).
        second = new.get_model("casework", "Submission").objects.create(
            reference="GF-69-000002", service_title="x", language="th", processing_days=1,
            expected_completion=datetime.date(2026, 12, 1), office=moved.office,
        )  # fmt: skip
        new.get_model("payments", "Payment").objects.create(
            submission=second, channel="counter", amount=100, description="y"
        )
        inspector = django_user_model.objects.create(username="inspector")
        inspector.groups.add(group.pk)
        inspector = django_user_model.objects.get(pk=inspector.pk)
        assert inspector.has_perm("casework.handle_all_submissions")
        assert inspector.has_perm("privacy.view_accesslog")
    finally:
        migrate(newest)
