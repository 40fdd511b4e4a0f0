"""Retention: `purge_expired_submissions` erases finished requests past their service's period,
keeps what the reports and the accounts need, and does nothing the second time."""

import datetime
import logging
import os

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from freezegun import freeze_time

from casework import reports, retention, timeline, workflow
from casework.constants import EventKind, SubmissionStatus, SurveySource
from casework.models import SatisfactionRating, Submission, SubmissionFile
from eforms.constants import ServiceCategory
from offices.lookup import default_office
from outbox.models import Message
from payments import counter as payment_counter
from payments.models import Receipt
from privacy.models import AccessLog
from security.models import CitizenDevice
from tests.casework.factories import make_submission
from tests.eforms.factories import PDF_BYTES, VALID_ID, make_service

pytestmark = pytest.mark.django_db

EMAIL = "somchai@example.com"
PHONE = "0812345678"


def personal_answers(email=EMAIL, national_id=VALID_ID, phone=PHONE):
    return [
        {"key": "full_name", "label": "ชื่อ-นามสกุล", "type": "singleline", "step": "ผู้ยื่น",
         "value": "สมชาย ใจดี", "display": "สมชาย ใจดี"},
        {"key": "national_id", "label": "เลขประจำตัวประชาชน", "type": "national_id", "step": "ผู้ยื่น",
         "value": national_id, "display": national_id},
        {"key": "email", "label": "อีเมล", "type": "email", "step": "ผู้ยื่น", "value": email, "display": email},
        {"key": "phone", "label": "โทรศัพท์", "type": "phone", "step": "ผู้ยื่น", "value": phone, "display": phone},
        {"key": "id_card_copy", "label": "สำเนาบัตรประชาชน", "type": "file", "step": "เอกสาร",
         "value": [{"name": "บัตร.pdf", "size": len(PDF_BYTES)}], "display": "บัตร.pdf"},
    ]  # fmt: skip


def finished_request(
    service, officer, *, finished_on, status="completed", email=EMAIL, paid=False, **answers
):
    """A request submitted, handled and finished (completed, rejected or withdrawn) on `finished_on`,
    with a file, a citizen's message, an email, a rating, a code device and, if `paid`, a receipt."""
    with freeze_time(finished_on - datetime.timedelta(days=20)):
        submission = make_submission(
            service, answers=personal_answers(email=email, **answers), applicant_email=email
        )
        record = SubmissionFile(
            submission=submission, field_key="id_card_copy", original_name="บัตร.pdf", file_type="pdf",
            size=len(PDF_BYTES),
        )  # fmt: skip
        record.file.save("card.pdf", ContentFile(PDF_BYTES), save=True)
        timeline.record(
            submission,
            EventKind.MESSAGE_FROM_CITIZEN,
            message=f"โทรหาผมที่ {PHONE} ได้ครับ",
            actor_name="สมชาย ใจดี",
            visible_to_citizen=True,
            data={"to": email},
        )
        Message.objects.create(
            reference=submission.reference,
            submission_id=submission.pk,
            kind="received",
            to=email,
            language="th",
            subject="ได้รับคำขอแล้ว",
            body="เรียนคุณสมชาย",
        )
        CitizenDevice.objects.create(submission_id=submission.pk, address=email, name="code")
        if paid:
            payment_counter.record_counter_payment(
                submission, amount=4000, method="cash", note_text="คุณสมชาย ชำระเงินสด", officer=officer
            )
    with freeze_time(finished_on):
        if status == SubmissionStatus.WITHDRAWN:
            return workflow.transition(submission, workflow.Action.WITHDRAW, citizen_name="สมชาย ใจดี")
        workflow.transition(submission, workflow.Action.START_REVIEW, actor=officer)
        if status == SubmissionStatus.REJECTED:
            return workflow.transition(
                submission, workflow.Action.REJECT, actor=officer, reason="ขาดเอกสารของคุณสมชาย"
            )
        workflow.transition(submission, workflow.Action.APPROVE, actor=officer)
        submission = workflow.transition(submission, workflow.Action.COMPLETE, actor=officer)
        SatisfactionRating.objects.create(submission=submission, score=5, comment="คุณสมชายพอใจมาก")
        return submission


