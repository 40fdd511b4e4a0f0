"""The webhook: signatures, repeats, events out of order, mismatches."""

import pytest
from django.test import Client

from payments import checkout
from payments.constants import EventOutcome, PaymentStatus
from payments.models import Payment, PaymentLog, ProviderEvent, Receipt
from tests.payments.conftest import WEBHOOK_URL, deliver, make_submission, start

pytestmark = pytest.mark.django_db


def test_bad_signature_is_refused_and_changes_nothing(client, fake_stripe, submission):
    payment = start(client, submission)
    fake_stripe.pay(payment.provider_reference)
    event = fake_stripe.event("checkout.session.completed", payment.provider_reference)
    assert deliver(client, event, secret="whsec_wrong").status_code == 400
    assert client.post(WEBHOOK_URL, "{}", content_type="application/json").status_code == 400
    assert deliver(client, event, signature="t=1,v1=deadbeef").status_code == 400
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PENDING and not ProviderEvent.objects.exists()


def test_webhook_is_csrf_exempt_and_outside_the_language_prefix(fake_stripe, submission):
    strict = Client(enforce_csrf_checks=True)
    response = deliver(strict, {"id": "evt_x", "type": "customer.created", "data": {"object": {}}})
    assert response.status_code == 200
    assert ProviderEvent.objects.get(event_id="evt_x").outcome == EventOutcome.IGNORED


def test_the_same_event_ten_times_is_applied_once(client, fake_stripe, submission):
    payment = start(client, submission)
    fake_stripe.pay(payment.provider_reference)
    event = fake_stripe.event("checkout.session.completed", payment.provider_reference)
    for _ in range(10):
        assert deliver(client, event).status_code == 200
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PAID
    record = ProviderEvent.objects.get()
    assert (record.deliveries, record.outcome) == (10, EventOutcome.APPLIED)
    assert (
        PaymentLog.objects.filter(
            payment=payment, to_status=PaymentStatus.PAID, from_status=PaymentStatus.PENDING
        ).count()
        == 1
    )
    assert Receipt.objects.count() == 1


def test_completed_arrives_before_the_citizen_returns(client, fake_stripe, submission):
    payment = start(client, submission)
    fake_stripe.pay(payment.provider_reference, method="card")
    deliver(client, fake_stripe.event("checkout.session.completed", payment.provider_reference))
    calls = len(fake_stripe.requests)
    page = client.get(f"/th/payments/{submission.reference}/done/?payment={payment.pk}")
    assert page.status_code == 200
    text = page.content.decode()
    assert "ชำระค่าธรรมเนียมเรียบร้อย" in text or "The fee has been paid" in text
    assert len(fake_stripe.requests) == calls  # already paid: no need to ask Stripe


def test_the_redirect_alone_never_marks_paid(client, fake_stripe, submission):
    payment = start(client, submission)
    page = client.get(f"/th/payments/{submission.reference}/done/?payment={payment.pk}")
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PENDING
    assert page.status_code == 200
    # …but once Stripe says it is paid, the return page confirms it by asking Stripe's API.
    fake_stripe.pay(payment.provider_reference)
    client.get(f"/th/payments/{submission.reference}/done/?payment={payment.pk}")
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PAID
    assert payment.log.filter(source="return", to_status=PaymentStatus.PAID).exists()


def test_promptpay_completes_unpaid_then_succeeds(client, fake_stripe, submission):
    payment = start(client, submission)
    fake_stripe.pay(payment.provider_reference, method="promptpay", paid=False)
    deliver(client, fake_stripe.event("checkout.session.completed", payment.provider_reference))
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PENDING
    fake_stripe.pay(payment.provider_reference, method="promptpay", paid=True)
    deliver(client, fake_stripe.event("checkout.session.async_payment_succeeded", payment.provider_reference))
    payment.refresh_from_db()
    assert (payment.status, payment.method) == (PaymentStatus.PAID, "promptpay")


def test_async_failed_after_a_retry_succeeded_changes_nothing_paid(client, fake_stripe, submission):
    payment = start(client, submission)
    session_id = payment.provider_reference
    fake_stripe.pay(session_id, method="promptpay", paid=False)
    deliver(client, fake_stripe.event("checkout.session.completed", session_id))
    failed_event = fake_stripe.event("checkout.session.async_payment_failed", session_id)
    # The payer retried in the same session and it went through; the old failure arrives last.
    fake_stripe.pay(session_id, method="promptpay", paid=True)
    deliver(client, fake_stripe.event("checkout.session.async_payment_succeeded", session_id))
    assert deliver(client, failed_event).status_code == 200
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PAID
    assert ProviderEvent.objects.get(event_id=failed_event["id"]).outcome == EventOutcome.IGNORED


