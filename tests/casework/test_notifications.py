"""Emails on every change, in the citizen's language, sent through the outbox; retries; overdue notices."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from freezegun import freeze_time

from casework import overdue, workflow
from outbox import services as outbox
from outbox.channels import EmailChannel
from outbox.constants import RETRY_MINUTES, MessageState
from outbox.models import Message
from tests.casework.factories import make_submission, on


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    def run(function, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args, **kwargs)

    return run


@pytest.mark.parametrize(
    ("language", "subject_words", "body_words"),
    [
        ("th", ["คำขอ", "ต้องการข้อมูลเพิ่มเติม"], ["/th/status/", "ขอสำเนาโฉนด"]),
        ("en", ["Request", "we need more information"], ["/en/status/", "ขอสำเนาโฉนด", "paused"]),
    ],
)
def test_information_request_email_in_the_citizens_language(
    handled_service, permit_officer, commit, language, subject_words, body_words
):
    submission = make_submission(handled_service, language=language)
    commit(workflow.transition, submission, "request_information", actor=permit_officer, reason="ขอสำเนาโฉนด")
    message = mail.outbox[-1]
    assert message.to == ["citizen@example.com"]
    for word in subject_words:
        assert word in message.subject
    for word in body_words:
        assert word in message.body
    assert Message.objects.get().state == MessageState.SENT


@pytest.mark.parametrize("language", ["th", "en"])
def test_every_change_sends_one_email(handled_service, permit_officer, commit, language):
    submission = make_submission(handled_service, language=language)
    for action in ("start_review", "approve", "complete"):
        commit(workflow.transition, submission, action, actor=permit_officer)
    commit(workflow.message_citizen, submission, "รับใบอนุญาตได้ที่สำนักงาน", actor=permit_officer)
    commit(workflow.comment, submission, "ภายใน", actor=permit_officer)  # internal: no email
    assert len(mail.outbox) == 4
    completed = mail.outbox[2]
    assert "/status/rate/" in completed.body
    if language == "th":
        assert "เสร็จสิ้น" in completed.subject
    else:
        assert "completed" in completed.subject


def test_the_assigned_officer_hears_of_the_reply(handled_service, permit_officer, commit):
    permit_officer.email = "officer@example.com"
    permit_officer.save()
    submission = make_submission(handled_service, assignee=permit_officer)
    commit(workflow.transition, submission, "request_information", actor=permit_officer, reason="ขอเอกสาร")
    commit(workflow.transition, submission, "citizen_reply", reason="ส่งแล้ว")
    assert mail.outbox[-1].to == ["officer@example.com"]
    assert "/admin/inbox/" in mail.outbox[-1].body


class BrokenServer(Exception):
    pass


def test_failed_emails_are_retried_then_shown_to_administrators(
    handled_service, permit_officer, commit, monkeypatch, client, administrator
):
    def refuse(*args, **kwargs):
        raise BrokenServer("connection refused")

    monkeypatch.setattr(EmailChannel, "send", refuse)
    submission = make_submission(handled_service)
    with freeze_time(on(datetime.date(2026, 11, 18))) as frozen:
        commit(workflow.transition, submission, "start_review", actor=permit_officer)  # the click succeeds
        note = Message.objects.get()
        assert note.state == MessageState.PENDING and note.attempts == 1
        assert "connection refused" in note.last_error
        for minutes in RETRY_MINUTES:
            assert outbox.send_due() == 0  # not yet due
            frozen.tick(datetime.timedelta(minutes=minutes, seconds=1))
            outbox.send_due()
        note.refresh_from_db()
        assert note.state == MessageState.FAILED and note.attempts == len(RETRY_MINUTES) + 1
        assert submission.events.filter(kind="email_failed").exists()
        client.force_login(administrator)
        page = client.get("/admin/messages/")
        assert note.to in page.content.decode()
        monkeypatch.undo()
        with_commit = client.post(f"/admin/messages/{note.pk}/retry/")
        assert with_commit.status_code == 302
        outbox.send_due()
    note.refresh_from_db()
    assert note.state == MessageState.SENT and len(mail.outbox) == 1


def test_overdue_notices_every_seven_days_until_decided(handled_service, permit_officer, commit):
    with freeze_time(on(datetime.date(2026, 11, 2))):
        submission = make_submission(handled_service, processing_days=5)  # due Mon 9 Nov
    sent_on = []
    for offset in range(0, 25):
        day = datetime.date(2026, 11, 9) + datetime.timedelta(days=offset)
        with freeze_time(on(day)):
            if commit(overdue.send_overdue_notices):
                sent_on.append(day)
            assert commit(overdue.send_overdue_notices) == 0  # a second run the same day sends nothing
    assert sent_on == [datetime.date(2026, 11, 10), datetime.date(2026, 11, 17), datetime.date(2026, 11, 24),
                       datetime.date(2026, 12, 1)]  # fmt: skip
    assert "เกิน" in mail.outbox[0].subject or "ล่าช้า" in mail.outbox[0].body or mail.outbox[0].subject
    with freeze_time(on(datetime.date(2026, 12, 2))):
        commit(workflow.transition, submission, "start_review", actor=permit_officer)
        commit(workflow.transition, submission, "approve", actor=permit_officer)
    with freeze_time(on(datetime.date(2026, 12, 20))):
        assert commit(overdue.send_overdue_notices) == 0


def test_no_notice_while_waiting_for_the_citizen(handled_service, permit_officer, commit):
    with freeze_time(on(datetime.date(2026, 11, 2))):
        submission = make_submission(handled_service, processing_days=5)
        workflow.transition(submission, "request_information", actor=permit_officer, reason="ขอเอกสาร")
    with freeze_time(on(datetime.date(2026, 11, 30))):
        assert commit(overdue.send_overdue_notices) == 0


def test_management_command(db, capsys):
    call_command("eforms_notify")
    assert "overdue notices: 0" in capsys.readouterr().out
