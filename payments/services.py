"""Payment work that spans rows or calls the provider: starting a checkout, applying what Stripe says
(the webhook, the scheduled check and the citizen's return all use `apply_session`), counter
payments, fee assessments and refunds. Every change of state goes through `transitions.transition`.
"""

import logging
from datetime import timedelta

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from payments import conf, fees
from payments.constants import (
    OPEN_REFUND_STATUSES,
    PAID_STATUSES,
    EventOutcome,
    EventSource,
    PaymentChannel,
    PaymentMethod,
    PaymentStatus,
    RefundStatus,
)
from payments.models import FeeAssessment, Payment, PaymentSettings, Refund
from payments.providers import ProviderError, get_provider
from payments.transitions import TransitionNotAllowed, note, transition

logger = logging.getLogger(__name__)
S = PaymentStatus


class PaymentUnavailable(Exception):
    """The citizen cannot pay now; the message says why, in their language."""


class RefundError(Exception):
    pass


# The citizen's checkout -----------------------------------------------------------------------------
def channel() -> str:
    return PaymentChannel.DEMO if conf.demo_mode() else PaymentChannel.STRIPE


def settled_payment(submission):
    """The payment that settled the fee (paid, partly or fully refunded, or held for review)."""
    return (
        Payment.objects.filter(submission=submission, status__in=PAID_STATUSES | {S.NEEDS_REVIEW})
        .order_by("paid_at", "pk")
        .first()
    )


def open_payment(submission, amount=None):
    queryset = Payment.objects.filter(
        submission=submission, status=S.PENDING, channel__in=[PaymentChannel.STRIPE, PaymentChannel.DEMO]
    )
    if amount is not None:
        queryset = queryset.filter(amount=amount)
    fresh_after = timezone.now() - timedelta(hours=max(1, conf.session_lifetime_hours() - 1))
    return queryset.filter(created_at__gt=fresh_after).order_by("-created_at").first()


def start_checkout(submission, *, language, build_urls, provider=None) -> Payment:
    """The payment to send the citizen to, with its checkout URL.

    One payable session at a time per submission: the submission's row is locked while the open
    payment is found or made, and the provider is called with that payment's idempotency key, so
    a double click or a retry after a timeout returns the same session. Raises `PaymentUnavailable`
    (nothing to pay, already paid) or `ProviderError` (Stripe did not answer: nothing was charged).
    """
    from casework.models import Submission

    provider = provider or get_provider()
    fee = fees.fee_for(submission)
    with transaction.atomic():
        Submission.objects.select_for_update().filter(pk=submission.pk).first()
        if settled_payment(submission) is not None:
            raise PaymentUnavailable(_("This fee has already been paid."))
        if fee.awaiting_assessment:
            raise PaymentUnavailable(
                _("An officer has not set the fee yet. We will email you when you can pay.")
            )
        if not fee.payable:
            raise PaymentUnavailable(_("There is nothing to pay for this request."))
        payment = open_payment(submission, fee.amount)
        if payment is None:
            payment = Payment.objects.create(
                submission=submission,
                channel=provider.name if provider.name in PaymentChannel.values else channel(),
                amount=fee.amount,
                description=f"{submission.service_title} ({submission.reference})",
                language=language,
            )
            note(payment, source=EventSource.CITIZEN, message="checkout started")
    if payment.stripe_session_id and payment.checkout_url:
        return payment
    success_url, cancel_url = build_urls(payment)
    session = provider.create_checkout(
        payment=payment,
        success_url=success_url,
        cancel_url=cancel_url,
        customer_email=submission.applicant_email,
    )
    with transaction.atomic():
        locked = Payment.objects.select_for_update().get(pk=payment.pk)
        if not locked.stripe_session_id:
            locked.stripe_session_id = session.id
            locked.checkout_url = session.url
            locked.save(update_fields=["stripe_session_id", "checkout_url", "updated_at"])
        elif locked.stripe_session_id != session.id:  # cannot happen with idempotency keys; never hide it
            logger.error("payment %s got a second session %s", locked.pk, session.id)
    payment.refresh_from_db()
    return payment


# Applying what Stripe says ----------------------------------------------------------------------------
def _method(session, event_type):
    if session.payment_method in PaymentMethod.values and session.payment_method:
        return session.payment_method
    if event_type == "checkout.session.async_payment_succeeded":
        return PaymentMethod.PROMPTPAY  # Checkout's only delayed method here
    if event_type == "checkout.session.completed":
        return PaymentMethod.CARD  # PromptPay completes unpaid and confirms later
    return ""


