"""The real worker: django-tasks' database backend and its `db_worker`, sending to a real SMTP server on
loopback. What was queued is sent by the worker (never in the request), a down mail server defers the
message on the promised schedule and it is delivered later, and nothing is ever sent twice."""

import datetime
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection, transaction
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from outbox import channels, conf
from outbox import services as outbox
from outbox.constants import MessageState
from outbox.models import Message
from tests.outbox.smtp import LocalSmtp

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
ROOT = Path(__file__).resolve().parents[2]


def queue(subject, **extra):
    return outbox.queue(to="somchai@example.com", subject=subject, body="ข้อความ", kind="test", **extra)


def run_worker():
    """One `db_worker --batch` pass in this process: every task that is due, then stop."""
    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    ).run()


@pytest.fixture
def smtp():
    server = LocalSmtp()
    yield server
    server.stop()


def ready_tasks():
    return DBTaskResult.objects.filter(status=TaskResultStatus.READY)


@pytest.mark.django_db(transaction=True)
def test_the_worker_sends_what_was_committed_and_the_request_sends_nothing(smtp):
    smtp.start()
    with override_settings(TASKS=DATABASE_TASKS, **smtp.settings()):
        with pytest.raises(RuntimeError), transaction.atomic():
            queue("ยกเลิก")
            raise RuntimeError("the officer's change failed")
        assert not Message.objects.exists() and not DBTaskResult.objects.exists()  # rolled back together

        later = queue("แจ้งสถานะ")
        code = queue("รหัสยืนยัน", urgent=True, sensitive=True)
        assert smtp.received == [] and code.state == MessageState.PENDING  # the page waited for nothing
        assert {t.priority for t in ready_tasks()} == {0, conf.URGENT_PRIORITY}

        run_worker()

    assert smtp.subjects == ["รหัสยืนยัน", "แจ้งสถานะ"]  # the citizen's code goes first
    assert smtp.received[0][0] == ("somchai@example.com",)
    later.refresh_from_db()
    code.refresh_from_db()
    assert (later.state, later.attempts, code.state, code.body) == ("sent", 1, "sent", "—")
    assert not ready_tasks().exists()


@pytest.mark.django_db(transaction=True)
def test_a_down_mail_server_defers_the_message_and_it_is_delivered_once_the_server_is_back(smtp):
    with override_settings(TASKS=DATABASE_TASKS, **smtp.settings()):
        # The promised schedule: the next try is a task the worker runs in 1 minute, then 5.
        message = queue("ใบตอบรับ", urgent=True)
        run_worker()
        message.refresh_from_db()
        assert (message.state, message.attempts) == (MessageState.PENDING, 1)
        assert "ConnectionRefusedError" in message.last_error
        retry = ready_tasks().get()
        assert abs((retry.run_after - timezone.now()) - datetime.timedelta(minutes=1)) < datetime.timedelta(
            seconds=10
        )
        run_worker()  # not due yet: the worker leaves it
        message.refresh_from_db()
        assert message.attempts == 1 and smtp.received == []

        # A shorter schedule so the test waits a second, not a minute.
        with override_settings(TAMBON_OUTBOX_RETRY_MINUTES=[1 / 60]):
            other = queue("แจ้งผลการพิจารณา")
            run_worker()
            other.refresh_from_db()
            assert (other.state, other.attempts) == (MessageState.PENDING, 1)
            smtp.start()  # the mail server comes back
            run_worker()
            assert smtp.received == []  # still waiting for its time
            time.sleep(1.2)
            run_worker()
    other.refresh_from_db()
    assert (other.state, other.attempts, other.last_error) == (MessageState.SENT, 2, "")
    assert smtp.subjects == ["แจ้งผลการพิจารณา"]


@pytest.mark.django_db
def test_a_message_being_sent_is_claimed_so_a_second_worker_leaves_it():
    seen_by_second_worker = []
    delivered = []

    @channels.register("test-slow")
    class SlowChannel:
        def send(self, message, files):
            # While this worker talks to the server, a second worker gets a task for the same message.
            seen_by_second_worker.append(outbox.deliver(message.pk))
            delivered.append(message.pk)

    try:
        message = queue("ครั้งเดียว", channel="test-slow", urgent=True)
        assert outbox.send_due() == 0  # sent and claimed: nothing left to hand out again
        assert outbox.deliver(message.pk) == MessageState.SENT  # a duplicate task afterwards
    finally:
        channels._channels.pop("test-slow")
    assert delivered == [message.pk] and seen_by_second_worker == [MessageState.PENDING]


@pytest.mark.django_db
def test_a_claim_left_by_a_worker_that_died_lapses():
    with override_settings(TASKS=DATABASE_TASKS):  # queued, not tried
        message = queue("ค้าง")
    now = timezone.now()
    Message.objects.filter(pk=message.pk).update(
        claimed_by="dead", claimed_until=now + datetime.timedelta(minutes=5)
    )
    assert outbox.send_due() == 0 and outbox.deliver(message.pk) == MessageState.PENDING
    Message.objects.filter(pk=message.pk).update(claimed_until=now - datetime.timedelta(seconds=1))
    assert outbox.send_due() == 1  # handed out again (and, with tasks run at once here, sent)
    message.refresh_from_db()
    assert message.state == MessageState.SENT and message.claimed_by == ""


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="two worker processes need a database they can share (the SQLite test database is in memory)",
)
def test_two_worker_processes_send_each_message_exactly_once():
    smtp = LocalSmtp(delay=0.02).start()  # slow enough that both workers are busy at once
    count = 60
    with override_settings(TASKS=DATABASE_TASKS):
        for number in range(count):
            queue(f"ข้อความที่ {number}")
        assert outbox.send_due() == count  # a second task for every message, as a sweep would add
    assert ready_tasks().count() == 2 * count
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.outbox.worker_settings",
        "TAMBON_WORKER_DATABASE": connection.settings_dict["NAME"],
        "TAMBON_WORKER_SMTP_PORT": str(smtp.port),
    }
    command = [sys.executable, "manage.py", "db_worker", "--batch", "--interval", "0", "--no-startup-delay"]
    workers = [
        subprocess.Popen([*command, "--worker-id", f"w{n}"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
        for n in range(2)
    ]
    try:
        for worker in workers:
            assert worker.wait(timeout=120) == 0
    finally:
        smtp.stop()
    subjects = smtp.subjects
    assert len(subjects) == count and len(set(subjects)) == count
    assert Message.objects.filter(state=MessageState.SENT, attempts=1).count() == count
    assert DBTaskResult.objects.filter(status=TaskResultStatus.SUCCESSFUL).count() == 2 * count
