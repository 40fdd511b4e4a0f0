"""Erasing a citizen's personal data from a finished request (PDPA), used by the retention command
and the data-subject request tool.

A submission is anonymised, not deleted: its reference, service, channel, dates, states, deadline
and fee stay, so the monthly reports and the payments reconciliation do not change. What goes: the
uploaded files (storage and rows), the answers' values (labels and order stay), the applicant's
name and email, the timeline's messages and citizen names, the outbox emails, the rating's comment,
the one-time-code devices, and the payer's data on the payments (`payments.erasure`).
"""

import logging

from django.apps import apps
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from eforms.constants import FINAL_STATUSES, SubmissionStatus

logger = logging.getLogger(__name__)

#: Keys of JSON details (timeline data, payment providers' payloads) that hold someone's personal data.
PERSONAL_KEYS = frozenset(
    {
        "address",
        "applicant_email",
        "applicant_name",
        "billing_details",
        "customer_details",
        "customer_email",
        "customer_name",
        "email",
        "name",
        "national_id",
        "payer",
        "phone",
        "receipt_email",
        "shipping",
        "shipping_details",
        "to",
    }
)


def scrub(data):
    """`data` without the values of personal keys, at any depth."""
    if isinstance(data, dict):
        return {key: (None if key in PERSONAL_KEYS else scrub(value)) for key, value in data.items()}
    if isinstance(data, list):
        return [scrub(item) for item in data]
    return data


def erased_answers(answers: list) -> list:
    """The answers with every value removed; key, label, type, step and order stay."""
    return [{**item, "value": None, "display": "", "erased": True} for item in answers or []]


def refusal(submission) -> str:
    """Why this submission's personal data may not be erased now, or "" when it may."""
    if submission.status not in FINAL_STATUSES:
        return _("Request %(reference)s is still in progress (“%(state)s”).") % {
            "reference": submission.reference,
            "state": SubmissionStatus(submission.status).label,
        }
    if apps.is_installed("payments"):
        from payments.erasure import unsettled_reason

        return unsettled_reason(submission)
    return ""


def anonymise_submission(submission, *, now=None) -> dict:
    """Erase the personal data of one finished submission; safe to call twice. Returns what was done.

    The caller checks `refusal()` first where a person asked (the retention command only picks
    finished submissions) and writes the audit entry.
    """
    from config.security.models import CitizenDevice
    from eforms.models import Notification, SatisfactionRating, Submission, SubmissionFile

    now = now or timezone.now()
    with transaction.atomic():
        sub = Submission.objects.select_for_update().get(pk=submission.pk)
        files = list(SubmissionFile.objects.filter(submission=sub))
        stored = [(record.file.storage, record.file.name) for record in files if record.file]
        SubmissionFile.objects.filter(submission=sub).delete()
        events = 0
        for event in sub.events.all():
            event.message = ""
            event.data = scrub(event.data)
            if event.actor_id is None:
                event.actor_name = ""
            event.save(update_fields=["message", "data", "actor_name"])
            events += 1
        notifications, _detail = Notification.objects.filter(submission=sub).delete()
        SatisfactionRating.objects.filter(submission=sub).update(comment="")
        CitizenDevice.objects.filter(submission_reference=sub.reference).delete()
        payments = 0
        if apps.is_installed("payments"):
            from payments.erasure import anonymise_payments

            payments = anonymise_payments(sub)
        Submission.objects.filter(pk=sub.pk).update(
            answers=erased_answers(sub.answers),
            applicant_email="",
            applicant_name="",
            anonymised_at=sub.anonymised_at or now,
        )
    for storage, name in stored:  # after the commit: a rollback must not lose a file it keeps
        try:
            storage.delete(name)
        except OSError:
            logger.exception("Could not delete the file %s of %s", name, sub.reference)
    submission.refresh_from_db()
    return {
        "reference": sub.reference,
        "files": len(files),
        "events": events,
        "notifications": notifications,
        "payments": payments,
    }