def apply_session(payment, session, *, source, event_type="", event_id="") -> tuple[str, str]:
    """Bring `payment` in line with a Checkout Session; returns (outcome, message).

    Absolute, not incremental: whatever order events come in, and however often, the result is the
    state Stripe reports. Money taken is never ignored: an amount or currency that does not match,
    or a second payment of a fee already paid, is held for an administrator instead of marked paid.
    """
    from casework.models import Submission

    if event_type == "checkout.session.async_payment_failed":
        target = S.FAILED
    elif session.payment_status == "paid":
        target = S.PAID
    elif session.status == "expired":
        target = S.EXPIRED
    elif session.status == "complete" and session.payment_intent_status in (
        "canceled",
        "requires_payment_method",
    ):
        target = S.FAILED
    else:
        message = (
            "waiting for the payment to be confirmed"
            if session.status == "complete"
            else "checkout still open"
        )
        with transaction.atomic():
            Payment.objects.filter(pk=payment.pk).update(last_checked_at=timezone.now())
            note(payment, source=source, message=message, event_id=event_id)
        return EventOutcome.IGNORED, message
    changes = {"last_checked_at": timezone.now()}
    reason = ""
    with transaction.atomic():
        if target == S.PAID:
            Submission.objects.select_for_update().filter(pk=payment.submission_id).first()
            payment.refresh_from_db()
            changes.update(
                amount_received=session.amount_total or 0,
                stripe_payment_intent_id=session.payment_intent or None,
                method=_method(session, event_type),
            )
            problems = []
            if session.currency != payment.currency:
                problems.append(f"currency {session.currency!r}, expected {payment.currency!r}")
            if session.amount_total != payment.amount:
                problems.append(f"amount {session.amount_total} satang, expected {payment.amount}")
            other = settled_payment(payment.submission)
            if other is not None and other.pk != payment.pk:
                problems.append(f"the fee was already paid by payment {other.pk}: refund one of them")
            if problems and payment.status not in PAID_STATUSES:
                target = S.NEEDS_REVIEW
                reason = "; ".join(problems)
                changes["review_reason"] = reason
        try:
            result = transition(
                payment,
                target,
                source=source,
                event_id=event_id,
                changes=changes,
                message=reason or event_type,
            )
        except TransitionNotAllowed as error:
            note(
                payment,
                source=source,
                event_id=event_id,
                message=f"ignored {event_type or session.status}: already {error.from_status}",
            )
            return EventOutcome.IGNORED, f"already {error.from_status}"
    if target == S.NEEDS_REVIEW and result.changed:
        return EventOutcome.FLAGGED, reason
    return (EventOutcome.APPLIED if result.changed else EventOutcome.IGNORED), target


def refresh(payment, *, source=EventSource.SYNC, provider=None) -> tuple[str, str]:
    """Ask the provider for the session and apply it (the citizen's return page, `sync_payments`)."""
    if not payment.stripe_session_id:
        return EventOutcome.IGNORED, "no session"
    session = (provider or get_provider()).retrieve_checkout(payment.stripe_session_id)
    return apply_session(payment, session, source=source)


def apply_refunded_total(payment, total_refunded: int, *, source, event_id="", actor=None) -> tuple[str, str]:
    """Stripe's total refunded for the payment (never less than what we already know)."""
    payment.refresh_from_db()
    total = max(total_refunded, payment.amount_refunded)
    if total <= payment.amount_refunded:
        note(
            payment, source=source, event_id=event_id, message=f"refund total {total_refunded} already known"
        )
        return EventOutcome.IGNORED, "already known"
    if total > payment.amount_received:
        note(
            payment,
            source=source,
            event_id=event_id,
            message=f"refund total {total_refunded} above the amount received",
        )
        return EventOutcome.FLAGGED, "refund above the amount received"
    target = S.REFUNDED if total >= payment.amount_received else S.PARTLY_REFUNDED
    try:
        transition(
            payment, target, source=source, actor=actor, event_id=event_id, changes={"amount_refunded": total}
        )
    except TransitionNotAllowed as error:
        note(payment, source=source, event_id=event_id, message=f"refund while {error.from_status}")
        return EventOutcome.FLAGGED, f"refund while {error.from_status}"
    return EventOutcome.APPLIED, target


def submission_payment(submission):
    """For the inbox and the status page (`eforms.integrations.payment_summary`): what the citizen
    owes or paid, and where to pay; None when the service has no fee."""
    from payments.links import payment_page_url
    from payments.money import format_baht

    fee = fees.fee_for(submission)
    settled = settled_payment(submission)
    if settled is not None:
        label = f"{settled.get_status_display()} – {format_baht(settled.amount_received)}"
        return {"label": label, "state": settled.status, "url": payment_page_url(submission)}
    if fee.awaiting_assessment:
        return {
            "label": str(_("The fee will be set by an officer")),
            "state": "awaiting_assessment",
            "url": None,
        }
    if not fee.payable:
        return None
    return {
        "label": str(_("Not paid yet: %(amount)s") % {"amount": format_baht(fee.amount)}),
        "state": PaymentStatus.PENDING,
        "url": payment_page_url(submission),
    }


