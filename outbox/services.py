"""Queue, send and retry messages.

`queue()` writes the message and sends it once the caller's transaction has committed (through the
task backend: a worker in production), so a rollback never sends anything and a slow mail server
never slows an officer's click. `urgent=True` is for a citizen waiting on the page for it (a one-time
code, a resume link, the acknowledgement): the first try happens in the request, so the page can say
whether it went or is on its way; call it after your own transaction. Either way a failed try is kept
and retried after 1, 5, 30 and 120 minutes (`manage.py send_messages`, or deferred tasks where the
backend can defer); after the last try the message is "failed" and listed for administrators.
"""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from outbox import attachments as attachment_makers
from outbox import channels
from outbox.constants import REMOVED_BODY, RETRY_MINUTES, MessageState
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
    channel: str = "email",
    attachments=(),
    sensitive: bool = False,
    urgent: bool = False,
) -> Message | None:
    """Write one message and have it sent; returns it (None when there is no recipient)."""
    if not to:
        return None
    channels.get(channel)  # an unknown channel is a programming error: fail before writing
    message = Message.objects.create(
        channel=channel,
        kind=kind[:30],
        to=to,
        language=language or settings.LANGUAGE_CODE,
        subject=" ".join(subject.split())[:255],
        body=body,
        reference=reference[:40],
        attachments=list(attachments),
        sensitive=sensitive,
    )
    if urgent:
        deliver(message.pk)
        message.refresh_from_db()
    else:
        transaction.on_commit(lambda: _enqueue(message.pk))
    return message


@task()
def deliver_message(message_id: int):
    """The background task that sends one message (see `deliver`)."""
    return deliver(message_id)


def _enqueue(message_id, run_after=None):
    task = deliver_message
    if run_after is not None:
        if not task.get_backend().supports_defer:
            return  # picked up by `manage.py send_messages`
        task = task.using(run_after=run_after)
    task.enqueue(message_id)


def deliver(message_id, now=None) -> str:
    """Send one message if it is due; on failure schedule the next try. Returns the new state.

    The row is locked while it is sent, so two workers never send the same message twice.
    """
    now = now or timezone.now()
    with transaction.atomic():
        message = Message.objects.select_for_update().filter(pk=message_id).first()
        if message is None or message.state != MessageState.PENDING or message.next_attempt_at > now:
            return message.state if message else ""
        message.attempts += 1
        try:
            channels.get(message.channel).send(message, attachment_makers.render(message.attachments))
        except Exception as error:  # any channel failure: keep it and try again later
            logger.warning(
                "Message %s (%s) to %s failed (attempt %s): %s",
                message.pk,
                message.channel,
                message.to,
                message.attempts,
                error,
            )
            message.last_error = f"{type(error).__name__}: {error}"[:2000]
            if message.attempts > len(RETRY_MINUTES):
                message.state = MessageState.FAILED
                _forget_secret(message)
                message.save()
                message_failed.send(Message, message=message)  # in this transaction: both or neither
            else:
                message.next_attempt_at = now + datetime.timedelta(
                    minutes=RETRY_MINUTES[message.attempts - 1]
                )
                retry_at = message.next_attempt_at
                transaction.on_commit(lambda: _enqueue(message.pk, run_after=retry_at))
        else:
            message.state = MessageState.SENT
            message.sent_at = now
            message.last_error = ""
            _forget_secret(message)
        message.save()
        return message.state


def _forget_secret(message):
    if message.sensitive:
        message.body = REMOVED_BODY


def send_due(now=None) -> int:
    """Send (again) every pending message whose time has come: for cron, every few minutes."""
    now = now or timezone.now()
    ids = list(
        Message.objects.filter(state=MessageState.PENDING, next_attempt_at__lte=now).values_list(
            "pk", flat=True
        )[:500]
    )
    for pk in ids:
        deliver(pk, now=now)
    return len(ids)


def retry(message) -> bool:
    """An administrator sends a failed message again: it gets a fresh series of tries. A message whose
    secret was removed cannot be sent again (the citizen asks for a new code instead)."""
    if message.sensitive:
        return False
    Message.objects.filter(pk=message.pk).update(
        state=MessageState.PENDING, attempts=0, next_attempt_at=timezone.now()
    )
    transaction.on_commit(lambda: _enqueue(message.pk))
    return True


def delayed(*, reference: str, kind: str) -> bool:
    """Whether the latest such message about a request has not gone yet (for "on its way" wording)."""
    latest = Message.objects.filter(reference=reference, kind=kind).order_by("-created_at", "-pk").first()
    return latest is not None and latest.state != MessageState.SENT


def failed_count() -> int:
    return Message.objects.filter(state=MessageState.FAILED).count()


def forget(*, reference: str = "", to: str = "") -> int:
    """Delete the messages about a request or to an address (erasure of personal data)."""
    queryset = Message.objects.none()
    if reference:
        queryset = Message.objects.filter(reference=reference)
    if to:
        queryset = queryset | Message.objects.filter(to__iexact=to)
    deleted, _detail = queryset.delete()
    return deleted
