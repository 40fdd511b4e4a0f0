"""A citizen pays the garbage fee in Chromium: form, one-time code, demo checkout, paid, receipt."""

import re
from pathlib import Path

import pytest
from django.core import mail

from casework.models import Submission
from payments.constants import PaymentStatus
from tests.browser.conftest import save_screenshot, serious_accessibility_violations
from tests.conftest import build_thai_home
from tests.eforms.factories import add_catalogue
from tests.payments.conftest import make_garbage_service

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def garbage_fee(transactional_db, settings):
    settings.STRIPE_SECRET_KEY = ""  # demo payment mode
    settings.PAYMENTS_DEMO = True  # on purpose, as on a training server (off in production)
    settings.STRIPE_WEBHOOK_SECRET = ""
    return make_garbage_service(add_catalogue(build_thai_home()))


def check(page, name):
    assert serious_accessibility_violations(page) == [], name
    save_screenshot(page, f"payments-{name}")


def test_garbage_fee_paid_in_the_demo_checkout(live_server, chromium, garbage_fee, tmp_path):
    # A small phone (360 × 640): the price is known before choosing, and paying needs no scrolling.
    context = chromium.new_context(viewport={"width": 360, "height": 640}, locale="th-TH")
    page = context.new_page()
    page.goto(f"{live_server.url}{garbage_fee.url}apply/")
    page.get_by_label("บ้านเลขที่").fill("12/3")
    assert page.get_by_label("6 เดือน (240 บาท)").is_visible()
    page.get_by_label("6 เดือน").check()
    page.get_by_label("อีเมลสำหรับรับใบเสร็จ").fill("somchai@example.com")
    page.get_by_role("button", name="ถัดไป").click()
    assert page.locator(".eforms-fee-total").inner_text() == "ค่าธรรมเนียมที่ต้องชำระ: 240 บาท"
    page.get_by_role("button", name="ส่งคำขอ").click()
    reference = page.locator(".eforms-reference").inner_text()
    assert re.fullmatch(r"GF-\d{2}-000001", reference)
    check(page, "confirmation")
    pay = page.get_by_role("link", name="ชำระค่าธรรมเนียม 240 บาท")
    box = pay.bounding_box()
    assert box["y"] + box["height"] <= 640, f"the pay button ends {box['y'] + box['height']:.0f} px down"

    pay.click()
    assert f"/th/verify/{reference}/" in page.url  # no code yet: the payment page is out of reach
    page.get_by_role("button", name="ส่งรหัสให้ฉัน").click()
    code = re.search(r"^\s+(\d{6})\s*$", mail.outbox[-1].body, re.MULTILINE)[1]
    page.locator("input[name=code]").fill(code)
    page.get_by_role("button", name="ยืนยัน").click()

    assert page.get_by_role("heading", name="ชำระค่าธรรมเนียม").is_visible()
    assert "โหมดสาธิตการชำระเงิน" in page.content()
    assert "240 บาท" in page.content()
    check(page, "pay")
    page.get_by_role("button", name="ชำระ 240 บาท").click()

    assert "/payments/demo/checkout/" in page.url
    check(page, "demo-checkout")
    page.get_by_label("พร้อมเพย์ (ทดสอบ: ชำระสำเร็จ)").check()
    page.get_by_role("button", name="ยืนยันการชำระเงินทดสอบ").click()

    assert page.get_by_role("heading", name="ได้รับการชำระเงินแล้ว").is_visible()
    check(page, "paid")
    submission = Submission.objects.get(reference=reference)
    payment = submission.payments.get()
    assert payment.status == PaymentStatus.PAID and payment.amount_received == 24000
    assert payment.receipt.number in page.content()

    with page.expect_download() as download_info:
        page.get_by_role("link", name="ดาวน์โหลดใบเสร็จรับเงิน (PDF)").click()
    path = Path(download_info.value.path())
    assert path.read_bytes().startswith(b"%PDF")
    assert download_info.value.suggested_filename == f"receipt-{payment.receipt.number.replace('/', '-')}.pdf"