def test_failure_in_one_session_then_a_new_session_paid(client, fake_stripe, submission):
    first = start(client, submission)
    fake_stripe.pay(first.provider_reference, method="promptpay", paid=False)
    fake_stripe.fail(first.provider_reference)
    deliver(client, fake_stripe.event("checkout.session.async_payment_failed", first.provider_reference))
    first.refresh_from_db()
    assert first.status == PaymentStatus.FAILED
    response = client.post(f"/th/payments/{submission.reference}/")
    second = Payment.objects.exclude(pk=first.pk).get()
    assert response["Location"] == second.checkout_url
    fake_stripe.pay(second.provider_reference)
    late_failure = fake_stripe.event("checkout.session.async_payment_failed", first.provider_reference)
    deliver(client, fake_stripe.event("checkout.session.completed", second.provider_reference))
    deliver(client, late_failure)
    second.refresh_from_db()
    assert second.status == PaymentStatus.PAID
    assert checkout.settled_payment(submission) == second


def test_amount_mismatch_is_flagged_not_paid(client, fake_stripe, submission):
    payment = start(client, submission)
    fake_stripe.pay(payment.provider_reference, amount=100)
    event = fake_stripe.event("checkout.session.completed", payment.provider_reference)
    deliver(client, event)
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.NEEDS_REVIEW
    assert "amount 100" in payment.review_reason
    assert not Receipt.objects.exists()
    assert ProviderEvent.objects.get().outcome == EventOutcome.FLAGGED


def test_currency_mismatch_is_flagged(client, fake_stripe, submission):
    payment = start(client, submission)
    fake_stripe.pay(payment.provider_reference, currency="usd")
    deliver(client, fake_stripe.event("checkout.session.completed", payment.provider_reference))
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.NEEDS_REVIEW and "currency" in payment.review_reason


def test_expired_after_paid_is_ignored_and_paid_after_expired_is_kept(client, fake_stripe, garbage_service):
    submission = make_submission(garbage_service)
    payment = start(client, submission)
    session_id = payment.provider_reference
    expired = fake_stripe.event(
        "checkout.session.expired",
        session_id,
        obj={**fake_stripe.public(fake_stripe.sessions[session_id]), "status": "expired"},
    )
    deliver(client, expired)
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.EXPIRED
    fake_stripe.pay(session_id)  # a late confirmation: the money was taken, so it counts
    deliver(client, fake_stripe.event("checkout.session.completed", session_id))
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PAID


def test_charge_refunded_before_the_payment_is_known_is_deferred_then_applied(
    client, fake_stripe, submission
):
    payment = start(client, submission)
    fake_stripe.pay(payment.provider_reference)
    refunded = fake_stripe.event("charge.refunded", obj=fake_stripe.charge(payment.provider_reference, 4000))
    deliver(client, refunded)
    assert ProviderEvent.objects.get(event_id=refunded["id"]).outcome == EventOutcome.DEFERRED
    deliver(client, fake_stripe.event("checkout.session.completed", payment.provider_reference))
    checkout.sync_pending()
    payment.refresh_from_db()
    assert (payment.status, payment.amount_refunded) == (PaymentStatus.REFUNDED, 4000)
    assert ProviderEvent.objects.get(event_id=refunded["id"]).outcome == EventOutcome.APPLIED


def test_a_second_payment_of_a_paid_fee_is_flagged(client, fake_stripe, submission):
    first = start(client, submission)
    other = Payment.objects.create(
        submission=submission, channel="online", provider="stripe", amount=4000, description="x"
    )
    other.provider_reference = "cs_other"
    other.save()
    fake_stripe.pay(first.provider_reference)
    deliver(client, fake_stripe.event("checkout.session.completed", first.provider_reference))
    twin = {
        **fake_stripe.public(fake_stripe.sessions[first.provider_reference]),
        "id": "cs_other",
        "payment_intent": "pi_other",
    }
    deliver(client, fake_stripe.event("checkout.session.completed", obj=twin))
    other.refresh_from_db()
    assert other.status == PaymentStatus.NEEDS_REVIEW and "already paid" in other.review_reason


def test_events_of_other_systems_are_recorded_and_ignored(client, fake_stripe):
    event = {
        "id": "evt_other",
        "type": "checkout.session.completed",
        "data": {"object": {"id": "cs_unknown", "metadata": {}}},
    }
    assert deliver(client, event).status_code == 200
    assert ProviderEvent.objects.get().outcome == EventOutcome.IGNORED
