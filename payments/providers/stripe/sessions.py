"""Stripe's Checkout Session as plain data, and what it means for a payment in the core's words."""

import dataclasses

from payments.constants import PaymentMethod
from payments.providers.base import Update

SESSION_EVENTS = frozenset(
    {
        "checkout.session.completed",
        "checkout.session.async_payment_succeeded",
        "checkout.session.async_payment_failed",
        "checkout.session.expired",
    }
)


@dataclasses.dataclass
class CheckoutSession:
    """What a Checkout Session says, as Stripe's `checkout.session` object does."""

    id: str
    url: str = ""
    status: str = "open"  # open, complete, expired
    payment_status: str = "unpaid"  # paid, unpaid, no_payment_required
    amount_total: int | None = None
    currency: str = ""
    payment_intent: str = ""
    payment_method: str = ""  # card, promptpay, or "" when not known
    payment_intent_status: str = ""
    metadata: dict = dataclasses.field(default_factory=dict)
    created: int | None = None

    @classmethod
    def from_stripe(cls, data) -> "CheckoutSession":
        """From a Stripe session (an object or the dict of a webhook event)."""
        if hasattr(data, "to_dict"):
            data = data.to_dict()
        get = (
            data.get if isinstance(data, dict) else (lambda name, default=None: getattr(data, name, default))
        )
        intent = get("payment_intent") or ""
        intent_status = ""
        method = ""
        if not isinstance(intent, str):
            intent_get = intent.get if isinstance(intent, dict) else (lambda n, d=None: getattr(intent, n, d))
            intent_status = intent_get("status") or ""
            charge = intent_get("latest_charge")
            if charge is not None and not isinstance(charge, str):
                details = (
                    charge.get if isinstance(charge, dict) else lambda n, d=None: getattr(charge, n, d)
                )("payment_method_details")
                if details:
                    method = (
                        details.get("type", "") if isinstance(details, dict) else getattr(details, "type", "")
                    )
            intent = intent_get("id") or ""
        metadata = get("metadata") or {}
        return cls(
            id=get("id"),
            url=get("url") or "",
            status=get("status") or "open",
            payment_status=get("payment_status") or "unpaid",
            amount_total=get("amount_total"),
            currency=(get("currency") or "").lower(),
            payment_intent=intent,
            payment_method=method,
            payment_intent_status=intent_status,
            metadata=dict(metadata),
            created=get("created"),
        )


def _method(session, event_type):
    if session.payment_method in PaymentMethod.values and session.payment_method:
        return session.payment_method
    if event_type == "checkout.session.async_payment_succeeded":
        return PaymentMethod.PROMPTPAY  # Checkout's only delayed method here
    if event_type == "checkout.session.completed":
        return PaymentMethod.CARD  # PromptPay completes unpaid and confirms later
    return ""


def to_update(session: CheckoutSession, event_type: str = "") -> Update:
    """The session as an absolute state: paid (with amount, currency, method and PaymentIntent),
    failed, expired, or still waiting."""
    note = event_type or session.status
    if event_type == "checkout.session.async_payment_failed":
        return Update.failed(note)
    if session.payment_status == "paid":
        return Update.paid(
            amount=session.amount_total or 0,
            currency=session.currency,
            method=_method(session, event_type),
            payment_reference=session.payment_intent,
            note=event_type,
        )
    if session.status == "expired":
        return Update.expired(note)
    if session.status == "complete" and session.payment_intent_status in (
        "canceled",
        "requires_payment_method",
    ):
        return Update.failed(note)
    if session.status == "complete":
        return Update.pending("waiting for the payment to be confirmed")
    return Update.pending("checkout still open")
