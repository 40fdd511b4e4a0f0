"""Emails about a submission, through an outbox (`Notification`).

Each email is written in the citizen's language when the change happens and stored; a background task
(django-tasks) sends it, so a slow mail server never slows an officer's click. A failed send is retried
after 1, 5, 30 and 120 minutes by `manage.py eforms_notify` (run it every few minutes; with a task
backend that can defer, the retry is also enqueued directly); after the last try it stays "failed",
listed for administrators under Reports → Email notifications, where it can be sent again.
"""

import datetime
import logging

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from eforms.constants import EventKind, NotificationState, SubmissionStatus
from eforms.models import Notification

logger = logging.getLogger(__name__)

#: Minutes to wait before each retry; after the last one the email is marked failed.
RETRY_MINUTES = (1, 5, 30, 120)
RATING_SALT = "eforms.rating"


def base_url():
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def status_url(submission, language=None) -> str:
    with translation.override(language or submission.language or settings.LANGUAGE_CODE):
        return base_url() + reverse("eforms_status:detail", args=[submission.reference])


def rating_token(submission) -> str:
    return signing.dumps({"s": submission.pk, "r": submission.reference}, salt=RATING_SALT)


def rating_url(submission) -> str:
    with translation.override(submission.language or settings.LANGUAGE_CODE):
        return base_url() + reverse("eforms_status:rate", args=[rating_token(submission)])


def _context(submission, **extra):
    from eforms.tasks import _site_context

    return {"submission": submission, "status_url": status_url(submission), **_site_context(), **extra}


def queue(submission, kind, template, *, to=None, language=None, **context) -> Notification | None:
    """Write the email `eforms/email/<template>.txt` (and `_subject.txt`) and send it in the background."""
    to = to or submission.applicant_email
    if not to:
        return None
    language = language or submission.language or settings.LANGUAGE_CODE
    with translation.override(language):
        ctx = _context(submission, **context)
        subject = " ".join(render_to_string(f"eforms/email/{template}_subject.txt", ctx).split())
        body = render_to_string(f"eforms/email/{template}.txt", ctx)
    notification = Notification.objects.create(
        submission=submission, kind=kind, to=to, language=language, subject=subject[:255], body=body
    )
    transaction.on_commit(lambda: _enqueue(notification.pk))
    return notification


def _enqueue(notification_id, run_after=None):
    from eforms.tasks import deliver_notification

    task = deliver_notification
    if run_after is not None:
        if not task.get_backend().supports_defer:
            return  # picked up by `manage.py eforms_notify`
        task = task.using(run_after=run_after)
    task.enqueue(notification_id)


def status_email(submission, event):
    """The email for a timeline entry that concerns the citizen (a state change or a message)."""
    if event.kind == EventKind.MESSAGE_TO_CITIZEN:
        return queue(submission, "message", "message", event=event)
    template = {
        SubmissionStatus.WAITING: "information_requested",
        SubmissionStatus.COMPLETED: "completed",
    }.get(event.to_status, "status_changed")
    extra = {"event": event}
    if event.to_status == SubmissionStatus.COMPLETED:
        extra["rating_url"] = rating_url(submission)
    return queue(submission, f"status:{event.to_status}", template, **extra)


def officer_reply_email(submission):
    """Tell the assigned officer that the citizen replied (in the officer's admin language)."""
    officer = submission.assignee
    if officer is None or not officer.email:
        return None
    language = getattr(getattr(officer, "wagtail_userprofile", None), "preferred_language", "") or "th"
    with translation.override(language):
        url = base_url() + reverse("eforms_inbox:detail", args=[submission.pk])
    return queue(submission, "officer:reply", "officer_reply", to=officer.email, language=language, url=url)


def overdue_email(submission):
    return queue(submission, "overdue", "overdue")


def deliver(notification_id, now=None) -> str:
    """Send one email if it is due; on failure schedule the next try. Returns the new state."""
    now = now or timezone.now()
    with transaction.atomic():
        note = Notification.objects.select_for_update().filter(pk=notification_id).first()
        if note is None or note.state != NotificationState.PENDING or note.next_attempt_at > now:
            return note.state if note else ""
        note.attempts += 1
        try:
            send_mail(note.subject, note.body, None, [note.to])
        except Exception as error:  # any mail server failure: keep it and try again later
            logger.warning("Email %s to %s failed (attempt %s): %s", note.pk, note.to, note.attempts, error)
            note.last_error = f"{type(error).__name__}: {error}"[:2000]
            if note.attempts > len(RETRY_MINUTES):
                note.state = NotificationState.FAILED
                if note.submission_id:
                    from eforms import timeline

                    timeline.record(
                        note.submission,
                        EventKind.EMAIL_FAILED,
                        actor_name="system",
                        message=note.subject,
                        data={"notification": note.pk, "error": note.last_error[:200]},
                    )
            else:
                note.next_attempt_at = now + datetime.timedelta(minutes=RETRY_MINUTES[note.attempts - 1])
                retry_at = note.next_attempt_at
                transaction.on_commit(lambda: _enqueue(note.pk, run_after=retry_at))
        else:
            note.state = NotificationState.SENT
            note.sent_at = now
            note.last_error = ""
        note.save()
        return note.state


def send_due(now=None) -> int:
    """Send (again) every pending email whose time has come: for cron, every few minutes."""
    now = now or timezone.now()
    ids = list(
        Notification.objects.filter(state=NotificationState.PENDING, next_attempt_at__lte=now).values_list(
            "pk", flat=True
        )[:500]
    )
    for pk in ids:
        deliver(pk, now=now)
    return len(ids)


def retry(notification) -> None:
    """An administrator sends a failed email again: it gets a fresh series of tries."""
    Notification.objects.filter(pk=notification.pk).update(
        state=NotificationState.PENDING, attempts=0, next_attempt_at=timezone.now()
    )
    transaction.on_commit(lambda: _enqueue(notification.pk))
