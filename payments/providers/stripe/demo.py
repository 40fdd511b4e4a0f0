"""Demo payment mode (provider id "demo"): a stand-in for Stripe kept in our own database, for
`make run` without keys. It takes no money and says so on every page.

The demo checkout page (`views.demo_checkout`) completes a session and sends the signed events Stripe
would send through the same webhook code (`webhooks.receive`); nothing leaves the machine.
"""

import secrets

from django.db import IntegrityError, transaction
from django.http import Http404
from django.urls import path, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from payments.providers import register
from payments.providers.base import ProviderError, RefundResult
from payments.providers.stripe import conf
from payments.providers.stripe.models import DemoCheckoutSession
from payments.providers.stripe.provider import StripeProvider
from payments.providers.stripe.sessions import CheckoutSession


def _session(row) -> CheckoutSession:
    with translation.override(row.metadata.get("language", "th")):
        url = reverse("payments_citizen:demo_checkout", args=[row.session_id])
    return CheckoutSession(
        id=row.session_id,
        url=url,
        status=row.status,
        payment_status=row.payment_status,
        amount_total=row.amount_total,
        currency=row.currency,
        payment_intent=row.payment_intent,
        payment_method=row.payment_method,
        metadata=dict(row.metadata),
        created=int(row.created_at.timestamp()),
    )


@register("demo")
class DemoProvider(StripeProvider):
    name = _("Demo checkout (no money taken)")
    citizen_label = _("Test checkout (demo: no money is taken)")
    citizen_help = _(
        "A test page stands in for the payment page: choose PromptPay or card. No money is taken."
    )
    is_demo = True

    def is_configured(self) -> bool:
        """Only while Stripe has no keys, and on a production server only with PAYMENTS_DEMO=true:
        a production site without keys simply offers no card payment."""
        return conf.demo_available(self.office)

    def missing_credentials(self) -> list[str]:
        return []

    def unavailable_reason(self) -> str:
        return str(
            _(
                "The demo checkout is only available while Stripe has no keys, and on a production server "
                "only when PAYMENTS_DEMO=true is set."
            )
        )

    def webhook_secret(self) -> str:
        return conf.demo_webhook_secret()

    def handle_webhook(self, request):
        raise Http404  # the demo's events never come from outside

    def create_checkout(self, *, payment, success_url, cancel_url, customer_email="") -> CheckoutSession:
        key = f"checkout-{payment.idempotency_key}"
        row = DemoCheckoutSession.objects.filter(idempotency_key=key).first()
        if row is None:
            try:
                with transaction.atomic():
                    row = DemoCheckoutSession.objects.create(
                        session_id=f"cs_demo_{secrets.token_hex(12)}",
                        idempotency_key=key,
                        amount_total=payment.amount,
                        description=payment.description,
                        success_url=success_url,
                        cancel_url=cancel_url,
                        metadata={
                            "payment_id": str(payment.pk),
                            "reference": payment.submission.reference,
                            "language": payment.language,
                        },
                    )
            except IntegrityError:
                row = DemoCheckoutSession.objects.get(idempotency_key=key)
        return _session(row)

    def retrieve_checkout(self, session_id) -> CheckoutSession:
        row = DemoCheckoutSession.objects.filter(session_id=session_id).first()
        if row is None:
            raise ProviderError("No such demo session", retryable=False, code="resource_missing")
        return _session(row)

    def expire_checkout(self, session_id) -> CheckoutSession:
        DemoCheckoutSession.objects.filter(session_id=session_id, status="open").update(status="expired")
        return self.retrieve_checkout(session_id)

    def refund(self, payment, *, amount, idempotency_key, reason="") -> RefundResult:
        return RefundResult(
            reference=f"re_demo_{str(idempotency_key).replace('-', '')[:24]}",
            status="succeeded",
            amount=amount,
        )

    def receipt_label(self, payment) -> str:
        return str(_("demo checkout: no money taken"))

    def admin_notice(self) -> str:
        return str(_("Demo payment mode: no Stripe keys are configured, so no money is taken."))

    def urls(self) -> list:
        return []

    def citizen_urls(self) -> list:
        from payments.providers.stripe import views  # noqa: PLC0415 — these use the provider

        return [path("demo/checkout/<str:session_id>/", views.demo_checkout, name="demo_checkout")]


# `check --deploy` warns while the demo is on.
from payments.providers.stripe import checks  # noqa: E402, F401
