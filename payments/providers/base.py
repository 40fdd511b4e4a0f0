"""The few things we ask of a payment provider, as plain data, so the domain never sees Stripe objects."""

import dataclasses


class ProviderError(Exception):
    """The provider did not answer or refused. Nothing we keep was changed; the call may be retried
    with the same idempotency key."""

    def __init__(self, message, *, retryable=True, code=""):
        super().__init__(message)
        self.retryable = retryable
        self.code = code


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


@dataclasses.dataclass
class RefundResult:
    id: str
    status: str  # succeeded, pending, failed, requires_action
    amount: int


class Provider:
    """Override each method for a new provider; each must be safe to repeat with the same key."""

    name = ""

    def create_checkout(self, *, payment, success_url, cancel_url, customer_email="") -> CheckoutSession:
        raise NotImplementedError

    def retrieve_checkout(self, session_id) -> CheckoutSession:
        raise NotImplementedError

    def expire_checkout(self, session_id) -> CheckoutSession:
        raise NotImplementedError

    def refund(self, *, payment, amount, idempotency_key, reason="") -> RefundResult:
        raise NotImplementedError
