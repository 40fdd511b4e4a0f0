"""The citizen's online payment, whatever the provider: which providers are offered, starting a
payment, applying what a provider says (`apply_update`: the webhook, the citizen's return, the
scheduled check and a bank statement all end here), and the scheduled check itself.

Every change of state goes through `transitions.transition`. Providers answer with neutral `Update`s
and never touch a payment's status.
"""

import logging
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from casework.models import Submission
from payments import events, fees, providers
from payments.constants import (
    PAID_STATUSES,
    EventOutcome,
    EventSource,
    PaymentChannel,
    PaymentMethod,
    PaymentStatus,
)
from payments.models import Payment, PaymentSettings
from payments.providers import ProviderError, UnknownProvider, Update, base
from payments.settings_form import enabled_ids
from payments.transitions import TransitionNotAllowed, note, transition

logger = logging.getLogger(__name__)
S = PaymentStatus


class PaymentUnavailable(Exception):
    """The citizen cannot pay now; the message says why, in their language."""


# What is offered ----------------------------------------------------------------------------------
def offered_providers(office, settings=None) -> list:
    """The providers `office`'s citizens may pay through now: its administrator's choice (or, before
    one is made, each provider's default), among those configured for the office on this server.
    `settings`: the office's `PaymentSettings`, when already at hand."""
    if office is None:
        return []
    settings = settings or PaymentSettings.for_office(office)
    chosen = enabled_ids(settings, office)
    return [p for p in providers.all_providers(office) if p.id in chosen and p.is_configured()]


def offered_methods(office) -> set[str]:
    return {method for provider in offered_providers(office) for method in provider.methods}


def demo_mode(office) -> bool:
    """A stand-in that takes no money is offered: every payment page says so."""
    return any(provider.is_demo for provider in offered_providers(office))


def admin_notices(offices) -> list[str]:
    """The providers' warnings (demo mode …) for the payments admin, for the offices a member of
    staff works on: one query for all their settings."""
    offices = {office.pk: office for office in offices}
    notices = []
    rows = PaymentSettings.objects.filter(site__office__in=list(offices)).select_related("site__office")
    for row in rows:
        for provider in offered_providers(offices[row.site.office.pk], settings=row):
            notice = provider.admin_notice()
            if notice and notice not in notices:
                notices.append(notice)
    return notices


def provider_for(payment):
    """The provider that took (or is taking) this payment, working for the payment's office; None
    for the counter."""
    return providers.get(payment.provider, office=payment.submission.office) if payment.provider else None


def provider_or_none(payment):
    """`provider_for`, or None when the provider's package is gone: for words on pages and in emails,
    which must not fail for an old payment."""
    try:
        return provider_for(payment) if payment is not None else None
    except UnknownProvider:
        return None


# The submission's payments -------------------------------------------------------------------------
def settled_payment(submission):
    """The payment that settled the fee (paid, partly or fully refunded, or held for review)."""
    return (
        Payment.objects.filter(submission=submission, status__in=PAID_STATUSES | {S.NEEDS_REVIEW})
        .order_by("paid_at", "pk")
        .first()
    )


def open_payment(submission, amount=None, provider=None):
    """The online payment the citizen can still complete (of `provider`, if given), if any."""
    queryset = Payment.objects.filter(submission=submission, status=S.PENDING, channel=PaymentChannel.ONLINE)
    if amount is not None:
        queryset = queryset.filter(amount=amount)
    if provider is not None:
        queryset = queryset.filter(provider=provider.id)
    for payment in queryset.order_by("-created_at"):
        try:
            lifetime = provider_for(payment).lifetime()
        except UnknownProvider:
            continue
        # An hour's margin: a payment about to be expired is not handed out again.
        if payment.created_at > timezone.now() - lifetime + timedelta(hours=1):
            return payment
    return None


def start(submission, *, provider, language, build_urls) -> Payment:
    """The payment to send the citizen to, with the address where they pay (`checkout_url`).

    One payable attempt per provider at a time: the submission's row is locked while the open payment
    is found or made, and the provider is called with that payment (its idempotency key), so a double
    click or a retry after a timeout returns the same checkout. Raises `PaymentUnavailable` (nothing
    to pay, already paid, not offered) or `ProviderError` (the provider did not answer: nothing was
    charged).
    """
    if provider.id not in {p.id for p in offered_providers(submission.office)}:
        raise PaymentUnavailable(_("This way of paying is not offered. Please choose another."))
    fee = fees.fee_for(submission)
    with transaction.atomic():
        Submission.objects.select_for_update().filter(pk=submission.pk).first()
        if settled_payment(submission) is not None:
            raise PaymentUnavailable(_("This fee has already been paid."))
        if fee.awaiting_assessment:
            raise PaymentUnavailable(
                _("An officer has not set the fee yet. We will email you when you can pay.")
            )
        if fee.not_yet_due:
            raise PaymentUnavailable(
                _(
                    "This fee is paid after the office approves your request. We will email you when you can pay."
                )
            )
        if not fee.payable:
            raise PaymentUnavailable(_("There is nothing to pay for this request."))
        payment = open_payment(submission, fee.amount, provider)
        if payment is None:
            payment = Payment.objects.create(
                submission=submission,
                channel=PaymentChannel.ONLINE,
                provider=provider.id,
                amount=fee.amount,
                description=f"{submission.service_title} ({submission.reference})",
                language=language,
            )
            note(payment, source=EventSource.CITIZEN, message="checkout started")
    if payment.provider_reference and payment.checkout_url:
        return payment
    return_url, cancel_url = build_urls(payment)
    started = provider.start_payment(
        payment, return_url=return_url, cancel_url=cancel_url, customer_email=submission.applicant_email
    )
    with transaction.atomic():
        locked = Payment.objects.select_for_update().get(pk=payment.pk)
        if not locked.provider_reference:
            locked.provider_reference = started.reference
            locked.checkout_url = started.url
            locked.save(update_fields=["provider_reference", "checkout_url", "updated_at"])
        elif locked.provider_reference != started.reference:  # idempotency keys make this impossible
            logger.error("payment %s got a second checkout %s", locked.pk, started.reference)
    payment.refresh_from_db()
    close_others(payment, source=EventSource.CITIZEN)
    return payment


