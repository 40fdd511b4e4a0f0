"""Receipts: gap-free numbers per fiscal year, and a Thai PDF whose text copies out as Thai."""

import datetime
import shutil
import subprocess

import pytest
from django.db import transaction
from wagtail.models import Site

from home.models import OrganisationSettings
from payments import receipts, services
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