def assert_erased(submission, email=EMAIL):
    submission.refresh_from_db()
    assert submission.anonymised_at is not None
    assert submission.applicant_email == "" and submission.applicant_name == ""
    assert [item["label"] for item in submission.answers] == [
        "ชื่อ-นามสกุล", "เลขประจำตัวประชาชน", "อีเมล", "โทรศัพท์", "สำเนาบัตรประชาชน",
    ]  # fmt: skip
    assert all(item["value"] is None and item["display"] == "" for item in submission.answers)
    stored = str(Submission.objects.filter(pk=submission.pk).values_list("answers", flat=True)[0])
    assert VALID_ID not in stored and email not in stored and "สมชาย" not in stored
    assert not SubmissionFile.objects.filter(submission=submission).exists()
    for event in submission.events.all():
        assert PHONE not in event.message and "สมชาย" not in event.message + event.actor_name
        assert email not in str(event.data)
    assert not Message.objects.filter(submission_id=submission.pk).exists()
    assert not CitizenDevice.objects.filter(submission_id=submission.pk).exists()


def purge(*args):
    call_command("purge_expired_submissions", *args)


def test_defaults_follow_the_category_and_an_editor_can_override_them(catalogue):
    licence = make_service(catalogue, slug="licence", category=ServiceCategory.LICENCES)
    request = make_service(
        catalogue, slug="request", category=ServiceCategory.REQUESTS, reference_prefix="RQ"
    )
    assert retention.retention_years(licence) == 5
    assert retention.retention_years(request) == 1
    request.retention_years = 3
    assert retention.retention_years(request) == 3
    assert retention.retention_years(None) == retention.FALLBACK_RETENTION_YEARS


def test_a_request_past_its_retention_is_anonymised_and_the_rest_is_kept(
    handled_service, administrator, settings, caplog
):
    service = handled_service  # category: requests, 1 year
    old = finished_request(
        service, administrator, finished_on=datetime.datetime(2025, 1, 10, 12, tzinfo=datetime.UTC)
    )
    recent = finished_request(
        service, administrator, finished_on=datetime.datetime(2025, 9, 1, 12, tzinfo=datetime.UTC)
    )
    path = SubmissionFile.objects.get(submission=old).file.path
    before = {f: getattr(old, f) for f in ("reference", "service_id", "status", "submitted_at", "completed_at", "expected_completion", "fee_amount")}  # fmt: skip
    report_before = [row.__dict__ for row in reports.monthly(Submission.objects.all(), 2025)]

    with freeze_time("2026-02-01 03:00"), caplog.at_level(logging.INFO, logger="casework.retention"):
        purge()

    assert_erased(old)
    assert {f: getattr(old, f) for f in before} == before
    assert old.events.filter(kind=EventKind.STATUS).count() == 3  # the states stay on the timeline
    assert SatisfactionRating.objects.get(submission=old).score == 5
    assert SatisfactionRating.objects.get(submission=old).comment == ""
    assert not os.path.exists(path)
    assert [row.__dict__ for row in reports.monthly(Submission.objects.all(), 2025)] == report_before
    recent.refresh_from_db()
    assert recent.anonymised_at is None and recent.applicant_email == EMAIL
    assert SubmissionFile.objects.filter(submission=recent).count() == 1
    entry = AccessLog.objects.get(action=AccessLog.Action.ERASE)
    assert (entry.username, entry.object_id, entry.user) == ("system", str(old.pk), None)
    assert old.reference in caplog.text and "Erased the personal data of 1 submission(s)" in caplog.text


