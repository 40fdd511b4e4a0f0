"""Demo payment mode: a stand-in for Stripe kept in our own database, for `make run` without keys.

The demo checkout page (`payments.views.demo_checkout`) completes a session and posts a signed
event to our own webhook, exactly as Stripe would; no money is taken and nothing leaves the machine.
"""

import secrets

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from payments.models import DemoCheckoutSession
from payments.providers.base import CheckoutSession, Provider, ProviderError, RefundResult


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


class DemoProvider(Provider):
    name = "demo"

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

    def refund(self, *, payment, amount, idempotency_key, reason="") -> RefundResult:
        return RefundResult(
            id=f"re_demo_{str(idempotency_key).replace('-', '')[:24]}", status="succeeded", amount=amount
        )
