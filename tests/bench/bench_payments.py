"""Payments: webhook deliveries handled per second for 1,000 signed events, a quarter of them repeats
(as Stripe retries), and a check that the payments recorded equal the distinct payments."""

import json
import random
import time

import stripe
from django.conf import settings
from django.test import Client, override_settings
from django.utils import timezone

from casework.models import Submission
from payments.constants import PaymentStatus
from payments.models import Payment, ProviderEvent, Receipt
from payments.providers.stripe import events

EVENTS = 1000
DISTINCT = 750
SECRET = "whsec_bench"


def _payments(count):
    now = timezone.now()
    submissions = Submission.objects.bulk_create(
        [
            Submission(
                reference=f"BN-69-{n:06d}",
                service_title="ค่าธรรมเนียมเก็บขยะ",
                language="th",
                answers=[],
                applicant_email="",
                processing_days=1,
                expected_completion=now.date(),
            )
            for n in range(count)
        ]
    )
    return Payment.objects.bulk_create(
        [
            Payment(
                submission=s,
                channel="online",
                provider="stripe",
                amount=4000,
                description=s.reference,
                provider_reference=f"cs_bench_{s.pk}",
            )
            for s in submissions
        ]
    )


def run(report):
    with override_settings(
        STRIPE_SECRET_KEY="sk_test_bench", STRIPE_WEBHOOK_SECRET=SECRET, TASKS=settings.TASKS
    ):
        payments = _payments(DISTINCT)
        deliveries = []
        for payment in payments:
            session = {
                "id": payment.provider_reference,
                "object": "checkout.session",
                "amount_total": 4000,
                "currency": "thb",
                "status": "complete",
                "payment_status": "paid",
                "payment_intent": f"pi_bench_{payment.pk}",
                "metadata": {"payment_id": str(payment.pk)},
            }
            deliveries.append(events.event("checkout.session.completed", session))
        random.seed(5)
        deliveries += random.sample(deliveries, EVENTS - DISTINCT)
        random.shuffle(deliveries)
        client = Client()
        bodies = []
        for event in deliveries:
            payload = json.dumps(event)
            bodies.append((payload, stripe.WebhookSignature.generate_signature_header(payload, SECRET)))
        started = time.perf_counter()
        statuses = [
            client.post(
                "/payments/stripe/webhook/", body, content_type="application/json", HTTP_STRIPE_SIGNATURE=sig
            ).status_code
            for body, sig in bodies
        ]
        elapsed = time.perf_counter() - started
        report("payments: webhook deliveries (25% repeats)", len(bodies), "events")
        report("payments: webhooks handled per second", len(bodies) / elapsed, "events/s")
        report("payments: mean time per webhook", elapsed / len(bodies) * 1000, "ms")
        report("payments: non-200 answers", sum(1 for s in statuses if s != 200), "")
        paid = Payment.objects.filter(status=PaymentStatus.PAID).count()
        report("payments: distinct payments sent", DISTINCT, "")
        report("payments: payments recorded as paid", paid, "")
        report("payments: receipts issued", Receipt.objects.count(), "")
        report("payments: events recorded (one row per event id)", ProviderEvent.objects.count(), "")
        assert paid == DISTINCT == Receipt.objects.count(), (
            "payments recorded must equal the distinct payments"
        )
