"""Queue, send and retry messages.

`queue()` writes the message and hands it to the worker (`manage.py db_worker`, django-tasks'
database backend): the task row is written in the caller's transaction, so a rollback sends nothing
and a commit never loses a message; no page waits for a mail server. `urgent=True` is for a citizen
waiting for it (a one-time code, a resume link, the acknowledgement): it goes ahead of the queue.
A failed try is kept and tried again after 1, 5, 30 and 120 minutes (a deferred task the worker runs
when it is due); after the last try the message is "failed" and listed for administrators.

Each try claims the message first (a conditional UPDATE), so two workers, or a task and a retry
ordered by an administrator, never send the same message twice.
"""

import logging
import secrets
import time

from django.conf import settings
from django.db import InterfaceError, OperationalError, connection, transaction
from django.db.models import F, Q
from django.utils import timezone
from django_tasks import task
from django_tasks_db import DatabaseBackend

from outbox import attachments as attachment_makers
from outbox import channels, conf
from outbox.constants import REMOVED_BODY, MessageState
from outbox.models import Message
from outbox.signals import message_failed

logger = logging.getLogger(__name__)


def queue(
    *,
    to: str,
    subject: str,
    body: str,
    kind: str,
    language: str = "",
    reference: str = "",
    submission_id: int | None = None,
    channel: str = "email",
    attachments=(),
    sensitive: bool = False,
    urgent: bool = False,
    sender: str = "",
) -> Message | None:
    """Write one message and have it sent; returns it (None when there is no recipient).

    A message about a request names it by `submission_id` (a reference is unique only within its
    office); `reference` is only shown to people, and is refused without the id.
    `sender`: who it is from, as the recipient sees it ("Name <address>", see `home.site.email_sender`);
    empty for the installation's own address (`DEFAULT_FROM_EMAIL`)."""
    if reference and submission_id is None:
        raise ValueError("A message about a request needs the request's id (submission_id)")
    if not to:
        return None
    channels.get(channel)  # an unknown channel is a programming error: fail before writing
    message = Message.objects.create(
        channel=channel,
        kind=kind[:30],
        to=to,
        sender=sender[:320],
        language=language or settings.LANGUAGE_CODE,
        subject=" ".join(subject.split())[:255],
        body=body,
        reference=reference[:40],
        submission_id=submission_id,
        attachments=list(attachments),
        sensitive=sensitive,
    )
    _schedule(message.pk, urgent=urgent, after_commit=not urgent)
    if urgent:
        message.refresh_from_db()  # tried already where tasks run at once (tests)
    return message


@task()
def deliver_message(message_id: int):
    """The background task that sends one message (see `deliver`)."""
    return deliver(message_id)


def _schedule(message_id, *, run_after=None, urgent=False, after_commit=False):
    """Hand a message to the worker. With the database backend the task row joins the caller's
    transaction (both are kept or neither). With another backend (the immediate one of the tests),
    `after_commit` waits for the caller's commit; otherwise the task is handed over at once."""
    task = deliver_message
    backend = task.get_backend()
    options = {}
    if urgent and backend.supports_priority:
        options["priority"] = conf.URGENT_PRIORITY
    if run_after is not None:
        if not backend.supports_defer:
            return  # tried again by `manage.py send_messages`
        options["run_after"] = run_after
    if options:
        task = task.using(**options)
    if not after_commit or isinstance(backend, DatabaseBackend):
        task.enqueue(message_id)
    else:
        transaction.on_commit(lambda: task.enqueue(message_id))


def deliver(message_id, now=None) -> str:
    """Send one message if it is due and nobody else is sending it; on failure schedule the next try.
    Returns the message's state.

    No transaction is held while the mail server is talked to: the claim is committed first.
    """
    now = now or timezone.now()
    claim = secrets.token_hex(8)
    claimed = (
        Message.objects.filter(pk=message_id, state=MessageState.PENDING, next_attempt_at__lte=now)
        .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lte=now))
        .update(claimed_by=claim, claimed_until=now + conf.claim_lease(), attempts=F("attempts") + 1)
    )
    if not claimed:
        return Message.objects.filter(pk=message_id).values_list("state", flat=True).first() or ""
    message = Message.objects.get(pk=message_id)
    try:
        channels.get(message.channel).send(message, attachment_makers.render(message.attachments))
    except Exception as error:  # any channel failure: keep it and try again later
        return _try_failed(message, claim, error)
    updates = {
        "state": MessageState.SENT,
        "sent_at": timezone.now(),
        "last_error": "",
        "claimed_by": "",
        "claimed_until": None,
    }
    if message.sensitive:
        updates["body"] = REMOVED_BODY
    recorded = _despite_database_hiccups(
        lambda: Message.objects.filter(pk=message.pk, claimed_by=claim).update(**updates)
    )
    if not recorded:
        logger.warning("Message %s was sent after its claim had lapsed", message.pk)
    return MessageState.SENT