def test_rejected_and_withdrawn_count_from_their_decision_and_licences_wait_five_years(
    catalogue,
    administrator,
):
    licence = make_service(
        catalogue, slug="licence", category=ServiceCategory.LICENCES, reference_prefix="LC"
    )
    request = make_service(
        catalogue, slug="request", category=ServiceCategory.REQUESTS, reference_prefix="RQ"
    )
    when = datetime.datetime(2024, 3, 1, 12, tzinfo=datetime.UTC)
    licence_done = finished_request(licence, administrator, finished_on=when)
    rejected = finished_request(request, administrator, finished_on=when, status="rejected")
    withdrawn = finished_request(request, administrator, finished_on=when, status="withdrawn")
    open_one = make_submission(request, submitted_at=when, status="in_review")

    with freeze_time("2026-03-02"):
        purge()

    assert_erased(rejected)
    assert_erased(withdrawn)
    for kept in (licence_done, open_one):
        kept.refresh_from_db()
        assert kept.anonymised_at is None and kept.applicant_email
    with freeze_time("2029-03-02"):
        purge()
    assert_erased(licence_done)
    open_one.refresh_from_db()
    assert open_one.anonymised_at is None  # never finished: never erased


def test_a_per_service_period_overrides_the_category(catalogue, administrator):
    service = make_service(
        catalogue, slug="kept-longer", category=ServiceCategory.REQUESTS, retention_years=3
    )
    done = finished_request(
        service, administrator, finished_on=datetime.datetime(2024, 1, 5, tzinfo=datetime.UTC)
    )
    with freeze_time("2026-01-06"):
        purge()
    done.refresh_from_db()
    assert done.anonymised_at is None
    with freeze_time("2027-01-06"):
        purge()
    assert_erased(done)


def test_dry_run_changes_nothing_and_a_second_run_does_nothing(handled_service, administrator, capsys):
    done = finished_request(
        handled_service, administrator, finished_on=datetime.datetime(2024, 1, 5, tzinfo=datetime.UTC)
    )
    with freeze_time("2026-01-06"):
        purge("--dry-run")
        assert "Would erase " + done.reference in capsys.readouterr().out
        done.refresh_from_db()
        assert done.anonymised_at is None and done.applicant_email == EMAIL
        assert not AccessLog.objects.exists()
        purge()
        purge()
    assert "Erased the personal data of 0 submission(s)" in capsys.readouterr().out.splitlines()[-1]
    assert AccessLog.objects.filter(action=AccessLog.Action.ERASE).count() == 1
    assert_erased(done)


def test_payments_keep_amounts_and_receipts_without_the_payer(handled_service, administrator):
    done = finished_request(
        handled_service,
        administrator,
        finished_on=datetime.datetime(2024, 1, 5, tzinfo=datetime.UTC),
        paid=True,
    )
    payment = done.payments.get()
    receipt = Receipt.objects.get(payment=payment)
    with freeze_time("2026-01-06"):
        purge()
    payment.refresh_from_db()
    assert (payment.amount, payment.amount_received, payment.status) == (4000, 4000, "paid")
    assert payment.paid_at is not None and payment.counter_note == ""
    assert Receipt.objects.get(payment=payment).number == receipt.number
    assert all("สมชาย" not in line.message for line in payment.log.all())
    assert_erased(done)


def test_anonymous_counter_comments_are_cleared_after_a_year(site_pages):
    """The counter's tablet answers tied to no request: their comments may name someone, so they go
    after a year like the shortest retention; the scores stay for the statistics."""
    office = default_office()
    old = SatisfactionRating.objects.create(
        office=office, score=2, comment="คุณสมชายพูดไม่สุภาพ", source=SurveySource.COUNTER,
        created_at=datetime.datetime(2025, 11, 1, 10, tzinfo=datetime.UTC),
    )  # fmt: skip
    recent = SatisfactionRating.objects.create(
        office=office, score=5, comment="บริการรวดเร็ว", source=SurveySource.COUNTER,
        created_at=datetime.datetime(2026, 11, 1, 10, tzinfo=datetime.UTC),
    )  # fmt: skip
    with freeze_time("2026-12-06 12:00:00+07:00"):
        purge()
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.comment, old.score) == ("", 2)
    assert recent.comment == "บริการรวดเร็ว"
