"""Stripe Checkout in THB with card and PromptPay, through the official `stripe` library."""

import stripe

from payments import conf
from payments.constants import CURRENCY
from payments.providers.base import CheckoutSession, Provider, ProviderError, RefundResult


def client() -> stripe.StripeClient:
    options = {
        "max_network_retries": conf.api_retries(),
        "http_client": stripe.RequestsClient(timeout=conf.api_timeout()),
    }
    if conf.api_base():
        options["base_addresses"] = {"api": conf.api_base()}
    return stripe.StripeClient(conf.secret_key(), **options)


def _error(error: stripe.StripeError) -> ProviderError:
    retryable = isinstance(error, (stripe.APIConnectionError, stripe.RateLimitError, stripe.APIError))
    code = getattr(error, "code", "") or type(error).__name__
    return ProviderError(str(error.user_message or error), retryable=retryable, code=code)


class StripeProvider(Provider):
    name = "stripe"

    def __init__(self, stripe_client=None):
        self.client = stripe_client or client()

    def create_checkout(self, *, payment, success_url, cancel_url, customer_email="") -> CheckoutSession:
        """One session per payment: the payment's idempotency key makes a retry or a double click
        return the session already created instead of a second payable one. The parameters depend
        only on the payment, so a retry sends exactly the same request (as Stripe requires)."""
        metadata = {"payment_id": str(payment.pk), "reference": payment.submission.reference}
        params = {
            "mode": "payment",
            "currency": CURRENCY,
            "payment_method_types": conf.payment_methods(),
            "line_items": [
                {
                    "quantity": 1,
                    "price_data": {
                        "currency": CURRENCY,
                        "unit_amount": payment.amount,
                        "product_data": {"name": payment.description[:250]},
                    },
                }
            ],
            "client_reference_id": payment.submission.reference,
            "metadata": metadata,
            "payment_intent_data": {"metadata": metadata, "description": payment.description[:250]},
            "locale": "th" if payment.language == "th" else "en",
            "success_url": success_url,
            "cancel_url": cancel_url,
        }
        if customer_email:
            params["customer_email"] = customer_email
        try:
            session = self.client.v1.checkout.sessions.create(
                params, {"idempotency_key": f"checkout-{payment.idempotency_key}"}
            )
        except stripe.StripeError as error:
            raise _error(error) from error
        return CheckoutSession.from_stripe(session)

    def retrieve_checkout(self, session_id) -> CheckoutSession:
        try:
            session = self.client.v1.checkout.sessions.retrieve(
                session_id, {"expand": ["payment_intent", "payment_intent.latest_charge"]}
            )
        except stripe.StripeError as error:
            raise _error(error) from error
        return CheckoutSession.from_stripe(session)

    def expire_checkout(self, session_id) -> CheckoutSession:
        try:
            session = self.client.v1.checkout.sessions.expire(session_id)
        except stripe.InvalidRequestError:
            # Already complete or expired: what it is now is what counts.
            return self.retrieve_checkout(session_id)
        except stripe.StripeError as error:
            raise _error(error) from error
        return CheckoutSession.from_stripe(session)

    def refund(self, *, payment, amount, idempotency_key, reason="") -> RefundResult:
        params = {
            "payment_intent": payment.stripe_payment_intent_id,
            "amount": amount,
            "metadata": {"payment_id": str(payment.pk), "reference": payment.submission.reference},
        }
        try:
            refund = self.client.v1.refunds.create(params, {"idempotency_key": f"refund-{idempotency_key}"})
        except stripe.StripeError as error:
            raise _error(error) from error
        return RefundResult(id=refund.id, status=refund.status, amount=refund.amount)
