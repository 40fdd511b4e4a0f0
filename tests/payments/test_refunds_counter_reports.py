"""Officers: refunds (with a second officer above the limit), counter payments, receipts numbering,
the reconciliation report."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from casework.models import ServiceHandler
from home.groups import PERMIT_OFFICERS
from payments import checkout, counter, refunds
from payments.constants import PaymentStatus, RefundStatus
from payments.models import PaymentSettings, Receipt
from payments.models import Refund as RefundModel
from tests.conftest import make_staff
from tests.payments.conftest import deliver, make_submission, start

pytestmark = pytest.mark.django_db


@pytest.fixture
def paid(client, fake_stripe, submission, django_capture_on_commit_callbacks):
    payment = start(client, submission)
    fake_stripe.pay(payment.provider_reference)
    with django_capture_on_commit_callbacks(execute=True):
        deliver(client, fake_stripe.event("checkout.session.completed", payment.provider_reference))
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PAID
    return payment


def test_partial_then_full_refund_through_stripe(paid, fake_stripe, permit_officer):
    refund = refunds.request_refund(paid, amount=1000, reason="ชำระเกิน", officer=permit_officer)
    assert refund.status == RefundStatus.SUCCEEDED and refund.provider_reference.startswith("re_test_")
    paid.refresh_from_db()
    assert (paid.status, paid.amount_refunded) == (PaymentStatus.PARTLY_REFUNDED, 1000)
    refunds.request_refund(paid, amount=3000, reason="ยกเลิกคำขอ", officer=permit_officer)
    paid.refresh_from_db()
    assert (paid.status, paid.amount_refunded) == (PaymentStatus.REFUNDED, 4000)
    assert fake_stripe.requests[-1][2]["amount"] == "3000"


def test_refund_larger_than_paid_is_refused(paid, fake_stripe, permit_officer):
    with pytest.raises(refunds.RefundError):
        refunds.request_refund(paid, amount=4001, reason="ผิด", officer=permit_officer)
    refunds.request_refund(paid, amount=3000, reason="บางส่วน", officer=permit_officer)
    with pytest.raises(refunds.RefundError):
        refunds.request_refund(paid, amount=1001, reason="เกิน", officer=permit_officer)
    with pytest.raises(refunds.RefundError):
        refunds.request_refund(paid, amount=100, reason="", officer=permit_officer)
    assert len(fake_stripe.refunds) == 1


def test_the_charge_refunded_webhook_after_our_refund_changes_nothing(
    client, paid, fake_stripe, permit_officer
):
    refunds.request_refund(paid, amount=4000, reason="ยกเลิก", officer=permit_officer)
    deliver(
        client, fake_stripe.event("charge.refunded", obj=fake_stripe.charge(paid.provider_reference, 4000))
    )
    paid.refresh_from_db()
    assert (paid.status, paid.amount_refunded) == (PaymentStatus.REFUNDED, 4000)


def test_refund_above_the_limit_needs_a_second_officer(paid, fake_stripe, permit_officer, django_user_model):
    settings = PaymentSettings.for_office(paid.submission.office)
    settings.refund_approval_threshold = 2000
    settings.save()
    refund = refunds.request_refund(paid, amount=3000, reason="ยกเลิก", officer=permit_officer)
    assert refund.status == RefundStatus.AWAITING_APPROVAL and not fake_stripe.refunds
    with pytest.raises(refunds.RefundError):
        refunds.approve_refund(refund, officer=permit_officer)
    # The amount held for approval cannot be asked for a second time meanwhile.
    with pytest.raises(refunds.RefundError):
        refunds.request_refund(paid, amount=1500, reason="ซ้ำ", officer=permit_officer)
    second = make_staff(django_user_model, "second")
    refund = refunds.approve_refund(refund, officer=second)
    assert refund.status == RefundStatus.SUCCEEDED and refund.approved_by == second
    paid.refresh_from_db()
    assert paid.amount_refunded == 3000


def test_refund_retry_after_a_timeout_does_not_refund_twice(paid, fake_stripe, permit_officer):
    fake_stripe.delay_next(1.5)
    with pytest.raises(refunds.RefundError):
        refunds.request_refund(paid, amount=4000, reason="ยกเลิก", officer=permit_officer)
    refund = paid.refunds.get()
    assert refund.status == RefundStatus.PROCESSING
    refunds.execute_refund(refund)
    refund.refresh_from_db()
    assert refund.status == RefundStatus.SUCCEEDED
    assert len(fake_stripe.refunds) == 1


def test_a_refund_the_provider_did_not_answer_is_sent_again_by_sync(paid, fake_stripe, permit_officer):
    fake_stripe.delay_next(1.5)
    with pytest.raises(refunds.RefundError):
        refunds.request_refund(paid, amount=4000, reason="ยกเลิก", officer=permit_officer)
    refund = paid.refunds.get()
    call_command("sync_payments", stdout=StringIO())  # too soon: the officer may still try again
    refund.refresh_from_db()
    assert refund.status == RefundStatus.PROCESSING and not fake_stripe.refunds
    RefundModel.objects.filter(pk=refund.pk).update(requested_at=timezone.now() - refunds.RETRY_AFTER)
    out = StringIO()
    call_command("sync_payments", stdout=out)
    refund.refresh_from_db()
    assert refund.status == RefundStatus.SUCCEEDED and "refunds_retried=1" in out.getvalue()
    call_command("sync_payments", stdout=StringIO())
    assert len(fake_stripe.refunds) == 1


def test_counter_payment_gets_the_next_receipt_number(client, paid, garbage_service, permit_officer):
    other = make_submission(garbage_service)
    payment = counter.record_counter_payment(
        other, amount=4000, method="cash", note_text="ใบนำส่ง 12", officer=permit_officer
    )
    assert payment.status == PaymentStatus.PAID and payment.channel == "counter"
    first, second = Receipt.objects.order_by("sequence")
    assert second.sequence == first.sequence + 1 and second.fiscal_year == first.fiscal_year
    with pytest.raises(checkout.PaymentUnavailable):
        counter.record_counter_payment(
            other, amount=4000, method="cash", note_text="", officer=permit_officer
        )
    refund = refunds.request_refund(payment, amount=4000, reason="คืนเงินสด", officer=permit_officer)
    assert refund.status == RefundStatus.SUCCEEDED


def test_counter_payment_expires_the_open_online_checkout(client, fake_stripe, submission, permit_officer):
    online = start(client, submission)
    counter.record_counter_payment(
        submission, amount=4000, method="transfer", note_text="", officer=permit_officer
    )
    online.refresh_from_db()
    assert online.status == PaymentStatus.EXPIRED
    assert fake_stripe.sessions[online.provider_reference]["status"] == "expired"


def test_receipt_email_has_the_pdf_attached_and_the_timeline_shows_it(paid):
    message = next(m for m in mail.outbox if paid.receipt.number in m.body)
    assert message.to == [paid.submission.applicant_email]
    assert "ใบเสร็จรับเงิน" in message.subject
    name, content, mimetype = message.attachments[0]
    assert mimetype == "application/pdf" and content.startswith(b"%PDF")
    assert name == f"receipt-{paid.receipt.number.replace('/', '-')}.pdf"
    entry = paid.submission.events.get(kind="payment")
    assert entry.visible_to_citizen and entry.data["state"] == PaymentStatus.PAID


def test_officer_screens(client, paid, administrator, permit_officer):

    # Officers reach the payments of the services their group handles (tests/security/test_access_matrix.py).
    ServiceHandler.objects.create(
        service=paid.submission.service, group=Group.objects.get(name=PERMIT_OFFICERS)
    )
    client.force_login(permit_officer)
    url = reverse("payments_admin:submission", args=[paid.submission.reference])
    page = client.get(url)
    assert page.status_code == 200 and paid.receipt.number in page.content.decode()
    response = client.post(
        reverse("payments_admin:refund", args=[paid.submission.reference, paid.pk]),
        {"amount": "10.00", "reason": "ทดสอบ"},
    )
    assert response.status_code == 302
    paid.refresh_from_db()
    assert paid.amount_refunded == 1000
    assert client.get(reverse("payments_admin:report")).status_code in (302, 403)  # Wagtail redirects
    assert client.get(reverse("payments_admin:receipt", args=[paid.pk])).status_code == 200
    client.force_login(administrator)
    report = client.get(reverse("payments_admin:report"))
    assert report.status_code == 200
    csv = client.get(reverse("payments_admin:report") + "?format=csv").content.decode()
    assert paid.receipt.number in csv and "40.00" in csv and "10.00" in csv


def test_a_citizen_cannot_reach_officer_screens(client, paid):
    response = client.get(reverse("payments_admin:submission", args=[paid.submission.reference]))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
