"""The one outbox: every message is recorded, sent after the commit that caused it, retried, listed when
it fails; a citizen waiting on a page gets the first try at once; secrets leave the outbox once sent."""

import datetime

import pytest
from django.core import mail
from django.db import transaction
from django.db.models import QuerySet
from freezegun import freeze_time

from outbox import attachments, channels
from outbox import services as outbox
from outbox.channels import EmailChannel
from outbox.constants import REMOVED_BODY, RETRY_MINUTES, MessageState
from outbox.models import Message

pytestmark = pytest.mark.django_db


class MailServerDown(Exception):
    pass


@pytest.fixture
def mail_server_down(monkeypatch):
    def refuse(self, message, files):
        raise MailServerDown("connection refused")

    monkeypatch.setattr(EmailChannel, "send", refuse)


def queue(**extra):
    values = {"to": "somchai@example.com", "subject": "เรื่อง", "body": "ข้อความ", "kind": "test", **extra}
    return outbox.queue(**values)


def test_a_message_goes_only_once_its_transaction_has_committed(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        message = queue(reference="BS-69-000001", submission_id=7)
        assert mail.outbox == []  # not before the commit
    assert [m.subject for m in mail.outbox] == ["เรื่อง"]
    message.refresh_from_db()
    assert (message.state, message.attempts, message.reference) == (MessageState.SENT, 1, "BS-69-000001")


def test_a_rolled_back_change_sends_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                queue()
                raise RuntimeError("the officer's change failed")
        except RuntimeError:
            pass
    assert mail.outbox == [] and not Message.objects.exists()


def test_an_urgent_message_is_tried_at_once():
    message = queue(urgent=True)
    assert message.state == MessageState.SENT and len(mail.outbox) == 1


def test_a_secret_leaves_the_outbox_once_sent_and_cannot_be_sent_again(mail_server_down):
    sent = queue(urgent=True, sensitive=True, body="รหัส 123456")
    assert sent.state == MessageState.PENDING and sent.body == "รหัส 123456"  # kept for the retry
    with freeze_time() as frozen:
        for minutes in RETRY_MINUTES:
            frozen.tick(datetime.timedelta(minutes=minutes, seconds=1))
            outbox.send_due()
    sent.refresh_from_db()
    assert sent.state == MessageState.FAILED and sent.body == REMOVED_BODY
    assert outbox.retry(sent) is False  # the citizen asks for a new code instead


def test_a_failed_message_is_retried_on_the_schedule_then_listed(mail_server_down, client, administrator):
    with freeze_time("2026-11-27 09:00") as frozen:
        message = queue(urgent=True)
        assert message.attempts == 1 and "connection refused" in message.last_error
        for minutes in RETRY_MINUTES:
            assert outbox.send_due() == 0  # not yet due
            frozen.tick(datetime.timedelta(minutes=minutes, seconds=1))
            assert outbox.send_due() == 1
    message.refresh_from_db()
    assert message.state == MessageState.FAILED and message.attempts == len(RETRY_MINUTES) + 1
    assert outbox.failed_count() == 1
    client.force_login(administrator)
    assert "somchai@example.com" in client.get("/admin/messages/").text


def test_an_unknown_channel_is_refused_before_anything_is_written():
    with pytest.raises(LookupError):
        queue(channel="carrier-pigeon")
    assert not Message.objects.exists()


def test_a_new_channel_and_an_attachment_maker_plug_in_by_registration(monkeypatch):
    delivered = []

    @channels.register("test-sms")
    class SmsChannel:
        def send(self, message, files):
            delivered.append((message.to, message.body, files))

    attachments.register("test.note", lambda spec: (f"{spec['n']}.txt", b"hello", "text/plain"))
    try:
        message = queue(
            channel="test-sms", to="0812345678", attachments=[{"kind": "test.note", "n": 7}], urgent=True
        )
    finally:
        channels._channels.pop("test-sms")
        attachments._makers.pop("test.note")
    assert message.state == MessageState.SENT
    assert delivered == [("0812345678", "ข้อความ", [("7.txt", b"hello", "text/plain")])]


def test_no_recipient_no_message():
    assert queue(to="") is None and not Message.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_sent_message_is_recorded_through_a_database_hiccup_and_never_sent_again(monkeypatch):
    """The mail server took the message, then the database connection was cut: the worker reconnects
    and records it, so the safety net (`send_due`) has nothing to send again."""
    real_update = QuerySet.update
    failures = []

    def cut_once(self, **values):
        if values.get("state") == MessageState.SENT and len(failures) < 2:
            failures.append(values)
            raise outbox.OperationalError("server closed the connection unexpectedly")
        return real_update(self, **values)

    monkeypatch.setattr(QuerySet, "update", cut_once)
    monkeypatch.setattr(outbox, "RECORD_WAITS", (0, 0))
    monkeypatch.setattr(outbox.time, "sleep", lambda seconds: None)
    message = queue()
    assert len(failures) == 2
    message.refresh_from_db()
    assert message.state == MessageState.SENT and message.claimed_by == ""
    with freeze_time(datetime.datetime.now() + datetime.timedelta(hours=1)):
        assert outbox.send_due() == 0
    assert len(mail.outbox) == 1


def test_a_message_sent_twice_after_all_carries_one_message_id_so_mail_programs_show_one_copy():
    message = queue(sender="เทศบาลตำบลหนองบัว <saraban@nongbua.go.th>", urgent=True)
    queue(sender="เทศบาลตำบลหนองบัว <saraban@nongbua.go.th>", urgent=True)
    EmailChannel().send(message, [])  # the worker killed between sending and recording, then sent again
    ids = [sent.message()["Message-ID"] for sent in mail.outbox]
    assert ids[0] == ids[2] != ids[1]
    assert ids[0].endswith("@nongbua.go.th>")