def close_others(payment, *, source, actor=None) -> None:
    """Close the submission's other open payments (another provider's checkout, a QR code …) so the
    citizen is not asked twice. Best effort: money that arrives anyway is matched and flagged."""
    others = Payment.objects.filter(submission_id=payment.submission_id, status=S.PENDING).exclude(
        pk=payment.pk
    )
    for other in others:
        try:
            provider = provider_for(other)
            update = provider.expire(other) if provider else Update.expired("closed")
            if update is not None:
                apply_update(other, update, source=source, actor=actor)
        except (ProviderError, UnknownProvider, TransitionNotAllowed) as error:
            logger.warning("could not close payment %s: %s", other.pk, error)


# Applying what a provider says ------------------------------------------------------------------------
def apply_update(payment, update: Update, *, source, event_id="", actor=None) -> tuple[str, str]:
    """Bring `payment` in line with what its provider says; returns (outcome, message).

    Absolute, not incremental: whatever order updates come in, and however often, the result is what
    the provider reports. Money taken is never ignored: an amount or currency that does not match, or
    a second payment of a fee already paid, is held for an administrator instead of marked paid.
    """
    if update.kind == base.PENDING:
        with transaction.atomic():
            Payment.objects.filter(pk=payment.pk).update(last_checked_at=timezone.now())
            note(payment, source=source, message=update.note, event_id=event_id, actor=actor)
        return EventOutcome.IGNORED, update.note
    if update.kind == base.REFUNDED:
        return apply_refunded_total(
            payment, update.refunded_total or 0, source=source, event_id=event_id, actor=actor
        )
    target = {base.PAID: S.PAID, base.FAILED: S.FAILED, base.EXPIRED: S.EXPIRED}[update.kind]
    changes = {"last_checked_at": timezone.now()}
    reason = ""
    with transaction.atomic():
        if target == S.PAID:
            Submission.objects.select_for_update().filter(pk=payment.submission_id).first()
            payment.refresh_from_db()
            changes.update(
                amount_received=update.amount or 0,
                provider_payment_reference=update.payment_reference or None,
                method=update.method if update.method in PaymentMethod.values else "",
            )
            problems = []
            if update.currency != payment.currency:
                problems.append(f"currency {update.currency!r}, expected {payment.currency!r}")
            if update.amount != payment.amount:
                problems.append(f"amount {update.amount} satang, expected {payment.amount}")
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
                actor=actor,
                event_id=event_id,
                changes=changes,
                message=reason or update.note,
            )
        except TransitionNotAllowed as error:
            note(
                payment,
                source=source,
                actor=actor,
                event_id=event_id,
                message=f"ignored {update.note or update.kind}: already {error.from_status}",
            )
            return EventOutcome.IGNORED, f"already {error.from_status}"
    if target == S.NEEDS_REVIEW and result.changed:
        return EventOutcome.FLAGGED, reason
    return (EventOutcome.APPLIED if result.changed else EventOutcome.IGNORED), target


def apply_refunded_total(payment, total_refunded: int, *, source, event_id="", actor=None) -> tuple[str, str]:
    """The provider's total refunded for the payment (never less than what we already know)."""
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


def refresh(payment, *, source=EventSource.SYNC) -> tuple[str, str]:
    """Ask the provider that took the payment and apply its answer (the citizen's return page uses
    `source=return`, which asks through `handle_return`)."""
    try:
        provider = provider_for(payment)
    except UnknownProvider:
        return EventOutcome.IGNORED, "unknown provider"
    if provider is None:
        return EventOutcome.IGNORED, "no provider"
    update = provider.handle_return(payment) if source == EventSource.RETURN else provider.refresh(payment)
    if update is None:
        return EventOutcome.IGNORED, "nothing to ask"
    return apply_update(payment, update, source=source)


# Scheduled check ------------------------------------------------------------------------------------
def sync_pending(*, now=None) -> dict:
    """What `manage.py sync_payments` does: ask each open payment's provider about it, apply the
    answer as a webhook would, expire payments older than their provider's lifetime, retry deferred
    events. Safe to run while webhooks arrive and while another run is still going."""
    now = now or timezone.now()
    counts = {"checked": 0, "changed": 0, "expired": 0, "errors": 0, "deferred_events": 0}
    open_payments = Payment.objects.filter(status=S.PENDING, channel=PaymentChannel.ONLINE).order_by(
        "created_at"
    )
    for payment in open_payments.iterator():
        counts["checked"] += 1
        try:
            provider = provider_for(payment)
            update = provider.refresh(payment)
            if payment.created_at < now - provider.lifetime() and (
                update is None or update.kind == base.PENDING
            ):
                update = provider.expire(payment)
            if update is None:
                continue
            outcome, target = apply_update(payment, update, source=EventSource.SYNC)
            if outcome in (EventOutcome.APPLIED, EventOutcome.FLAGGED):
                counts["changed"] += 1
                if target == S.EXPIRED:
                    counts["expired"] += 1
        except (ProviderError, UnknownProvider) as error:
            counts["errors"] += 1
            logger.warning("sync_payments: payment %s: %s", payment.pk, error)
        except TransitionNotAllowed:
            pass
    counts["deferred_events"] = events.reprocess_deferred()
    return counts