# Scheduled check ------------------------------------------------------------------------------------
def sync_pending(*, now=None, provider=None) -> dict:
    """What `manage.py sync_payments` does: ask the provider about every open payment, apply it as a
    webhook would, expire sessions older than `PAYMENTS_SESSION_LIFETIME_HOURS`, retry deferred
    events. Safe to run while webhooks arrive and while another run is still going."""
    from payments import webhooks

    now = now or timezone.now()
    provider = provider or get_provider()
    cutoff = now - timedelta(hours=conf.session_lifetime_hours())
    counts = {"checked": 0, "changed": 0, "expired": 0, "errors": 0, "deferred_events": 0}
    open_payments = Payment.objects.filter(
        status=S.PENDING, channel__in=[PaymentChannel.STRIPE, PaymentChannel.DEMO]
    ).order_by("created_at")
    for payment in open_payments.iterator():
        counts["checked"] += 1
        try:
            if not payment.stripe_session_id:
                if payment.created_at < cutoff:
                    transition(
                        payment, S.EXPIRED, source=EventSource.SYNC, message="no checkout session was made"
                    )
                    counts["expired"] += 1
                continue
            session = provider.retrieve_checkout(payment.stripe_session_id)
            if session.status == "open" and payment.created_at < cutoff:
                session = provider.expire_checkout(payment.stripe_session_id)
            outcome, target = apply_session(payment, session, source=EventSource.SYNC)
            if outcome in (EventOutcome.APPLIED, EventOutcome.FLAGGED):
                counts["changed"] += 1
                if target == S.EXPIRED:
                    counts["expired"] += 1
        except ProviderError as error:
            counts["errors"] += 1
            logger.warning("sync_payments: payment %s: %s", payment.pk, error)
        except TransitionNotAllowed:
            pass
    counts["deferred_events"] = webhooks.reprocess_deferred()
    return counts


# Counter payments and assessed fees ---------------------------------------------------------------------
def record_counter_payment(submission, *, amount, method, note_text, officer, provider=None) -> Payment:
    """A payment in cash or by bank transfer at the office: the same receipts and reports as online.
    Open online checkouts of the submission are expired so the citizen cannot pay twice."""
    from casework.models import Submission

    if method not in (PaymentMethod.CASH, PaymentMethod.TRANSFER):
        raise PaymentUnavailable(_("Choose cash or bank transfer."))
    if amount <= 0:
        raise PaymentUnavailable(_("The amount must be more than zero."))
    with transaction.atomic():
        Submission.objects.select_for_update().filter(pk=submission.pk).first()
        if settled_payment(submission) is not None:
            raise PaymentUnavailable(_("This fee has already been paid."))
        payment = Payment.objects.create(
            submission=submission,
            channel=PaymentChannel.COUNTER,
            amount=amount,
            description=f"{submission.service_title} ({submission.reference})",
            language=submission.language or "th",
            counter_note=note_text,
            recorded_by=officer,
        )
        transition(
            payment,
            S.PAID,
            source=EventSource.OFFICER,
            actor=officer,
            message=note_text,
            changes={"amount_received": amount, "method": method},
        )
    for other in Payment.objects.filter(submission=submission, status=S.PENDING).exclude(pk=payment.pk):
        try:
            if other.stripe_session_id:
                apply_session(
                    other,
                    (provider or get_provider()).expire_checkout(other.stripe_session_id),
                    source=EventSource.SYNC,
                )
            else:
                transition(
                    other, S.EXPIRED, source=EventSource.OFFICER, actor=officer, message="paid at the office"
                )
        except (ProviderError, TransitionNotAllowed) as error:
            logger.warning("could not expire payment %s after a counter payment: %s", other.pk, error)
    payment.refresh_from_db()
    return payment


def assess_fee(submission, *, amount, note_text, officer) -> FeeAssessment:
    if amount <= 0:
        raise PaymentUnavailable(_("The amount must be more than zero."))
    with transaction.atomic():
        if settled_payment(submission) is not None:
            raise PaymentUnavailable(_("This fee has already been paid."))
        assessment, _created = FeeAssessment.objects.update_or_create(
            submission=submission,
            defaults={
                "amount": amount,
                "note": note_text,
                "assessed_by": officer,
                "assessed_at": timezone.now(),
            },
        )
    from payments.notifications import record_on_timeline

    record_on_timeline(
        Payment(submission=assessment.submission),
        "payment",
        actor=officer,
        message=_("Fee set: please pay"),
        data={"amount_satang": amount},
    )
    return assessment


