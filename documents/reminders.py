"""Reminders before a document expires (60 and 15 days before, through the outbox), so a shop can renew
its licence before the one on its wall runs out.

`send_expiry_reminders()` is safe to run as often as you like (`manage.py send_expiry_reminders`, daily
with the other notices): each document's row is locked, and it records the last reminder sent, so each
reminder goes once. A document first seen with 10 days left gets the 15-day reminder only. Suspended,
revoked and expired documents, and documents without an end date, get none.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from casework import notices
from documents import renewals
from documents.constants import DocumentState
from documents.models import IssuedDocument

#: Days before the end of validity when the holder is reminded, largest first.
REMIND_DAYS_BEFORE = (60, 15)
KIND = "documents:expiry"


def _threshold(document, today) -> int | None:
    """The reminder due for `document` today (the smallest that applies), or None."""
    left = (document.valid_until - today).days
    due = [days for days in REMIND_DAYS_BEFORE if left <= days]
    if not due:
        return None
    days = min(due)
    if document.last_reminder_days is not None and document.last_reminder_days <= days:
        return None  # this one, or a later one, went already
    return days


def candidates(today):
    return IssuedDocument.objects.filter(
        state=DocumentState.VALID,
        valid_until__gte=today,
        valid_until__lte=today + datetime.timedelta(days=max(REMIND_DAYS_BEFORE)),
    ).exclude(last_reminder_days__lte=min(REMIND_DAYS_BEFORE))


def send_expiry_reminders(today=None) -> int:
    today = today or timezone.localdate()
    sent = 0
    for pk in candidates(today).values_list("pk", flat=True).iterator():
        with transaction.atomic():
            document = (
                candidates(today)
                .select_for_update(skip_locked=True, of=("self",))
                .select_related("submission")
                .filter(pk=pk)
                .first()
            )
            if document is None:
                continue  # another run has it, or it changed meanwhile
            days = _threshold(document, today)
            if days is None:
                continue
            document.last_reminder_days = days
            document.save(update_fields=["last_reminder_days"])
            notices.queue(
                document.submission,
                KIND,
                "documents/email/expiry",
                document=document,
                days_left=(document.valid_until - today).days,
                renew_online=renewals.renewal_link(document) is not None,
            )
            sent += 1
    return sent
