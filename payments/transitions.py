"""The payment state machine: the allowed moves in one table and the one function that makes them.

Views, webhooks, statement imports, `sync_payments` and officers' actions all call `transition()`; nothing else
assigns `Payment.status`. It runs in a transaction with the payment's row locked, so a webhook and
the scheduled check racing on the same payment apply one after the other, and the second sees the
first's result.
"""

import dataclasses
import logging

from django.db import transaction
from django.utils import timezone

from payments import notifications, receipts
from payments.constants import EventSource, PaymentStatus
from payments.models import Payment, PaymentLog

logger = logging.getLogger(__name__)

S = PaymentStatus

#: from → the states it may move to. Money a provider says it took is never ignored: a failed or
#: expired attempt can still become paid (a late PromptPay confirmation, a transfer found on a bank
#: statement after the QR code expired), and a payment that needs review can be accepted or refunded
#: by an administrator.
ALLOWED: dict[str, frozenset[str]] = {
    S.PENDING: frozenset({S.PAID, S.FAILED, S.EXPIRED, S.NEEDS_REVIEW}),
    S.FAILED: frozenset({S.PAID, S.NEEDS_REVIEW}),
    S.EXPIRED: frozenset({S.PAID, S.NEEDS_REVIEW}),
    S.NEEDS_REVIEW: frozenset({S.PAID, S.PARTLY_REFUNDED, S.REFUNDED, S.FAILED, S.EXPIRED}),
    S.PAID: frozenset({S.PARTLY_REFUNDED, S.REFUNDED}),
    S.PARTLY_REFUNDED: frozenset({S.PARTLY_REFUNDED, S.REFUNDED}),
    S.REFUNDED: frozenset(),
}

#: Fields a transition may set along with the status.
CHANGEABLE = frozenset(
    {
        "method",
        "amount_received",
        "amount_refunded",
        "provider_payment_reference",
        "paid_at",
        "closed_at",
        "review_reason",
        "last_checked_at",
    }
)


class TransitionNotAllowed(Exception):
    def __init__(self, payment, to_status):
        self.from_status = payment.status
        self.to_status = to_status
        super().__init__(f"payment {payment.pk}: {payment.status} → {to_status} is not allowed")


@dataclasses.dataclass
class Result:
    payment: Payment
    changed: bool
    from_status: str


def can_move(from_status: str, to_status: str) -> bool:
    return to_status in ALLOWED.get(from_status, frozenset())


def transition(
    payment,
    to_status: str,
    *,
    source: str,
    actor=None,
    message: str = "",
    event_id: str = "",
    changes: dict | None = None,
    data: dict | None = None,
) -> Result:
    """Move `payment` (an instance or a pk) to `to_status`, with `changes` to its other fields.

    Moving to the state it is already in changes nothing and returns `changed=False` (a repeated
    event); a move the table does not allow raises `TransitionNotAllowed` and changes nothing.
    Entering `paid` gives the payment its receipt number in the same transaction.
    """
    changes = dict(changes or {})
    unknown = set(changes) - CHANGEABLE
    if unknown:
        raise ValueError(f"transition() cannot set {sorted(unknown)}")
    pk = payment.pk if isinstance(payment, Payment) else payment
    with transaction.atomic():
        locked = Payment.objects.select_for_update().get(pk=pk)
        from_status = locked.status
        same = from_status == to_status and to_status != S.PARTLY_REFUNDED
        if same or (
            to_status == S.PARTLY_REFUNDED and changes.get("amount_refunded") == locked.amount_refunded
        ):
            return Result(locked, False, from_status)
        if not can_move(from_status, to_status):
            raise TransitionNotAllowed(locked, to_status)
        now = timezone.now()
        if to_status == S.PAID and "paid_at" not in changes and locked.paid_at is None:
            changes["paid_at"] = now
        if to_status in (S.FAILED, S.EXPIRED) and "closed_at" not in changes:
            changes["closed_at"] = now
        for name, value in changes.items():
            setattr(locked, name, value)
        locked.status = to_status
        locked.save()
        PaymentLog.objects.create(
            payment=locked,
            from_status=from_status,
            to_status=to_status,
            source=source,
            actor=actor,
            message=message,
            event_id=event_id,
            data=data or {},
            created_at=now,
        )
        if to_status == S.PAID:
            receipts.issue(locked, when=locked.paid_at)
        transaction.on_commit(
            lambda: _after_commit(locked.pk, from_status, to_status, source, actor, message)
        )
    if isinstance(payment, Payment):
        payment.refresh_from_db()
    return Result(locked, True, from_status)


def note(payment, *, source: str, message: str, actor=None, event_id: str = "", data=None):
    """A line in the payment's history without a change of state (an ignored or flagged event)."""
    return PaymentLog.objects.create(
        payment_id=payment.pk,
        from_status=payment.status,
        to_status=payment.status,
        source=source,
        actor=actor,
        message=message,
        event_id=event_id,
        data=data or {},
    )


def _after_commit(payment_id, from_status, to_status, source, actor, message):
    notifications.on_status_change(
        payment_id, from_status, to_status, source=source, actor=actor, message=message
    )


__all__ = ["ALLOWED", "EventSource", "Result", "TransitionNotAllowed", "can_move", "note", "transition"]
