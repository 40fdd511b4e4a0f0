"""What follows a change of state once it is committed: the submission's timeline and emails."""

import logging

from django.utils.translation import gettext_lazy as _

from casework import timeline
from payments import notices
from payments.constants import PaymentStatus
from payments.models import Payment

logger = logging.getLogger(__name__)

TIMELINE_MESSAGES = {
    PaymentStatus.PAID: _("Fee paid"),
    PaymentStatus.FAILED: _("Payment failed"),
    PaymentStatus.EXPIRED: _("Payment not completed in time"),
    PaymentStatus.NEEDS_REVIEW: _("Payment held for review by the office"),
    PaymentStatus.PARTLY_REFUNDED: _("Fee partly refunded"),
    PaymentStatus.REFUNDED: _("Fee refunded"),
}


def record_on_timeline(payment, kind, *, actor=None, message="", visible_to_citizen=True, data=None):
    """Put a payment event on the request's timeline."""
    try:
        timeline.record(
            payment.submission,
            kind,
            actor_name="" if actor else "payments",
            actor=actor,
            message=str(message),
            visible_to_citizen=visible_to_citizen,
            data=data or {},
        )
    except Exception:  # the timeline must never undo or block a payment
        logger.exception("could not record payment %s on the timeline", payment.pk)
        return False
    return True


def on_status_change(payment_id, from_status, to_status, *, source, actor=None, message=""):
    payment = Payment.objects.select_related("submission").get(pk=payment_id)
    record_on_timeline(
        payment,
        "payment",
        actor=actor,
        message=TIMELINE_MESSAGES.get(to_status, to_status),
        visible_to_citizen=to_status != PaymentStatus.NEEDS_REVIEW,
        data={
            "payment_id": payment.pk,
            "state": to_status,
            "from": from_status,
            "amount_satang": payment.amount,
            "refunded_satang": payment.amount_refunded,
            "source": source,
            "note": message,
        },
    )
    if to_status == PaymentStatus.PAID:
        notices.receipt(payment)
    elif to_status in (PaymentStatus.PARTLY_REFUNDED, PaymentStatus.REFUNDED):
        notices.refund(payment)