#: Waits between tries to record a message as sent while the database is unreachable (about 60 s in
#: all, well inside the claim's lease).
RECORD_WAITS = (0.5, 1, 2, 4, 8, 15, 30)


def _despite_database_hiccups(write):
    """Run `write` (one statement), reconnecting and trying again while the connection fails.

    Once the mail server has accepted a message, failing to record it would send it again when its
    claim lapses: a cut connection or a PostgreSQL restart must not cost the citizen a second email.
    Inside a transaction (tests) a broken connection cannot be replaced: the error is raised."""
    for wait in (*RECORD_WAITS, None):
        try:
            return write()
        except (OperationalError, InterfaceError):
            if wait is None or connection.in_atomic_block:
                raise
            logger.warning("Recording a sent message failed; trying again in %s s", wait)
            connection.close()
            time.sleep(wait)


def _try_failed(message, claim, error) -> str:
    with transaction.atomic():
        message = Message.objects.select_for_update().get(pk=message.pk)
        if message.claimed_by != claim:
            return message.state  # the claim lapsed and another worker has it now
        logger.warning(
            "Message %s (%s) to %s failed (attempt %s): %s",
            message.pk,
            message.channel,
            message.to,
            message.attempts,
            error,
        )
        message.last_error = f"{type(error).__name__}: {error}"[:2000]
        message.claimed_by, message.claimed_until = "", None
        delays = conf.retry_delays()
        if message.attempts > len(delays):
            message.state = MessageState.FAILED
            if message.sensitive:
                message.body = REMOVED_BODY
            message.save()
            message_failed.send(Message, message=message)  # in this transaction: both or neither
        else:
            message.next_attempt_at = timezone.now() + delays[message.attempts - 1]
            message.save()
            _schedule(message.pk, run_after=message.next_attempt_at)
        return message.state


def send_due(now=None, overdue=None) -> int:
    """Hand the worker again every pending message whose time has come and that nobody is sending:
    a safety net for a task lost with a crashed worker (`manage.py send_messages`). Where tasks run at
    once (tests) this sends them. `overdue`: only messages due for at least that long."""
    now = now or timezone.now()
    due = now - overdue if overdue else now
    ids = list(
        Message.objects.filter(state=MessageState.PENDING, next_attempt_at__lte=due)
        .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lte=now))
        .values_list("pk", flat=True)[:500]
    )
    for pk in ids:
        _schedule(pk)
    return len(ids)


def retry(message) -> bool:
    """An administrator sends a failed message again: it gets a fresh series of tries. A message whose
    secret was removed cannot be sent again (the citizen asks for a new code instead)."""
    if message.sensitive:
        return False
    Message.objects.filter(pk=message.pk).update(
        state=MessageState.PENDING,
        attempts=0,
        next_attempt_at=timezone.now(),
        claimed_by="",
        claimed_until=None,
    )
    _schedule(message.pk)
    return True


def is_delayed(message, now=None) -> bool:
    """Whether to tell the citizen a message is slower than usual: a try has failed, or it has waited
    longer than the worker normally takes. A message just queued is "on its way", not delayed."""
    if message is None or message.state == MessageState.SENT:
        return False
    if message.state == MessageState.FAILED or message.last_error:
        return True
    return message.created_at < (now or timezone.now()) - conf.DELAYED_AFTER


def delayed(*, submission_id: int, kind: str) -> bool:
    """Whether the latest such message about a request is slower than usual (see `is_delayed`)."""
    latest = (
        Message.objects.filter(submission_id=submission_id, kind=kind).order_by("-created_at", "-pk").first()
    )
    return is_delayed(latest)


def failed_count() -> int:
    return Message.objects.filter(state=MessageState.FAILED).count()


def forget(*, submission_id: int | None = None, to: str = "") -> int:
    """Delete the messages about a request (its id) or to an address (erasure of personal data)."""
    queryset = Message.objects.none()
    if submission_id is not None:
        queryset = Message.objects.filter(submission_id=submission_id)
    if to:
        queryset = queryset | Message.objects.filter(to__iexact=to)
    deleted, _detail = queryset.delete()
    return deleted
