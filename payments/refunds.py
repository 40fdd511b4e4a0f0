"""Refunds: an officer asks, a second officer approves above the administrator's threshold, and the
provider that took the payment sends the money back (a counter payment is handed back at the office).

Every change of a refund's state goes through `refund_transitions`; the payment's refunded total
through `checkout.apply_refunded_total`, so the payment's own state machine stays in charge.
"""

import datetime
import logging

from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from payments import checkout, refund_transitions
from payments.constants import OPEN_REFUND_STATUSES, EventSource, PaymentStatus, RefundStatus
from payments.models import Payment, PaymentSettings, Refund
from payments.money import format_baht
from payments.providers import ProviderError

S = PaymentStatus
R = RefundStatus
logger = logging.getLogger(__name__)


class RefundError(Exception):
    pass


def refundable_now(payment) -> int:
    """What may still be asked for: received − refunded − refunds on their way or awaiting approval."""
    pending = (
        Refund.objects.filter(payment=payment, status__in=OPEN_REFUND_STATUSES).aggregate(
            total=Sum("amount")
        )["total"]
        or 0
    )
    return max(0, payment.amount_received - payment.amount_refunded - pending)


def needs_second_officer(payment, amount: int) -> bool:
    """Above the threshold of the payment's office."""
    return amount > PaymentSettings.for_office(payment.submission.office).refund_approval_threshold


def request_refund(payment, *, amount, reason, officer) -> Refund:
    """An officer's refund: sent at once, or above the administrator's threshold, kept for a second
    officer's approval. Never more than was received and not yet refunded."""
    reason = (reason or "").strip()
    if not reason:
        raise RefundError(_("Give the reason for the refund."))
    if amount <= 0:
        raise RefundError(_("The amount must be more than zero."))
    with transaction.atomic():
        payment = Payment.objects.select_for_update().get(pk=payment.pk)
        if payment.status not in (S.PAID, S.PARTLY_REFUNDED, S.NEEDS_REVIEW) or payment.amount_received <= 0:
            raise RefundError(_("Only a paid payment can be refunded."))
        available = refundable_now(payment)
        if amount > available:
            raise RefundError(
                _("The refund is larger than what can still be refunded (%(amount)s).")
                % {"amount": format_baht(available)}
            )
        refund = refund_transitions.create(
            payment,
            status=R.AWAITING_APPROVAL if needs_second_officer(payment, amount) else R.PROCESSING,
            amount=amount,
            reason=reason,
            officer=officer,
            source=EventSource.OFFICER,
        )
    if refund.status == R.PROCESSING:
        execute_refund(refund)
    refund.refresh_from_db()
    return refund


def approve_refund(refund, *, officer) -> Refund:
    with transaction.atomic():
        refund = Refund.objects.select_for_update().get(pk=refund.pk)
        if refund.status != R.AWAITING_APPROVAL:
            raise RefundError(_("This refund is not waiting for approval."))
        if refund.requested_by_id == officer.pk:
            raise RefundError(_("Another officer must approve a refund you asked for."))
        refund_transitions.transition(
            refund,
            R.PROCESSING,
            source=EventSource.OFFICER,
            actor=officer,
            message="approved",
            changes={"approved_by": officer, "decided_at": timezone.now()},
        )
    execute_refund(refund)
    refund.refresh_from_db()
    return refund


def reject_refund(refund, *, officer) -> Refund:
    with transaction.atomic():
        refund = Refund.objects.select_for_update().get(pk=refund.pk)
        if refund.status != R.AWAITING_APPROVAL:
            raise RefundError(_("This refund is not waiting for approval."))
        refund_transitions.transition(
            refund,
            R.REJECTED,
            source=EventSource.OFFICER,
            actor=officer,
            message="rejected",
            changes={"approved_by": officer, "decided_at": timezone.now()},
        )
    refund.refresh_from_db()
    return refund


def execute_refund(refund) -> Refund:
    """Send a refund that is `processing` through the provider that took the payment. Safe to call
    again after a timeout: the refund's own idempotency key makes the provider return the refund it
    already made instead of a second one."""
    payment = refund.payment
    provider = checkout.provider_for(payment)
    if provider is None:  # a counter payment: the money is handed back at the office
        return refund_succeeded(refund, reference=None, source=EventSource.OFFICER)
    try:
        result = provider.refund(
            payment, amount=refund.amount, idempotency_key=refund.idempotency_key, reason=refund.reason
        )
    except ProviderError as error:
        if error.retryable:
            refund_transitions.transition(
                refund, R.PROCESSING, source=EventSource.SYSTEM, changes={"failure_message": str(error)}
            )
            raise RefundError(
                _("%(provider)s did not answer. Nothing was refunded twice: try again in a few minutes.")
                % {"provider": provider.name}
            ) from error
        refund_failed(refund, message=str(error), source=EventSource.SYSTEM)
        raise RefundError(
            _("%(provider)s did not accept the refund: %(error)s")
            % {"provider": provider.name, "error": error}
        ) from error
    if result.status == "succeeded":
        return refund_succeeded(refund, reference=result.reference, source=EventSource.OFFICER)
    if result.status in ("failed", "canceled"):
        return refund_failed(
            refund, message=result.status, reference=result.reference, source=EventSource.SYSTEM
        )
    # On its way (a PromptPay refund waits for the payer's bank details): the webhook finishes it.
    return refund_transitions.transition(
        refund, R.PROCESSING, source=EventSource.SYSTEM, changes={"provider_reference": result.reference}
    ).refund


#: A refund the provider did not answer is sent again (with the same idempotency key) after this long.
RETRY_AFTER = datetime.timedelta(minutes=5)


def retry_unanswered(*, now=None) -> int:
    """Send again every refund left `processing` because its provider did not answer (no provider
    reference yet), as an officer pressing "try again" would; the idempotency key means a refund the
    provider did make is returned, not made twice. Returns how many were tried."""
    now = now or timezone.now()
    stuck = Refund.objects.filter(
        Q(provider_reference="") | Q(provider_reference__isnull=True),
        status=R.PROCESSING,
        requested_at__lt=now - RETRY_AFTER,
    ).order_by("pk")
    tried = 0
    for refund in stuck:
        tried += 1
        try:
            execute_refund(refund)
        except RefundError as error:
            logger.warning("sync_payments: refund %s: %s", refund.pk, error)
    return tried


def refund_succeeded(refund, *, reference, source) -> Refund:
    """The money went back: the refund succeeds and the payment's refunded total follows."""
    with transaction.atomic():
        changes = {"provider_reference": reference} if reference else {}
        result = refund_transitions.transition(
            refund,
            R.SUCCEEDED,
            source=source,
            actor=refund.approved_by or refund.requested_by,
            changes=changes,
        )
        if not result.changed:
            return result.refund
        total = Refund.objects.filter(payment_id=result.refund.payment_id, status=R.SUCCEEDED).aggregate(
            total=Sum("amount")
        )["total"]
        locked = result.refund
        checkout.apply_refunded_total(
            locked.payment, total, source=source, actor=locked.approved_by or locked.requested_by
        )
    return locked


def refund_failed(refund, *, message, source, reference=None) -> Refund:
    changes = {"failure_message": message}
    if reference:
        changes["provider_reference"] = reference
    return refund_transitions.transition(
        refund, R.FAILED, source=source, message=message, changes=changes
    ).refund
