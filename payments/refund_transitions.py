"""The refund state machine, built like `payments.transitions`: the allowed moves in one table, and
`create()` and `transition()` as the only code that sets `Refund.status`.

Each runs in a transaction with the refund's row locked, sets only whitelisted fields, and writes a
line in the payment's history (`PaymentLog`), so an officer's approval and the provider's webhook
racing on one refund apply one after the other and the second sees the first's result.
"""

import dataclasses

from django.db import transaction
from django.utils import timezone

from payments.constants import RefundStatus
from payments.models import Refund
from payments.transitions import note

R = RefundStatus

#: The states a refund may be created in: sent at once, or kept for a second officer.
INITIAL = frozenset({R.AWAITING_APPROVAL, R.PROCESSING})

#: from → the states it may move to. A refund that succeeded stays succeeded (a later failure at the
#: bank is flagged for an administrator, not applied); rejected and failed refunds are final (ask a
#: new one).
ALLOWED: dict[str, frozenset[str]] = {
    R.AWAITING_APPROVAL: frozenset({R.PROCESSING, R.REJECTED}),
    R.PROCESSING: frozenset({R.SUCCEEDED, R.FAILED}),
    R.SUCCEEDED: frozenset(),
    R.FAILED: frozenset(),
    R.REJECTED: frozenset(),
}

#: Fields a transition may set along with the status.
CHANGEABLE = frozenset({"approved_by", "decided_at", "completed_at", "provider_reference", "failure_message"})


class RefundTransitionNotAllowed(Exception):
    def __init__(self, refund, to_status):
        self.from_status = refund.status
        self.to_status = to_status
        super().__init__(f"refund {refund.pk}: {refund.status} → {to_status} is not allowed")


@dataclasses.dataclass
class Result:
    refund: Refund
    changed: bool
    from_status: str


def can_move(from_status: str, to_status: str) -> bool:
    return to_status in ALLOWED.get(from_status, frozenset())


def _history(refund, from_status, to_status, *, source, actor, message, data=None):
    text = f"refund {refund.pk}: {from_status or 'new'} → {to_status}"
    note(
        refund.payment,
        source=source,
        actor=actor,
        message=f"{text}: {message}" if message else text,
        data={"refund": refund.pk, "from": from_status, "to": to_status, **(data or {})},
    )


def create(payment, *, status, amount, reason, officer, source) -> Refund:
    """A new refund of `payment`, in one of the `INITIAL` states. Call it with the payment locked."""
    if status not in INITIAL:
        raise ValueError(f"a refund cannot start as {status}")
    refund = Refund.objects.create(
        payment=payment,
        provider=payment.provider,
        amount=amount,
        reason=reason,
        requested_by=officer,
        status=status,
    )
    _history(refund, "", status, source=source, actor=officer, message=f"{amount} satang: {reason}")
    return refund


def transition(refund, to_status, *, source, actor=None, message="", changes=None) -> Result:
    """Move `refund` (an instance or a pk) to `to_status`, with `changes` to its whitelisted fields.

    Moving to the state it is in changes nothing but the `changes` given (a provider's refund id
    learnt while it is still on its way, the last error of a retry) and returns `changed=False`; a
    move the table does not allow raises `RefundTransitionNotAllowed` and changes nothing.
    """
    changes = dict(changes or {})
    unknown = set(changes) - CHANGEABLE
    if unknown:
        raise ValueError(f"refund transition() cannot set {sorted(unknown)}")
    pk = refund.pk if isinstance(refund, Refund) else refund
    with transaction.atomic():
        locked = Refund.objects.select_for_update().select_related("payment").get(pk=pk)
        from_status = locked.status
        if from_status == to_status:
            fields = [name for name, value in changes.items() if getattr(locked, name) != value]
            for name in fields:
                setattr(locked, name, changes[name])
            if fields:
                locked.save(update_fields=fields)
            return Result(locked, False, from_status)
        if not can_move(from_status, to_status):
            raise RefundTransitionNotAllowed(locked, to_status)
        if to_status == R.SUCCEEDED and "completed_at" not in changes:
            changes["completed_at"] = timezone.now()
        for name, value in changes.items():
            setattr(locked, name, value)
        locked.status = to_status
        locked.save()
        _history(locked, from_status, to_status, source=source, actor=actor, message=message)
    if isinstance(refund, Refund):
        refund.refresh_from_db()
    return Result(locked, True, from_status)


__all__ = ["ALLOWED", "INITIAL", "RefundTransitionNotAllowed", "Result", "can_move", "create", "transition"]
