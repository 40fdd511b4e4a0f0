"""Worker: 1,000 queued emails, the mail server down for the first minute. A real SMTP server on loopback
comes up after 60 s; the worker (two `db_worker` processes on PostgreSQL, as in production; one in this
process on SQLite, whose bench database lives in memory) keeps deferring and retrying. Every message
must be delivered once the server is back, none twice. The back-off is shortened to 15 s between tries
(`OUTBOX_RETRY_MINUTES`), so the run is bounded; the schedule itself is tested in tests/outbox."""

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from django.db import connection
from django.db.models import Avg, Max, Min
from django.test import override_settings
from django_tasks_db.management.commands.db_worker import Worker

from outbox import services as outbox
from outbox.constants import MessageState
from outbox.models import Message
from tests.outbox.smtp import LocalSmtp

MESSAGES = 1000
DOWN_FOR = 60.0  # seconds
RETRY_MINUTES = [0.25] * 10  # a try every 15 s, for 2.5 minutes
DEADLINE = 600.0
ROOT = Path(__file__).resolve().parents[2]
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _queue_all():
    for number in range(MESSAGES):
        outbox.queue(
            to=f"citizen{number}@example.com",
            subject=f"แจ้งสถานะคำขอ {number:04d}",
            body="คำขอของท่านได้รับการพิจารณาแล้ว",
            kind="bench",
        )


def _sent():
    return Message.objects.filter(state=MessageState.SENT).count()


def _worker_processes(smtp):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.outbox.worker_settings",
        "TAMBON_WORKER_DATABASE": connection.settings_dict["NAME"],
        "TAMBON_WORKER_SMTP_PORT": str(smtp.port),
        "OUTBOX_RETRY_MINUTES": ",".join(str(m) for m in RETRY_MINUTES),
        "LOG_LEVEL": "ERROR",  # not a line per refused try
    }
    command = [sys.executable, "manage.py", "db_worker", "--interval", "0.2", "--verbosity", "0"]
    return [
        subprocess.Popen([*command, "--worker-id", f"bench{n}"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
        for n in range(2)
    ]


def _in_process_worker():
    return Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="bench",
        excluded_queue_names=[],
    )


def run(report):
    smtp = LocalSmtp()
    on_postgres = connection.vendor == "postgresql"
    with override_settings(
        TASKS=DATABASE_TASKS, TAMBON_OUTBOX_RETRY_MINUTES=RETRY_MINUTES, **smtp.settings()
    ):
        started = time.perf_counter()
        _queue_all()
        report("outbox: 1,000 messages queued (no mail server touched)", time.perf_counter() - started, "s")
        comes_back = threading.Timer(DOWN_FOR, smtp.start)
        comes_back.start()
        started = time.monotonic()
        workers = _worker_processes(smtp) if on_postgres else []
        try:
            while _sent() < MESSAGES and time.monotonic() - started < DEADLINE:
                if on_postgres:
                    time.sleep(0.5)
                else:
                    _in_process_worker().run()
                    time.sleep(0.2)
        finally:
            for worker in workers:
                worker.terminate()
                worker.wait(timeout=60)
            comes_back.cancel()
            smtp.stop()
        finished = time.monotonic() - started

    subjects = smtp.subjects
    back_for = max(finished - DOWN_FOR, 1e-9)
    report("outbox: worker processes", len(workers) or 1, "")
    report("outbox: delivered (of 1,000)", _sent(), "messages")
    report("outbox: received by the mail server", len(subjects), "messages")
    report("outbox: received twice", len(subjects) - len(set(subjects)), "messages")
    report("outbox: failed for good", Message.objects.filter(state=MessageState.FAILED).count(), "messages")
    report(
        "outbox: tries per message (mean)", float(Message.objects.aggregate(a=Avg("attempts"))["a"] or 0), ""
    )
    report("outbox: all delivered, seconds after the server came back", back_for, "s")
    sent = Message.objects.filter(state=MessageState.SENT).aggregate(
        first=Min("sent_at"), last=Max("sent_at")
    )
    if sent["first"] is not None:
        sending = max((sent["last"] - sent["first"]).total_seconds(), 1e-9)
        report("outbox: throughput, first to last delivery", len(set(subjects)) / sending, "messages/s")
