"""Receipts: gap-free numbers per fiscal year, and a Thai PDF whose text copies out as Thai."""

import datetime
import shutil
import subprocess

import pytest
from django.db import transaction
from wagtail.models import Site

from casework.models import Submission
from home.models import OrganisationSettings
from payments import counter, receipts, services
from payments.constants import PaymentStatus
from payments.models import Payment, Receipt
from payments.transitions import transition
from tests.payments.conftest import make_submission, verify

pytestmark = pytest.mark.django_db


def _paid(submission, when):
    payment = Payment.objects.create(submission=submission, channel="counter", amount=4000, description="x")
    transition(
        payment,
        PaymentStatus.PAID,
        source="officer",
        changes={"amount_received": 4000, "method": "cash", "paid_at": when},
    )
    return payment


def test_numbers_restart_each_fiscal_year_and_have_no_gaps(garbage_service):
    tz = datetime.UTC
    a = _paid(make_submission(garbage_service), datetime.datetime(2025, 9, 30, 5, tzinfo=tz))
    b = _paid(make_submission(garbage_service), datetime.datetime(2025, 10, 1, 5, tzinfo=tz))
    with pytest.raises(RuntimeError), transaction.atomic():
        _paid(make_submission(garbage_service), datetime.datetime(2025, 10, 2, 5, tzinfo=tz))
        raise RuntimeError("rolled back: its number is given back")
    c = _paid(make_submission(garbage_service), datetime.datetime(2025, 10, 3, 5, tzinfo=tz))
    assert [p.receipt.number for p in (a, b, c)] == ["2568/000001", "2569/000001", "2569/000002"]


def _pdf_text(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "receipt.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_thai_receipt_copies_out_as_thai(garbage_service, tmp_path):
    organisation = OrganisationSettings.for_site(Site.objects.get(is_default_site=True))
    organisation.name_th = "เทศบาลตำบลดอยงาม"
    organisation.address_th = "99 หมู่ 1 ตำบลดอยงาม อำเภอพาน จังหวัดเชียงราย 57120"
    organisation.save()
    payment = _paid(make_submission(garbage_service), datetime.datetime(2026, 1, 15, 3, tzinfo=datetime.UTC))
    Payment.objects.filter(pk=payment.pk).update(amount_received=10000, amount=10000)
    text = _pdf_text(receipts.render_pdf(Receipt.objects.get()), tmp_path)
    assert "เทศบาลตำบลดอยงาม" in text
    assert "หนึ่งร้อยบาทถ้วน" in text
    assert "อำเภอพาน" in text
    assert "15 มกราคม 2569" in text  # Buddhist Era
    assert "ใบเสร็จรับเงิน" in text and payment.receipt.number in text


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_english_receipt_for_english_citizens(garbage_service, tmp_path):
    submission = make_submission(garbage_service, language="en")
    payment = _paid(submission, None)
    Payment.objects.filter(pk=payment.pk).update(language="en")
    text = _pdf_text(receipts.render_pdf(Receipt.objects.get()), tmp_path)
    assert "Receipt number" in text and "สี่สิบบาทถ้วน" in text


def test_citizen_downloads_the_receipt_after_the_code(client, garbage_service):
    submission = make_submission(garbage_service)
    _paid(submission, None)
    url = f"/th/payments/{submission.reference}/receipt/"
    assert client.get(url).status_code == 302
    verify(client, submission)
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert services.submission_payment(submission)["state"] == PaymentStatus.PAID


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_the_receipt_names_the_payer_what_was_paid_for_and_the_officer(
    garbage_service, permit_officer, tmp_path, client
):
    """Issue 16: who paid, for what (period, address, option) and, at the counter, who took the money."""
    permit_officer.first_name, permit_officer.last_name = "วิชัย", "รับเงิน"
    permit_officer.save()
    submission = make_submission(garbage_service, period="3")
    Submission.objects.filter(pk=submission.pk).update(applicant_name="สมชาย ใจดี")
    submission.refresh_from_db()
    payment = counter.record_counter_payment(
        submission, amount=45000, method="cash", note_text="", officer=permit_officer
    )
    text = _pdf_text(receipts.render_pdf(payment.receipt), tmp_path)
    assert "ผู้ชำระเงิน สมชาย ใจดี" in text
    assert "งวดที่ชำระ: 12 เดือน" in text  # the answer that set the fee
    assert "บ้านเลขที่" not in text  # not named by the service, and not an address
    assert "ผู้รับเงิน วิชัย รับเงิน" in text

    garbage_service.receipt_answers = "house_no period"
    garbage_service.save_revision().publish()
    text = _pdf_text(receipts.render_pdf(Receipt.objects.get()), tmp_path)
    assert "บ้านเลขที่: 12/3" in text and "งวดที่ชำระ: 12 เดือน" in text

    verify(client, submission)  # the payment page says the same
    page = client.get(f"/th/payments/{submission.reference}/").content.decode()
    assert "สมชาย ใจดี" in page and "12/3" in page


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_an_online_receipt_gives_the_payment_reference_without_the_providers_name(
    garbage_service, fake_stripe, tmp_path
):
    submission = make_submission(garbage_service)
    payment = Payment.objects.create(
        submission=submission,
        channel="online",
        provider="stripe",
        provider_reference="cs_test_1",
        provider_payment_reference="pi_3Q0abc",
        amount=4000,
        description="x",
    )
    transition(
        payment,
        PaymentStatus.PAID,
        source="webhook",
        changes={"amount_received": 4000, "method": "promptpay"},
    )
    text = _pdf_text(receipts.render_pdf(Receipt.objects.get()), tmp_path)
    assert "เลขอ้างอิงการชำระเงิน pi_3Q0abc" in text
    assert "Stripe" not in text and "ผู้รับเงิน" not in text
