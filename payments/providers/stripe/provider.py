"""Stripe Checkout in THB with card and PromptPay, through the official `stripe` library."""

import stripe
from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from payments.constants import CURRENCY, PaymentMethod
from payments.credentials import variables
from payments.providers import register
from payments.providers.base import Provider, ProviderError, RefundResult, Started, Update
from payments.providers.stripe import conf
from payments.providers.stripe.sessions import CheckoutSession, to_update


def client(office) -> stripe.StripeClient:
    """A client with the office's own secret key: the office's payments go to its own account."""
    key = conf.secret_key(office)
    if not key:
        raise ProviderError(
            "Stripe has no secret key for this office", retryable=False, code="not_configured"
        )
    options = {
        "max_network_retries": conf.api_retries(),
        "http_client": stripe.RequestsClient(timeout=conf.api_timeout()),
    }
    if conf.api_base():
        options["base_addresses"] = {"api": conf.api_base()}
    return stripe.StripeClient(key, **options)


def _error(error: stripe.StripeError) -> ProviderError:
    retryable = isinstance(error, (stripe.APIConnectionError, stripe.RateLimitError, stripe.APIError))
    code = getattr(error, "code", "") or type(error).__name__
    return ProviderError(str(error.user_message or error), retryable=retryable, code=code)


@register("stripe")
class StripeProvider(Provider):
    name = _("Stripe")
    citizen_label = _("PromptPay or card, on Stripe's payment page")
    citizen_help = _(
        "You can pay by PromptPay (scan the QR code with your bank's app) or by card. The payment page "
        "is run by Stripe."
    )
    methods = frozenset({PaymentMethod.CARD, PaymentMethod.PROMPTPAY})
    pending_template = "payments/providers/stripe/pending.html"

    @cached_property
    def client(self):
        return client(self.office)

    # Configuration -------------------------------------------------------------------------------
    def is_configured(self) -> bool:
        """With the office's secret key it can take payments (confirmed on the citizen's return and by
        `sync_payments` even before its webhook secret is set; `check --deploy` warns about that)."""
        return conf.configured(self.office)

    def missing_credentials(self) -> list[str]:
        return [
            variables(name, self.office)
            for name, value in (
                (conf.SECRET_KEY, conf.secret_key(self.office)),
                (conf.WEBHOOK_SECRET, conf.webhook_secret(self.office)),
            )
            if not value
        ]

    def unavailable_reason(self) -> str:
        if self.office is None:
            return str(_("Stripe needs the office's keys in the server's environment."))
        return _("Stripe needs %(variables)s in the server's environment for this office.") % {
            "variables": ", ".join(
                variables(name, self.office) for name in (conf.SECRET_KEY, conf.WEBHOOK_SECRET)
            )
        }

    def enabled_by_default(self) -> bool:
        return True

    # Checkout sessions ---------------------------------------------------------------------------
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

    # The provider interface ------------------------------------------------------------------------
    def start_payment(self, payment, *, return_url, cancel_url, customer_email="") -> Started:
        session = self.create_checkout(
            payment=payment, success_url=return_url, cancel_url=cancel_url, customer_email=customer_email
        )
        return Started(reference=session.id, url=session.url)

    def refresh(self, payment) -> Update | None:
        if not payment.provider_reference:
            return None
        return to_update(self.retrieve_checkout(payment.provider_reference))

    def expire(self, payment) -> Update | None:
        if not payment.provider_reference:
            return Update.expired("no checkout session was made")
        return to_update(self.expire_checkout(payment.provider_reference))

    def webhook_secret(self) -> str:
        return conf.webhook_secret(self.office)

    def handle_webhook(self, request):
        from payments.providers.stripe import views  # noqa: PLC0415 — these use the provider

        return views.webhook_response(request, self)

    def apply_event(self, payload):
        from payments.providers.stripe import webhooks  # noqa: PLC0415 — these use the provider

        return webhooks.dispatch(payload, self.id, self.office)

    def refund(self, payment, *, amount, idempotency_key, reason="") -> RefundResult:
        params = {
            "payment_intent": payment.provider_payment_reference,
            "amount": amount,
            "metadata": {"payment_id": str(payment.pk), "reference": payment.submission.reference},
        }
        try:
            refund = self.client.v1.refunds.create(params, {"idempotency_key": f"refund-{idempotency_key}"})
        except stripe.StripeError as error:
            raise _error(error) from error
        return RefundResult(reference=refund.id, status=refund.status, amount=refund.amount)

    # Words -----------------------------------------------------------------------------------------
    def receipt_label(self, payment) -> str:
        return str(_("online"))

    def receipt_reference(self, payment):
        # Citizens do not know Stripe: the receipt calls its number what it is to them.
        value = payment.provider_payment_reference or payment.provider_reference
        return (str(_("Payment reference")), value) if value else None

    def officer_refund_note(self, payment) -> str:
        if payment.method == PaymentMethod.PROMPTPAY:
            return str(
                _(
                    "This was paid by PromptPay: Stripe emails the payer to ask for bank account details "
                    "before the money is returned."
                )
            )
        return ""

    def citizen_refund_note(self, payment) -> str:
        if payment.method == PaymentMethod.PROMPTPAY:
            return str(
                _(
                    "You paid by PromptPay: Stripe will email you to ask for the bank account to pay the money back to."
                )
            )
        if payment.method == PaymentMethod.CARD:
            return str(_("The money goes back to your card; your bank may take 5 to 10 days to show it."))
        return ""

    # Wiring ----------------------------------------------------------------------------------------
    def urls(self) -> list:
        from payments.providers.stripe import views  # noqa: PLC0415 — these use the provider

        # One URL per office, verified with that office's secret; the one without a code is the
        # default office's (the address Stripe was given before offices had accounts of their own).
        return [
            path("webhook/", views.webhook, name="stripe_webhook"),
            path("webhook/<slug:office_code>/", views.webhook, name="stripe_webhook"),
        ]


# The demo checkout registers itself as "demo" beside Stripe.
from payments.providers.stripe import demo  # noqa: E402, F401
