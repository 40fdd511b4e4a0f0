"""`manage.py sync_payments` and demo payment mode."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections
from django.utils import timezone

from home import locks
from payments import checkout
from payments.constants import PaymentStatus
from payments.management.commands.sync_payments import LOCK
from payments.models import Payment, ProviderEvent
from payments.providers.stripe.models import DemoCheckoutSession
from tests.payments.conftest import make_submission, pay_url, start, verify

pytestmark = pytest.mark.django_db


def test_sync_applies_what_stripe_says_as_the_webhook_would(client, fake_stripe, submission):
    payment = start(client, submission)
    fake_stripe.pay(payment.provider_reference, method="promptpay")
    out = StringIO()
    call_command("sync_payments", stdout=out)
    payment.refresh_from_db()
    assert (payment.status, payment.method, payment.amount_received) == (
        PaymentStatus.PAID,
        "promptpay",
        4000,
    )
    assert "changed=1" in out.getvalue()
    assert payment.log.filter(source="sync", to_status=PaymentStatus.PAID).exists()
    call_command("sync_payments", stdout=StringIO())  # again: nothing to do, nothing changes
    assert payment.log.filter(to_status=PaymentStatus.PAID).count() == 1


def test_sync_expires_sessions_abandoned_for_a_day(client, fake_stripe, garbage_service):
    old = start(client, make_submission(garbage_service))
    Payment.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(hours=25))
    fresh = start(client, make_submission(garbage_service))
    counts = checkout.sync_pending()
    old.refresh_from_db()
    fresh.refresh_from_db()
    assert (
        old.status == PaymentStatus.EXPIRED
        and fake_stripe.sessions[old.provider_reference]["status"] == "expired"
    )
    assert fresh.status == PaymentStatus.PENDING
    assert counts["expired"] == 1


def test_sync_keeps_a_payment_paid_at_the_last_moment(client, fake_stripe, submission):
    payment = start(client, submission)
    Payment.objects.filter(pk=payment.pk).update(created_at=timezone.now() - datetime.timedelta(days=2))
    fake_stripe.pay(payment.provider_reference)
    checkout.sync_pending()
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PAID


def test_sync_survives_stripe_errors(client, fake_stripe, submission):
    payment = start(client, submission)
    fake_stripe.fail_next(500)
    counts = checkout.sync_pending()
    assert counts["errors"] == 1
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PENDING


def test_sync_is_skipped_while_another_run_holds_the_lock(fake_stripe, db):
    """The lock is the database's (or a file beside SQLite's), so it holds without Redis and across
    processes: here a second connection, as a second cron run would have."""
    other = connections.create_connection(DEFAULT_DB_ALIAS)
    try:
        with locks.single_run(LOCK, using=other) as held:
            assert held
            out = StringIO()
            call_command("sync_payments", stdout=out)
            assert "another run" in out.getvalue()
    finally:
        other.close()
    out = StringIO()
    call_command("sync_payments", stdout=out)  # released: the next run goes ahead
    assert "checked=0" in out.getvalue()


def test_demo_mode_checkout_posts_a_signed_event_to_our_webhook(client, demo_mode, submission):
    verify(client, submission)
    page = client.get(pay_url(submission))
    assert "โหมดสาธิต" in page.content.decode() or "Demo payment mode" in page.content.decode()
    response = client.post(pay_url(submission))
    assert response.status_code == 303
    demo_page = client.get(response["Location"])
    assert demo_page.status_code == 200
    response = client.post(response["Location"], {"choice": "promptpay"})
    assert response.status_code == 302
    payment = Payment.objects.get()
    assert (payment.status, payment.provider, payment.method) == (PaymentStatus.PAID, "demo", "promptpay")
    assert list(ProviderEvent.objects.order_by("pk").values_list("type", flat=True)) == [
        "checkout.session.completed",
        "checkout.session.async_payment_succeeded",
    ]
    done = client.get(response["Location"])
    assert done.status_code == 200 and payment.receipt.number in done.content.decode()


def test_demo_promptpay_refused_then_paid_by_card(client, demo_mode, submission):
    verify(client, submission)
    url = client.post(pay_url(submission))["Location"]
    client.post(url, {"choice": "promptpay_fails"})
    assert Payment.objects.get().status == PaymentStatus.FAILED
    url = client.post(pay_url(submission))["Location"]
    client.post(url, {"choice": "card"})
    assert Payment.objects.filter(status=PaymentStatus.PAID).count() == 1
    assert DemoCheckoutSession.objects.count() == 2


def test_demo_checkout_is_closed_when_stripe_keys_are_set(client, fake_stripe, db):
    assert client.get("/th/payments/demo/checkout/cs_demo_x/").status_code == 404
