"""The payer's personal data, erased from a submission's payments while the financial record stays.

Amounts, states, dates, receipt numbers and the providers' ids are kept (the office's accounts and
the reconciliation report need them); what a provider told us about the payer, and officers'
free-text notes, go. A provider keeps its own copy, which the office erases with the provider if asked.
"""

from django.utils.translation import gettext as _

from config.security.erasure import scrub
from payments.constants import OPEN_REFUND_STATUSES, PaymentStatus
from payments.models import Payment, PaymentLog, ProviderEvent, Refund

#: Payments in these states are not settled: the money may still move.
UNSETTLED_STATUSES = frozenset({PaymentStatus.PENDING, PaymentStatus.NEEDS_REVIEW})


def unsettled_reason(submission) -> str:
    """Why the submission's payments must be kept as they are for now, or "" when they are settled."""
    payments = Payment.objects.filter(submission=submission)
    waiting = payments.filter(status__in=UNSETTLED_STATUSES).first()
    if waiting is not None:
        return _("A payment of %(reference)s is “%(state)s”: settle it first.") % {
            "reference": submission.reference,
            "state": waiting.get_status_display(),
        }
    if Refund.objects.filter(payment__in=payments, status__in=OPEN_REFUND_STATUSES).exists():
        return _("A refund of %(reference)s is not finished yet.") % {"reference": submission.reference}
    return ""


def anonymise_payments(submission) -> int:
    """Remove the payer's personal data from the submission's payments; returns how many were touched."""
    payments = list(Payment.objects.filter(submission=submission))
    for payment in payments:
        Payment.objects.filter(pk=payment.pk).update(counter_note="", checkout_url="")
        for line in PaymentLog.objects.filter(payment=payment):
            message = "" if line.actor_id or line.source in ("officer", "citizen") else line.message
            PaymentLog.objects.filter(pk=line.pk).update(message=message, data=scrub(line.data))
        for event in ProviderEvent.objects.filter(payment=payment):
            ProviderEvent.objects.filter(pk=event.pk).update(payload=scrub(event.payload))
    return len(payments)
