"""Overdue notices (Licensing Facilitation Act B.E. 2558): when the office overruns a deadline the
citizen is told within 7 days, and again every 7 days until the request is decided.

`send_overdue_notices()` is safe to run as often as you like (the daily `manage.py eforms_notify`
does): each submission's row is locked and a notice is sent only if none was sent in the last 7 days.

Higher apps tell their own staff about late work on the same daily run (`register_notifier`): problems
tells a report's division when its first answer or its fix is late.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from casework import notices, timeline
from casework.constants import EventKind
from casework.models import Submission

NOTICE_EVERY = datetime.timedelta(days=7)

#: Other apps' notices to staff (`register_notifier`), run by `notify_staff` after the citizens' notices.
_notifiers = []


def register_notifier(function):
    """Add `function(now) -> int` (how many notices it queued) to the daily run. Like
    `send_overdue_notices`, it must be safe to run as often as the command is (keep its own stamps)."""
    if function not in _notifiers:
        _notifiers.append(function)


def notify_staff(now=None) -> int:
    now = now or timezone.now()
    return sum(function(now) for function in _notifiers)


def due_for_notice(now=None):
    now = now or timezone.now()
    return Submission.objects.overdue(timezone.localdate(now)).exclude(
        last_overdue_notice_at__gt=now - NOTICE_EVERY
    )


def send_overdue_notices(now=None) -> int:
    now = now or timezone.now()
    sent = 0
    for pk in due_for_notice(now).values_list("pk", flat=True).iterator():
        with transaction.atomic():
            submission = due_for_notice(now).select_for_update(skip_locked=True).filter(pk=pk).first()
            if submission is None:
                continue  # decided meanwhile, or another run has it
            submission.last_overdue_notice_at = now
            submission.save(update_fields=["last_overdue_notice_at"])
            days_late = (timezone.localdate(now) - submission.expected_completion).days
            timeline.record(
                submission,
                EventKind.OVERDUE_NOTICE,
                actor_name="system",
                visible_to_citizen=True,
                data={"days_late": days_late, "deadline": submission.expected_completion.isoformat()},
            )
            notices.overdue_email(submission)
            sent += 1
    return sent