# Refunds ------------------------------------------------------------------------------------------
def refundable_now(payment) -> int:
    """What may still be asked for: received − refunded − refunds on their way or awaiting approval."""
    pending = (
        Refund.objects.filter(payment=payment, status__in=OPEN_REFUND_STATUSES).aggregate(
            total=Sum("amount")
        )["total"]
        or 0
    )
    return max(0, payment.amount_received - payment.amount_refunded - pending)


def needs_second_officer(amount: int) -> bool:
    return amount > PaymentSettings.load().refund_approval_threshold


def request_refund(payment, *, amount, reason, officer, provider=None) -> Refund:
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
            from payments.money import format_baht

            raise RefundError(
                _("The refund is larger than what can still be refunded (%(amount)s).")
                % {"amount": format_baht(available)}
            )
        refund = Refund.objects.create(
            payment=payment,
            amount=amount,
            reason=reason,
            requested_by=officer,
            status=RefundStatus.AWAITING_APPROVAL
            if needs_second_officer(amount)
            else RefundStatus.PROCESSING,
        )
        note(
            payment,
            source=EventSource.OFFICER,
            actor=officer,
            message=f"refund {refund.pk} asked: {amount} satang: {reason}",
        )
    if refund.status == RefundStatus.PROCESSING:
        execute_refund(refund, provider=provider)
    refund.refresh_from_db()
    return refund


def approve_refund(refund, *, officer, provider=None) -> Refund:
    with transaction.atomic():
        refund = Refund.objects.select_for_update().get(pk=refund.pk)
        if refund.status != RefundStatus.AWAITING_APPROVAL:
            raise RefundError(_("This refund is not waiting for approval."))
        if refund.requested_by_id == officer.pk:
            raise RefundError(_("Another officer must approve a refund you asked for."))
        refund.status = RefundStatus.PROCESSING
        refund.approved_by = officer
        refund.decided_at = timezone.now()
        refund.save()
        note(
            refund.payment, source=EventSource.OFFICER, actor=officer, message=f"refund {refund.pk} approved"
        )
    execute_refund(refund, provider=provider)
    refund.refresh_from_db()
    return refund


def reject_refund(refund, *, officer) -> Refund:
    with transaction.atomic():
        refund = Refund.objects.select_for_update().get(pk=refund.pk)
        if refund.status != RefundStatus.AWAITING_APPROVAL:
            raise RefundError(_("This refund is not waiting for approval."))
        refund.status = RefundStatus.REJECTED
        refund.approved_by = officer
        refund.decided_at = timezone.now()
        refund.save()
        note(
            refund.payment, source=EventSource.OFFICER, actor=officer, message=f"refund {refund.pk} rejected"
        )
    return refund


def execute_refund(refund, *, provider=None) -> Refund:
    """Send a refund that is `processing`. Safe to call again after a timeout: the refund's own
    idempotency key makes Stripe return the refund it already made instead of a second one."""
    payment = refund.payment
    if payment.channel == PaymentChannel.COUNTER:
        return _refund_succeeded(refund, refund_id=None)
    try:
        result = (provider or get_provider()).refund(
            payment=payment,
            amount=refund.amount,
            idempotency_key=refund.idempotency_key,
            reason=refund.reason,
        )
    except ProviderError as error:
        with transaction.atomic():
            locked = Refund.objects.select_for_update().get(pk=refund.pk)
            locked.failure_message = str(error)
            if not error.retryable:
                locked.status = RefundStatus.FAILED
            locked.save()
        raise RefundError(
            _("Stripe did not accept the refund: %(error)s") % {"error": error}
            if not error.retryable
            else _("Stripe did not answer. Nothing was refunded twice: try again in a few minutes.")
        ) from error
    if result.status in ("succeeded",):
        return _refund_succeeded(refund, refund_id=result.id)
    with transaction.atomic():
        locked = Refund.objects.select_for_update().get(pk=refund.pk)
        locked.stripe_refund_id = result.id
        if result.status in ("failed", "canceled"):
            locked.status = RefundStatus.FAILED
        locked.save()
    return locked


def _refund_succeeded(refund, refund_id) -> Refund:
    with transaction.atomic():
        locked = Refund.objects.select_for_update().get(pk=refund.pk)
        if locked.status == RefundStatus.SUCCEEDED:
            return locked
        locked.status = RefundStatus.SUCCEEDED
        locked.stripe_refund_id = refund_id or locked.stripe_refund_id
        locked.completed_at = timezone.now()
        locked.save()
        total = Refund.objects.filter(payment_id=locked.payment_id, status=RefundStatus.SUCCEEDED).aggregate(
            total=Sum("amount")
        )["total"]
        apply_refunded_total(
            locked.payment, total, source=EventSource.OFFICER, actor=locked.approved_by or locked.requested_by
        )
    return locked
