"""PromptPay QR in Chromium, from the QR code to the receipt: the citizen proves their email with the
one-time code, chooses PromptPay QR and gets a code that a barcode reader decodes into a valid Thai QR
bill payment (right CRC, amount and Ref1); the officer imports the bank's CSV statement in the admin;
the citizen sees "paid" and downloads the receipt. axe finds nothing on the citizen's pages."""

import io
import re
from pathlib import Path

import pytest
import zxingcpp
from django.contrib.auth.models import Group
from django.core import mail
from PIL import Image

from casework.models import ServiceHandler, Submission
from home.groups import PERMIT_OFFICERS
from payments.constants import PaymentStatus
from payments.providers.promptpay_qr import payload
from tests.browser.conftest import save_screenshot, serious_accessibility_violations
from tests.conftest import build_thai_home
from tests.eforms.factories import add_catalogue
from tests.payments.conftest import BILLER_ID, enable_providers, make_garbage_service, statement_csv

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "a-long-test-password"


@pytest.fixture
def garbage_fee(transactional_db, settings):
    settings.STRIPE_SECRET_KEY = ""  # no Stripe: the demo checkout and PromptPay QR are offered
    settings.PAYMENTS_DEMO = True  # on purpose, as on a training server (off in production)
    settings.STRIPE_WEBHOOK_SECRET = ""
    service = make_garbage_service(add_catalogue(build_thai_home()))
    enable_providers("demo", "promptpay_qr")
    return service


@pytest.fixture
def officer(django_user_model, garbage_fee):
    user = django_user_model.objects.create_user("officer", "officer@example.com", PASSWORD)
    group = Group.objects.get(name=PERMIT_OFFICERS)
    user.groups.add(group)
    ServiceHandler.objects.create(service=garbage_fee, group=group)
    return user


def check(page, name):
    assert serious_accessibility_violations(page) == [], name
    save_screenshot(page, f"promptpay-qr-{name}")


def decode(png: bytes) -> str:
    [code] = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    return code.text


def test_promptpay_qr_from_code_to_receipt(
    live_server, chromium, browser_page, garbage_fee, officer, tmp_path
):
    phone = browser_page
    phone.set_default_timeout(10_000)
    phone.goto(f"{live_server.url}{garbage_fee.url}apply/")
    phone.get_by_label("บ้านเลขที่").fill("12/3")
    phone.get_by_label("6 เดือน").check()
    phone.get_by_label("อีเมลสำหรับรับใบเสร็จ").fill("somchai@example.com")
    phone.get_by_role("button", name="ถัดไป").click()
    phone.get_by_role("button", name="ส่งคำขอ").click()
    reference = phone.locator(".eforms-reference").inner_text()
    ref1 = reference.replace("-", "")

    # The one-time code, then the choice of the ways the office offers.
    phone.get_by_role("link", name="ชำระค่าธรรมเนียม").click()
    phone.get_by_role("button", name="ส่งรหัสให้ฉัน").click()
    code = re.search(r"^\s+(\d{6})\s*$", mail.outbox[-1].body, re.MULTILINE)[1]
    phone.locator("input[name=code]").fill(code)
    phone.get_by_role("button", name="ยืนยัน").click()
    assert phone.get_by_role("heading", name="ชำระค่าธรรมเนียม").is_visible()
    check(phone, "choice")
    phone.get_by_label("คิวอาร์โค้ดพร้อมเพย์ โอนเข้าบัญชีธนาคารของสำนักงานโดยตรง").check()
    phone.get_by_role("button", name="ชำระ 240 บาท").click()

    # The QR code: read back from the image the server sends and from what the screen shows.
    phone.wait_for_url(re.compile(rf"/th/payments/{reference}/promptpay-qr/\d+/$"))
    assert phone.get_by_role("heading", name="ชำระด้วยคิวอาร์โค้ดพร้อมเพย์").is_visible()
    image = phone.get_by_role("img", name=re.compile("คิวอาร์โค้ดพร้อมเพย์"))
    served = phone.context.request.get(f"{live_server.url}{image.get_attribute('src')}")
    assert served.status == 200 and served.headers["content-type"] == "image/png"
    text = decode(served.body())
    assert decode(image.screenshot()) == text
    fields = payload.decode(text)  # raises if the CRC is wrong
    assert text.startswith("000201010212") and text[-8:-4] == "6304"
    assert fields["30"]["00"] == "A000000677010112" and fields["30"]["01"] == BILLER_ID
    assert fields["30"]["02"] == ref1 and fields["54"] == "240.00" and fields["53"] == "764"
    assert ref1 in phone.content() and "240 บาท" in phone.content()
    check(phone, "code")
    phone.get_by_role("link", name="ฉบับสำหรับพิมพ์").click()
    assert phone.get_by_role("img", name=re.compile("คิวอาร์โค้ดพร้อมเพย์")).is_visible()
    check(phone, "print")
    phone.go_back()
    phone.get_by_role("link", name="ดูว่าการชำระเงินได้รับแล้วหรือยัง").click()
    assert "แสดงคิวอาร์โค้ดอีกครั้ง" in phone.content()  # not paid yet: the code is kept
    check(phone, "waiting")

    # The officer imports the bank's statement (Windows-874, Buddhist Era dates, as Thai banks export).
    payment = Submission.objects.get(reference=reference).payments.get()
    statement = tmp_path / "statement.csv"
    statement.write_bytes(
        statement_csv([("27/11/2569 10:31", "240.00", ref1, payment.pk, "KTB0001")], encoding="cp874")
    )
    desk = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="th-TH").new_page()
    desk.set_default_timeout(10_000)
    desk.goto(f"{live_server.url}/admin/login/")
    desk.locator("input[name=username]").fill("officer")
    desk.locator("input[name=password]").fill(PASSWORD)
    desk.locator("form.login-form button[type=submit]").click()
    desk.wait_for_url(f"{live_server.url}/admin/")
    desk.goto(f"{live_server.url}/admin/payments/")
    desk.get_by_role("link", name="รายการเดินบัญชีธนาคาร (คิวอาร์พร้อมเพย์)").click()
    desk.get_by_label("รายการเดินบัญชีธนาคาร (CSV)").set_input_files(str(statement))
    desk.get_by_role("button", name="นำเข้า", exact=True).click()
    desk.wait_for_load_state()
    result = desk.locator("#statement-result")
    assert "ชำระแล้ว: ออกใบเสร็จรับเงินแล้ว" in result.inner_text() and reference in result.inner_text()
    save_screenshot(desk, "promptpay-qr-statement-imported")
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PAID and payment.amount_received == 24000

    # The citizen sees it paid and downloads the receipt.
    phone.reload()
    assert "ชำระค่าธรรมเนียมเรียบร้อยแล้ว" in phone.content() or payment.receipt.number in phone.content()
    assert payment.receipt.number in phone.content()
    check(phone, "paid")
    with phone.expect_download() as download_info:
        phone.get_by_role("link", name="ดาวน์โหลดใบเสร็จรับเงิน (PDF)").click()
    assert Path(download_info.value.path()).read_bytes().startswith(b"%PDF")
    assert any(payment.receipt.number in message.body for message in mail.outbox)
